package org.echomask.mask;

/**
 * Separable image filters on {@code [frequency][time]} grids, with scipy.ndimage's default border
 * rule {@code mode='reflect'} (half-sample symmetric: {@code d c b a | a b c d | d c b a}) so results
 * match {@code uniform_filter}, {@code gaussian_filter} and {@code sobel}. Sums run in double.
 */
public final class Filters {
    private Filters() {}

    /** Mean over a {@code rows x cols} window centred on each pixel (odd sizes). */
    public static float[][] boxMean(float[][] image, int rows, int cols) {
        requireOdd(rows, "rows");
        requireOdd(cols, "cols");
        double[][] d = toDouble(image);
        boxAlong(d, rows, 0);
        boxAlong(d, cols, 1);
        return toFloat(d);
    }

    /** Window means of {@code image} and of its square, for local standard deviations. */
    static double[][][] boxMoments(float[][] image, int rows, int cols) {
        double[][] m = toDouble(image);
        double[][] m2 = new double[m.length][];
        for (int f = 0; f < m.length; f++) {
            m2[f] = new double[m[f].length];
            for (int t = 0; t < m2[f].length; t++) {
                m2[f][t] = m[f][t] * m[f][t];
            }
        }
        boxAlong(m, rows, 0);
        boxAlong(m, cols, 1);
        boxAlong(m2, rows, 0);
        boxAlong(m2, cols, 1);
        return new double[][][] {m, m2};
    }

    /**
     * Gaussian smoothing with standard deviations in pixels along frequency and time (0 skips that
     * axis); kernel radius {@code round(4 sigma)} like scipy's default {@code truncate=4}.
     */
    public static float[][] gaussian(float[][] image, double sigmaFrequency, double sigmaTime) {
        if (!(sigmaFrequency >= 0) || !(sigmaTime >= 0)) {
            throw new IllegalArgumentException("gaussian sigmas must be >= 0, got " + sigmaFrequency + ", " + sigmaTime);
        }
        double[][] d = toDouble(image);
        if (sigmaFrequency > 0) {
            d = correlate(d, gaussianKernel(sigmaFrequency), 0);
        }
        if (sigmaTime > 0) {
            d = correlate(d, gaussianKernel(sigmaTime), 1);
        }
        return toFloat(d);
    }

    /** Sobel derivative along frequency (axis 0), smoothed along time; scipy {@code sobel(axis=0)}. */
    public static float[][] sobelFrequency(float[][] image) {
        return toFloat(sobel(toDouble(image), 0));
    }

    /** Sobel derivative along time (axis 1), smoothed along frequency; scipy {@code sobel(axis=1)}. */
    public static float[][] sobelTime(float[][] image) {
        return toFloat(sobel(toDouble(image), 1));
    }

    static double[][] sobel(double[][] d, int axis) {
        double[][] g = correlate(d, new double[] {-1, 0, 1}, axis);
        return correlate(g, new double[] {1, 2, 1}, 1 - axis);
    }

    static double[] gaussianKernel(double sigma) {
        int radius = (int) (4.0 * sigma + 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Index of position {@code i} in a line of {@code n} samples under half-sample reflection. */
    static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** Correlation with an odd-length kernel centred on each sample, along {@code axis}. */
    static double[][] correlate(double[][] in, double[] kernel, int axis) {
        int rows = in.length;
        int cols = rows == 0 ? 0 : in[0].length;
        int r = kernel.length / 2;
        double[][] out = new double[rows][cols];
        int n = axis == 0 ? rows : cols;
        int lines = axis == 0 ? cols : rows;
        double[] padded = new double[n + 2 * r];
        for (int line = 0; line < lines; line++) {
            for (int i = -r; i < n + r; i++) {
                int j = reflect(i, n);
                padded[i + r] = axis == 0 ? in[j][line] : in[line][j];
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < kernel.length; k++) {
                    s += kernel[k] * padded[i + k];
                }
                if (axis == 0) {
                    out[i][line] = s;
                } else {
                    out[line][i] = s;
                }
            }
        }
        return out;
    }

    /** In-place running-sum box mean of odd {@code size} along {@code axis}. */
    static void boxAlong(double[][] d, int size, int axis) {
        if (size == 1) {
            return;
        }
        int rows = d.length;
        int cols = rows == 0 ? 0 : d[0].length;
        int n = axis == 0 ? rows : cols;
        int lines = axis == 0 ? cols : rows;
        int r = size / 2;
        double[] padded = new double[n + 2 * r];
        for (int line = 0; line < lines; line++) {
            for (int i = -r; i < n + r; i++) {
                int j = reflect(i, n);
                padded[i + r] = axis == 0 ? d[j][line] : d[line][j];
            }
            double s = 0;
            for (int k = 0; k < size; k++) {
                s += padded[k];
            }
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    s += padded[i + size - 1] - padded[i - 1];
                }
                if (axis == 0) {
                    d[i][line] = s / size;
                } else {
                    d[line][i] = s / size;
                }
            }
        }
    }

    static double[][] toDouble(float[][] image) {
        Masks.columns(image);
        double[][] d = new double[image.length][];
        for (int f = 0; f < image.length; f++) {
            d[f] = new double[image[f].length];
            for (int t = 0; t < d[f].length; t++) {
                d[f][t] = image[f][t];
            }
        }
        return d;
    }

    static float[][] toFloat(double[][] d) {
        float[][] out = new float[d.length][];
        for (int f = 0; f < d.length; f++) {
            out[f] = new float[d[f].length];
            for (int t = 0; t < out[f].length; t++) {
                out[f][t] = (float) d[f][t];
            }
        }
        return out;
    }

    static void requireOdd(int size, String what) {
        if (size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("window " + what + " must be odd and >= 1, got " + size);
        }
    }
}
