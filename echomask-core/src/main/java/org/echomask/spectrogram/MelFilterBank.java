package org.echomask.spectrogram;

/**
 * Triangular mel filter banks with Slaney area normalisation, the same weights as
 * {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=..., norm='slaney')}: band edges
 * equally spaced on the mel scale between fmin and fmax, each triangle divided by its width in Hz
 * so every band has the same area.
 */
public final class MelFilterBank {
    private static final double SLANEY_F_SP = 200.0 / 3;
    private static final double SLANEY_MIN_LOG_HZ = 1000.0;
    private static final double SLANEY_MIN_LOG_MEL = SLANEY_MIN_LOG_HZ / SLANEY_F_SP;
    private static final double SLANEY_LOG_STEP = Math.log(6.4) / 27.0;

    private final float[][] weights;
    private final int[] first;
    private final int[] last;
    private final double[] centresHz;

    private MelFilterBank(float[][] weights, double[] centresHz) {
        this.weights = weights;
        this.centresHz = centresHz;
        this.first = new int[weights.length];
        this.last = new int[weights.length];
        for (int m = 0; m < weights.length; m++) {
            int a = 0;
            int b = -1;
            for (int k = 0; k < weights[m].length; k++) {
                if (weights[m][k] != 0) {
                    if (b < 0) {
                        a = k;
                    }
                    b = k;
                }
            }
            first[m] = a;
            last[m] = b;
        }
    }

    public static double hzToMel(double hz, MelScale scale) {
        if (scale == MelScale.HTK) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        return hz >= SLANEY_MIN_LOG_HZ ? SLANEY_MIN_LOG_MEL + Math.log(hz / SLANEY_MIN_LOG_HZ) / SLANEY_LOG_STEP
                : hz / SLANEY_F_SP;
    }

    public static double melToHz(double mel, MelScale scale) {
        if (scale == MelScale.HTK) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        return mel >= SLANEY_MIN_LOG_MEL ? SLANEY_MIN_LOG_HZ * Math.exp(SLANEY_LOG_STEP * (mel - SLANEY_MIN_LOG_MEL))
                : SLANEY_F_SP * mel;
    }

    /** {@code n} frequencies equally spaced in mel from fmin to fmax (librosa {@code mel_frequencies}). */
    public static double[] melFrequencies(int n, double fminHz, double fmaxHz, MelScale scale) {
        double lo = hzToMel(fminHz, scale);
        double hi = hzToMel(fmaxHz, scale);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            // numpy.linspace: start + i·step, with the end point exact.
            double mel = i == n - 1 && n > 1 ? hi : lo + i * ((hi - lo) / (n - 1));
            f[i] = melToHz(mel, scale);
        }
        return f;
    }

    /** The bank for {@code nFft}-point frames at {@code rate} Hz: {@code [band][bin 0..nFft/2]}. */
    public static MelFilterBank create(int rate, int nFft, int bands, double fminHz, double fmaxHz, MelScale scale) {
        if (bands < 1) {
            throw new IllegalArgumentException("mel bands must be >= 1: " + bands);
        }
        int bins = nFft / 2 + 1;
        double[] edges = melFrequencies(bands + 2, fminHz, fmaxHz, scale);
        float[][] w = new float[bands][bins];
        for (int m = 0; m < bands; m++) {
            double lower = edges[m];
            double centre = edges[m + 1];
            double upper = edges[m + 2];
            double norm = 2.0 / (upper - lower);
            for (int k = 0; k < bins; k++) {
                // librosa.fft_frequencies = linspace(0, sr/2, bins)
                double f = k == bins - 1 ? rate / 2.0 : k * ((rate / 2.0) / (bins - 1));
                double rising = (f - lower) / (centre - lower);
                double falling = (upper - f) / (upper - centre);
                double v = Math.max(0, Math.min(rising, falling));
                w[m][k] = (float) (v * norm);
            }
        }
        double[] centres = new double[bands];
        System.arraycopy(edges, 1, centres, 0, bands);
        return new MelFilterBank(w, centres);
    }

    public int bands() {
        return weights.length;
    }

    /** Centre frequency of each band in Hz (the row frequencies of a mel spectrogram). */
    public double[] centresHz() {
        return centresHz.clone();
    }

    /** A copy of the weights, {@code [band][bin]}. */
    public float[][] weights() {
        float[][] c = new float[weights.length][];
        for (int m = 0; m < weights.length; m++) {
            c[m] = weights[m].clone();
        }
        return c;
    }

    /**
     * Applies the bank to a power grid whose row {@code r} is FFT bin {@code lo + r}. Bins outside
     * the grid must have zero weight (true when the grid is the fmin..fmax crop).
     */
    public float[][] apply(float[][] power, int lo) {
        int frames = power.length == 0 ? 0 : power[0].length;
        float[][] out = new float[weights.length][frames];
        for (int m = 0; m < weights.length; m++) {
            float[] acc = out[m];
            for (int k = first[m]; k <= last[m]; k++) {
                int r = k - lo;
                if (r < 0 || r >= power.length) {
                    throw new IllegalArgumentException("mel band " + m + " needs bin " + k + " outside the grid");
                }
                float wk = weights[m][k];
                float[] row = power[r];
                for (int f = 0; f < frames; f++) {
                    acc[f] += wk * row[f];
                }
            }
        }
        return out;
    }

    /**
     * One frame's bands: {@code out[m]} for a power column whose entry {@code r} is FFT bin
     * {@code lo + r}. Each band is summed in bin order in float, so the result equals the
     * corresponding column of {@link #apply}.
     */
    public void applyColumn(float[] power, int lo, float[] out) {
        for (int m = 0; m < weights.length; m++) {
            if (last[m] >= first[m] && (first[m] - lo < 0 || last[m] - lo >= power.length)) {
                throw new IllegalArgumentException("mel band " + m + " needs bins " + first[m] + ".." + last[m]
                        + " outside the column");
            }
            float[] w = weights[m];
            float acc = 0;
            for (int k = first[m]; k <= last[m]; k++) {
                acc += w[k] * power[k - lo];
            }
            out[m] = acc;
        }
    }
}
