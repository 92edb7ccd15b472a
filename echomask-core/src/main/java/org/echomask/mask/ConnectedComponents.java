package org.echomask.mask;

/**
 * 8-connected components of a binary mask (pixels touching by an edge or a corner belong together,
 * scipy {@code label(structure=ones((3, 3)))}).
 */
public final class ConnectedComponents {
    private ConnectedComponents() {}

    /**
     * Component labels: 0 on background, 1..n on foreground, numbered in raster order (row by row,
     * then column) of each component's first pixel.
     */
    public record Labels(int[][] labels, int count, int[] areas) {
        /** Area in pixels of component {@code label} (1..count). */
        public int area(int label) {
            return areas[label];
        }
    }

    public static Labels label(boolean[][] mask) {
        int h = mask.length;
        int w = Masks.columns(mask);
        int[][] labels = new int[h][w];
        // Union-find over provisional labels of a raster scan: one pass plus a relabel pass.
        int[] parent = new int[h * w / 2 + 2];
        int next = 1;
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                if (!mask[f][t]) {
                    continue;
                }
                int l = 0;
                // Already-visited neighbours: left, and the three above.
                l = join(parent, l, t > 0 ? labels[f][t - 1] : 0);
                if (f > 0) {
                    l = join(parent, l, t > 0 ? labels[f - 1][t - 1] : 0);
                    l = join(parent, l, labels[f - 1][t]);
                    l = join(parent, l, t + 1 < w ? labels[f - 1][t + 1] : 0);
                }
                if (l == 0) {
                    if (next >= parent.length) {
                        parent = java.util.Arrays.copyOf(parent, parent.length * 2);
                    }
                    parent[next] = next;
                    l = next++;
                }
                labels[f][t] = l;
            }
        }
        // Final labels in raster order of first pixel: roots are met in that order.
        int[] finalLabel = new int[next];
        int count = 0;
        int[] areas = new int[next + 1];
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                int l = labels[f][t];
                if (l == 0) {
                    continue;
                }
                int root = find(parent, l);
                if (finalLabel[root] == 0) {
                    finalLabel[root] = ++count;
                }
                labels[f][t] = finalLabel[root];
                areas[labels[f][t]]++;
            }
        }
        return new Labels(labels, count, java.util.Arrays.copyOf(areas, count + 1));
    }

    /** The mask without the 8-connected components of fewer than {@code minArea} pixels. */
    public static boolean[][] removeSmall(boolean[][] mask, int minArea) {
        if (minArea < 0) {
            throw new IllegalArgumentException("minimum area must be >= 0, got " + minArea);
        }
        Labels l = label(mask);
        boolean[][] out = new boolean[mask.length][];
        for (int f = 0; f < mask.length; f++) {
            out[f] = new boolean[mask[f].length];
            for (int t = 0; t < out[f].length; t++) {
                int c = l.labels()[f][t];
                out[f][t] = c > 0 && l.areas()[c] >= minArea;
            }
        }
        return out;
    }

    private static int join(int[] parent, int current, int neighbour) {
        if (neighbour == 0) {
            return current;
        }
        int b = find(parent, neighbour);
        if (current == 0) {
            return b;
        }
        int a = find(parent, current);
        if (a == b) {
            return a;
        }
        // Keep the smaller root so that roots stay the earliest provisional label.
        int lo = Math.min(a, b);
        parent[Math.max(a, b)] = lo;
        return lo;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
