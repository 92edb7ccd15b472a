package org.echomask.mask;

import java.util.ArrayDeque;

/**
 * Binary morphology with rectangular structuring elements of odd size {@code rows x cols}
 * (frequency x time), centred on the pixel. A rectangle is separable, so each operation is two
 * running-count passes: linear in the pixel count whatever the element size. Outside the image
 * counts as background, as in scipy.ndimage; {@link #close} is the infinite-plane closing (as if
 * the image were padded with background), so unlike scipy's unpadded {@code binary_closing} it never
 * removes pixels near the border.
 */
public final class Morphology {
    private Morphology() {}

    /** Pixels whose whole window lies inside the mask (outside the image is background). */
    public static boolean[][] erode(boolean[][] mask, int rows, int cols) {
        check(mask, rows, cols);
        return pass(pass(mask, cols, 1, true), rows, 0, true);
    }

    /** Pixels whose window touches the mask. */
    public static boolean[][] dilate(boolean[][] mask, int rows, int cols) {
        check(mask, rows, cols);
        return pass(pass(mask, cols, 1, false), rows, 0, false);
    }

    /** Erosion then dilation: removes structures narrower than the element. */
    public static boolean[][] open(boolean[][] mask, int rows, int cols) {
        return dilate(erode(mask, rows, cols), rows, cols);
    }

    /** Dilation then erosion: bridges gaps narrower than the element; never removes a pixel. */
    public static boolean[][] close(boolean[][] mask, int rows, int cols) {
        check(mask, rows, cols);
        int pr = rows / 2;
        int pc = cols / 2;
        int h = mask.length;
        int w = Masks.columns(mask);
        boolean[][] padded = new boolean[h + 2 * pr][w + 2 * pc];
        for (int f = 0; f < h; f++) {
            System.arraycopy(mask[f], 0, padded[f + pr], pc, w);
        }
        boolean[][] closed = erode(dilate(padded, rows, cols), rows, cols);
        boolean[][] out = new boolean[h][];
        for (int f = 0; f < h; f++) {
            out[f] = java.util.Arrays.copyOfRange(closed[f + pr], pc, pc + w);
        }
        return out;
    }

    /**
     * Fills holes: background regions that cannot reach the image border through 4-connected
     * background pixels become foreground (scipy {@code binary_fill_holes} default).
     */
    public static boolean[][] fillHoles(boolean[][] mask) {
        int h = mask.length;
        int w = Masks.columns(mask);
        boolean[][] outside = new boolean[h][w];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                if ((f == 0 || t == 0 || f == h - 1 || t == w - 1) && !mask[f][t] && !outside[f][t]) {
                    outside[f][t] = true;
                    queue.add(new int[] {f, t});
                }
            }
        }
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!queue.isEmpty()) {
            int[] p = queue.poll();
            for (int[] s : steps) {
                int f = p[0] + s[0];
                int t = p[1] + s[1];
                if (f >= 0 && t >= 0 && f < h && t < w && !mask[f][t] && !outside[f][t]) {
                    outside[f][t] = true;
                    queue.add(new int[] {f, t});
                }
            }
        }
        boolean[][] out = new boolean[h][w];
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                out[f][t] = !outside[f][t];
            }
        }
        return out;
    }

    /**
     * One 1-D pass of odd {@code size} along {@code axis}. Erosion keeps a pixel when its window
     * holds no background pixel (positions outside the image count as background); dilation sets
     * it when the window holds any foreground pixel.
     */
    private static boolean[][] pass(boolean[][] in, int size, int axis, boolean erode) {
        int h = in.length;
        int w = h == 0 ? 0 : in[0].length;
        boolean[][] out = new boolean[h][w];
        int n = axis == 0 ? h : w;
        int lines = axis == 0 ? w : h;
        int r = size / 2;
        for (int line = 0; line < lines; line++) {
            // count = number of "interesting" pixels (background for erosion, foreground for
            // dilation) in [i - r, i + r], outside positions included for erosion.
            int count = 0;
            for (int j = -r; j <= r - 1; j++) {
                count += interesting(in, line, j, n, axis, erode);
            }
            for (int i = 0; i < n; i++) {
                count += interesting(in, line, i + r, n, axis, erode);
                if (i - r - 1 >= -r) {
                    count -= interesting(in, line, i - r - 1, n, axis, erode);
                }
                boolean v = erode ? count == 0 : count > 0;
                if (axis == 0) {
                    out[i][line] = v;
                } else {
                    out[line][i] = v;
                }
            }
        }
        return out;
    }

    private static int interesting(boolean[][] in, int line, int j, int n, int axis, boolean erode) {
        if (j < 0 || j >= n) {
            return erode ? 1 : 0;
        }
        boolean v = axis == 0 ? in[j][line] : in[line][j];
        return v != erode ? 1 : 0;
    }

    private static void check(boolean[][] mask, int rows, int cols) {
        Masks.columns(mask);
        Filters.requireOdd(rows, "rows");
        Filters.requireOdd(cols, "cols");
    }
}
