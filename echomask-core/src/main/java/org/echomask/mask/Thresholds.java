package org.echomask.mask;

/**
 * Global and adaptive thresholds on {@code [frequency][time]} images. Each returns the pixels
 * strictly above its threshold (bright = signal, as in a spectrogram).
 */
public final class Thresholds {
    /** Histogram resolution of Otsu's method (skimage's default). */
    public static final int OTSU_BINS = 256;

    private Thresholds() {}

    /**
     * Otsu's threshold: the level that maximises the between-class variance of a 256-bin histogram
     * over [min, max] of the values, returned as the centre of the last bin of the low class (the
     * convention of skimage's {@code threshold_otsu}). A constant input returns that constant.
     */
    public static double otsu(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("Otsu threshold of no values");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isNaN(v)) {
                throw new IllegalArgumentException("Otsu threshold of NaN");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            return min;
        }
        long[] hist = new long[OTSU_BINS];
        double width = (max - min) / OTSU_BINS;
        for (float v : values) {
            hist[Math.min(OTSU_BINS - 1, (int) ((v - min) / width))]++;
        }
        double total = values.length;
        double sumAll = 0;
        for (int i = 0; i < OTSU_BINS; i++) {
            sumAll += hist[i] * centre(min, width, i);
        }
        double w0 = 0;
        double sum0 = 0;
        double best = -1;
        int bestBin = 0;
        for (int i = 0; i < OTSU_BINS - 1; i++) {
            w0 += hist[i];
            sum0 += hist[i] * centre(min, width, i);
            double w1 = total - w0;
            if (w0 == 0 || w1 == 0) {
                continue;
            }
            double m0 = sum0 / w0;
            double m1 = (sumAll - sum0) / w1;
            double between = w0 * w1 * (m0 - m1) * (m0 - m1);
            if (between > best) {
                best = between;
                bestBin = i;
            }
        }
        return centre(min, width, bestBin);
    }

    private static double centre(double min, double width, int bin) {
        return min + (bin + 0.5) * width;
    }

    /** Pixels above the Otsu threshold of their band of {@code bandRows} frequency rows. */
    public static boolean[][] otsuPerBand(float[][] image, int bandRows) {
        if (bandRows < 1) {
            throw new IllegalArgumentException("Otsu band must hold >= 1 rows, got " + bandRows);
        }
        int h = image.length;
        int w = Masks.columns(image);
        boolean[][] out = new boolean[h][w];
        for (int lo = 0; lo < h; lo += bandRows) {
            int hi = Math.min(h, lo + bandRows);
            float[] band = new float[(hi - lo) * w];
            for (int f = lo; f < hi; f++) {
                System.arraycopy(image[f], 0, band, (f - lo) * w, w);
            }
            double level = otsu(band);
            for (int f = lo; f < hi; f++) {
                for (int t = 0; t < w; t++) {
                    out[f][t] = image[f][t] > level;
                }
            }
        }
        return out;
    }

    /** Pixels above the mean of their odd {@code rows x cols} window plus {@code offset}. */
    public static boolean[][] localMean(float[][] image, int rows, int cols, double offset) {
        float[][] mean = Filters.boxMean(image, rows, cols);
        boolean[][] out = new boolean[image.length][];
        for (int f = 0; f < image.length; f++) {
            out[f] = new boolean[image[f].length];
            for (int t = 0; t < out[f].length; t++) {
                out[f][t] = image[f][t] > mean[f][t] + offset;
            }
        }
        return out;
    }

    /**
     * Sauvola's threshold {@code T = m (1 + k (s / r - 1))} with window mean {@code m} and standard
     * deviation {@code s} over an odd {@code rows x cols} window (skimage's formula; borders by
     * reflection). Meant for non-negative images: rescale values to [0, 1] first, with {@code r}
     * the dynamic range of the deviation (0.5 for [0, 1] images).
     */
    public static boolean[][] sauvola(float[][] image, int rows, int cols, double k, double r) {
        if (!(r > 0)) {
            throw new IllegalArgumentException("Sauvola r must be > 0, got " + r);
        }
        Filters.requireOdd(rows, "rows");
        Filters.requireOdd(cols, "cols");
        double[][][] moments = Filters.boxMoments(image, rows, cols);
        boolean[][] out = new boolean[image.length][];
        for (int f = 0; f < image.length; f++) {
            out[f] = new boolean[image[f].length];
            for (int t = 0; t < out[f].length; t++) {
                double m = moments[0][f][t];
                double s = Math.sqrt(Math.max(0, moments[1][f][t] - m * m));
                out[f][t] = image[f][t] > m * (1 + k * (s / r - 1));
            }
        }
        return out;
    }
}
