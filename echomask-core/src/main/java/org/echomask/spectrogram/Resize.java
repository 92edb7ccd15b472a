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
        float[][] tmp = new float[rows][];
        for (int r = 0; r < rows; r++) {
            tmp[r] = resample1d(in[r], outCols);
        }
        float[][] out = new float[outRows][outCols];
        float[] column = new float[rows];
        for (int c = 0; c < outCols; c++) {
            for (int r = 0; r < rows; r++) {
                column[r] = tmp[r][c];
            }
            float[] res = resample1d(column, outRows);
            for (int r = 0; r < outRows; r++) {
                out[r][c] = res[r];
            }
        }
        return out;
    }

    /** Area-weighted resampling of one line to {@code n} cells. */
    static float[] resample1d(float[] x, int n) {
        int m = x.length;
        float[] y = new float[n];
        if (m == n) {
            System.arraycopy(x, 0, y, 0, m);
            return y;
        }
        double ratio = m / (double) n;
        for (int j = 0; j < n; j++) {
            double a = j * ratio;
            double b = (j + 1) * ratio;
            int i0 = (int) Math.floor(a);
            int i1 = Math.min(m - 1, (int) Math.ceil(b) - 1);
            double acc = 0;
            double wsum = 0;
            for (int i = i0; i <= i1; i++) {
                double w = Math.min(b, i + 1) - Math.max(a, i);
                if (w > 0) {
                    acc += w * x[i];
                    wsum += w;
                }
            }
            y[j] = (float) (wsum > 0 ? acc / wsum : x[Math.min(i0, m - 1)]);
        }
        return y;
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
