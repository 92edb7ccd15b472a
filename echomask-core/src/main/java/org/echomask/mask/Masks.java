package org.echomask.mask;

/**
 * Shape checks and small pixel-wise operations shared by the mask functions. Masks and images are
 * {@code [frequency][time]} grids; every row must have the same length.
 */
public final class Masks {
    private Masks() {}

    /** Number of columns of a rectangular grid; rejects ragged rows. An empty grid has 0. */
    public static int columns(boolean[][] mask) {
        int cols = mask.length == 0 ? 0 : mask[0].length;
        for (boolean[] row : mask) {
            if (row.length != cols) {
                throw new IllegalArgumentException("ragged mask: row of " + row.length + " vs " + cols);
            }
        }
        return cols;
    }

    /** Number of columns of a rectangular image; rejects ragged rows. */
    public static int columns(float[][] image) {
        int cols = image.length == 0 ? 0 : image[0].length;
        for (float[] row : image) {
            if (row.length != cols) {
                throw new IllegalArgumentException("ragged image: row of " + row.length + " vs " + cols);
            }
        }
        return cols;
    }

    /** Checks that two masks have the same shape. */
    public static void requireSameShape(boolean[][] a, boolean[][] b) {
        int ca = columns(a);
        int cb = columns(b);
        if (a.length != b.length || ca != cb) {
            throw new IllegalArgumentException("mask shapes differ: " + a.length + "x" + ca + " vs " + b.length + "x" + cb);
        }
    }

    public static long count(boolean[][] mask) {
        long n = 0;
        for (boolean[] row : mask) {
            for (boolean b : row) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }

    public static boolean[][] and(boolean[][] a, boolean[][] b) {
        requireSameShape(a, b);
        boolean[][] out = new boolean[a.length][];
        for (int f = 0; f < a.length; f++) {
            out[f] = new boolean[a[f].length];
            for (int t = 0; t < out[f].length; t++) {
                out[f][t] = a[f][t] && b[f][t];
            }
        }
        return out;
    }

    public static boolean[][] or(boolean[][] a, boolean[][] b) {
        requireSameShape(a, b);
        boolean[][] out = new boolean[a.length][];
        for (int f = 0; f < a.length; f++) {
            out[f] = new boolean[a[f].length];
            for (int t = 0; t < out[f].length; t++) {
                out[f][t] = a[f][t] || b[f][t];
            }
        }
        return out;
    }

    /** Pixels of the image strictly above {@code level}. */
    public static boolean[][] above(float[][] image, double level) {
        columns(image);
        boolean[][] out = new boolean[image.length][];
        for (int f = 0; f < image.length; f++) {
            out[f] = new boolean[image[f].length];
            for (int t = 0; t < out[f].length; t++) {
                out[f][t] = image[f][t] > level;
            }
        }
        return out;
    }

    public static boolean[][] copy(boolean[][] mask) {
        boolean[][] out = new boolean[mask.length][];
        for (int f = 0; f < mask.length; f++) {
            out[f] = mask[f].clone();
        }
        return out;
    }
}
