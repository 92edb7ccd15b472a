package org.echomask.mask;

import java.util.ArrayDeque;

/** Edge maps of {@code [frequency][time]} images: Sobel gradient magnitude and Canny edges. */
public final class Edges {
    private Edges() {}

    /**
     * Sobel gradient magnitude {@code hypot(sobel axis 0, sobel axis 1)} divided by 4, so that a
     * unit step between two flat regions has magnitude 1 at the step (the raw Sobel kernels weigh
     * 1 + 2 + 1 rows of a difference across two pixels).
     */
    public static float[][] sobel(float[][] image) {
        double[][] d = Filters.toDouble(image);
        double[][] gf = Filters.sobel(d, 0);
        double[][] gt = Filters.sobel(d, 1);
        float[][] out = new float[d.length][];
        for (int f = 0; f < d.length; f++) {
            out[f] = new float[d[f].length];
            for (int t = 0; t < out[f].length; t++) {
                out[f][t] = (float) (magnitude(gf[f][t], gt[f][t]) / 4);
            }
        }
        return out;
    }

    /**
     * Canny edges of an (already smoothed) image: Sobel magnitude as in {@link #sobel}, thinned by
     * non-maximum suppression across the gradient direction (quantised to 0, 45, 90, 135 degrees),
     * then hysteresis: pixels at or above {@code high} are edges, and pixels at or above
     * {@code low} are edges when 8-connected to one.
     */
    public static boolean[][] canny(float[][] image, double low, double high) {
        if (!(low >= 0) || !(high >= low)) {
            throw new IllegalArgumentException("Canny thresholds need 0 <= low <= high, got " + low + ", " + high);
        }
        double[][] d = Filters.toDouble(image);
        double[][] gf = Filters.sobel(d, 0);
        double[][] gt = Filters.sobel(d, 1);
        int h = d.length;
        int w = h == 0 ? 0 : d[0].length;
        double[][] mag = new double[h][w];
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                mag[f][t] = magnitude(gf[f][t], gt[f][t]) / 4;
            }
        }
        boolean[][] strong = new boolean[h][w];
        boolean[][] weak = new boolean[h][w];
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                double m = mag[f][t];
                if (m < low || m == 0) {
                    continue;
                }
                // Step (df, dt) along the gradient, quantised to the nearest of four directions.
                double angle = Math.toDegrees(Math.atan2(gf[f][t], gt[f][t]));
                angle = angle < 0 ? angle + 180 : angle;
                int df;
                int dt;
                if (angle < 22.5 || angle >= 157.5) {
                    df = 0;
                    dt = 1;
                } else if (angle < 67.5) {
                    df = 1;
                    dt = 1;
                } else if (angle < 112.5) {
                    df = 1;
                    dt = 0;
                } else {
                    df = 1;
                    dt = -1;
                }
                // Ties go to the pixel on the lower-index side, so a plateau keeps one line.
                if (m > at(mag, f - df, t - dt) && m >= at(mag, f + df, t + dt)) {
                    weak[f][t] = true;
                    strong[f][t] = m >= high;
                }
            }
        }
        return hysteresis(weak, strong);
    }

    private static double at(double[][] mag, int f, int t) {
        return f < 0 || t < 0 || f >= mag.length || t >= mag[0].length ? 0 : mag[f][t];
    }

    /** Weak pixels 8-connected (through weak pixels) to a strong pixel; strong pixels are weak too. */
    static boolean[][] hysteresis(boolean[][] weak, boolean[][] strong) {
        int h = weak.length;
        int w = Masks.columns(weak);
        boolean[][] out = new boolean[h][w];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                if (strong[f][t]) {
                    out[f][t] = true;
                    queue.add(new int[] {f, t});
                }
            }
        }
        while (!queue.isEmpty()) {
            int[] p = queue.poll();
            for (int df = -1; df <= 1; df++) {
                for (int dt = -1; dt <= 1; dt++) {
                    int f = p[0] + df;
                    int t = p[1] + dt;
                    if (f >= 0 && t >= 0 && f < h && t < w && weak[f][t] && !out[f][t]) {
                        out[f][t] = true;
                        queue.add(new int[] {f, t});
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code sqrt(a² + b²)}: the gradients of finite images cannot overflow, so {@link Math#hypot}'s
     * care is not needed, and it costs about a fifth of a window's mask proposal.
     */
    private static double magnitude(double a, double b) {
        return Math.sqrt(a * a + b * b);
    }
}
