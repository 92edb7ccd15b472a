package org.echomask.spectrogram;

/**
 * Area-weighted resizing of a grid: each output cell is the overlap-weighted mean of the input
 * cells it covers. Downsampling this way is anti-aliased and preserves mean energy, so a 100 µs
 * click stays visible after a 9× time reduction.
 */
public final class Resize {
    private Resize() {}

    public static float[][] area(float[][] in, int outRows, int outCols) {
        int rows = in.length;
        Plan alongRow = plan(rows == 0 ? 0 : in[0].length, outCols);
        float[][] tmp = new float[rows][];
        for (int r = 0; r < rows; r++) {
            tmp[r] = new float[outCols];
            alongRow.apply(in[r], tmp[r]);
        }
        Plan alongColumn = plan(rows, outRows);
        float[][] out = new float[outRows][outCols];
        float[] column = new float[rows];
        float[] res = new float[outRows];
        for (int c = 0; c < outCols; c++) {
            for (int r = 0; r < rows; r++) {
                column[r] = tmp[r][c];
            }
            alongColumn.apply(column, res);
            for (int r = 0; r < outRows; r++) {
                out[r][c] = res[r];
            }
        }
        return out;
    }

    /** Area-weighted resampling of one line to {@code n} cells. */
    static float[] resample1d(float[] x, int n) {
        float[] y = new float[n];
        plan(x.length, n).apply(x, y);
        return y;
    }

    /** The overlap weights that take {@code m} cells to {@code n}, computed once for many lines. */
    public static Plan plan(int m, int n) {
        return new Plan(m, n);
    }

    /**
     * Area resampling of lines of {@code m} cells to {@code n}: output cell j is the
     * overlap-weighted mean of the input cells under {@code [j·m/n, (j+1)·m/n)}. The weights are
     * computed once; each cell is summed in double in input order, so a line resampled on its own
     * and the same line resampled as a column of a block ({@link #applyToColumns}) give the same
     * floats. Immutable; safe to share between threads.
     */
    public static final class Plan {
        private final int m;
        private final int n;
        private final int[] first;
        private final int[] fallback;
        private final double[] weightSums;
        /** Output j's weights are {@code weights[start[j] .. start[j+1])}, for inputs from {@code first[j]} on. */
        private final int[] start;
        private final double[] weights;

        private Plan(int m, int n) {
            if (m < 1 || n < 1) {
                throw new IllegalArgumentException("cannot resample " + m + " cells to " + n);
            }
            this.m = m;
            this.n = n;
            this.first = new int[n];
            this.fallback = new int[n];
            this.weightSums = new double[n];
            this.start = new int[n + 1];
            double[][] perOutput = new double[n][];
            double ratio = m / (double) n;
            for (int j = 0; j < n; j++) {
                double a = j * ratio;
                double b = (j + 1) * ratio;
                int i0 = (int) Math.floor(a);
                int i1 = Math.min(m - 1, (int) Math.ceil(b) - 1);
                // Cells of zero overlap (only possible at the ends, by rounding) are left out, not
                // weighted by zero: 0·NaN would poison the mean.
                int from = i0;
                int to = i1;
                while (from <= to && overlap(a, b, from) <= 0) {
                    from++;
                }
                while (to >= from && overlap(a, b, to) <= 0) {
                    to--;
                }
                double[] w = new double[Math.max(0, to - from + 1)];
                double wsum = 0;
                for (int i = from; i <= to; i++) {
                    w[i - from] = overlap(a, b, i);
                    wsum += w[i - from];
                }
                first[j] = from;
                fallback[j] = Math.min(i0, m - 1);
                perOutput[j] = w;
                weightSums[j] = wsum;
                start[j + 1] = start[j] + w.length;
            }
            this.weights = new double[start[n]];
            for (int j = 0; j < n; j++) {
                System.arraycopy(perOutput[j], 0, weights, start[j], perOutput[j].length);
            }
        }

        private static double overlap(double a, double b, int i) {
            return Math.min(b, i + 1) - Math.max(a, i);
        }

        /** Resamples {@code x} ({@code m} cells) into {@code y} ({@code n} cells). */
        public void apply(float[] x, float[] y) {
            if (m == n) {
                System.arraycopy(x, 0, y, 0, m);
                return;
            }
            double[] w = weights;
            for (int j = 0; j < n; j++) {
                int i = first[j];
                double acc = 0;
                for (int k = start[j], end = start[j + 1]; k < end; k++) {
                    acc += w[k] * x[i++];
                }
                y[j] = (float) (weightSums[j] > 0 ? acc / weightSums[j] : x[fallback[j]]);
            }
        }

        /**
         * Resamples along the first index of {@code columns} ({@code m} arrays of equal length h):
         * {@code out[r][j]} is row r's cell j, the same floats as {@link #apply} on row r.
         */
        public void applyToColumns(float[][] columns, float[][] out) {
            int h = out.length;
            double[] acc = new double[h];
            for (int j = 0; j < n; j++) {
                if (m == n) {
                    float[] c = columns[j];
                    for (int r = 0; r < h; r++) {
                        out[r][j] = c[r];
                    }
                    continue;
                }
                int i = first[j];
                java.util.Arrays.fill(acc, 0);
                for (int k = start[j], end = start[j + 1]; k < end; k++) {
                    double wk = weights[k];
                    float[] c = columns[i++];
                    for (int r = 0; r < h; r++) {
                        acc[r] += wk * c[r];
                    }
                }
                double s = weightSums[j];
                float[] none = columns[fallback[j]];
                for (int r = 0; r < h; r++) {
                    out[r][j] = (float) (s > 0 ? acc[r] / s : none[r]);
                }
            }
        }
    }

    /**
     * The axis value at the centre of each of {@code n} equal cells spanning the same extent as the
     * {@code centres.length} input cells: output cell j is centred on fractional input index
     * {@code (j + 0.5)·m/n − 0.5}, where the value is interpolated linearly between input centres
     * (extrapolated from the end pair beyond them). Exact for uniform axes; for a mel axis it gives
     * the frequency at the middle of what each resized row averages.
     */
    public static double[] axis(double[] centres, int n) {
        int m = centres.length;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double pos = (j + 0.5) * m / n - 0.5;
            if (m == 1) {
                out[j] = centres[0];
                continue;
            }
            int i = Math.max(0, Math.min(m - 2, (int) Math.floor(pos)));
            double frac = pos - i;
            out[j] = centres[i] + frac * (centres[i + 1] - centres[i]);
        }
        return out;
    }
}
