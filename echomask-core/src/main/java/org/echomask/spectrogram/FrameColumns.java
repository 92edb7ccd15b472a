package org.echomask.spectrogram;

/**
 * The per-frame half of a time-resized spectrogram: one frame's FFT power → frequency crop → mel
 * bands → frequency resize, as a column of the final height. What is left (the time resize, the
 * intensity scaling, normalisation) needs every column of a window, so overlapping windows of one
 * signal can share their columns ({@link WindowRenderer}). Immutable (window, mel bank, resize
 * weights are built once); each thread computes columns with its own {@link #worker()}.
 */
final class FrameColumns {
    private final float[] window;
    private final MelFilterBank bank;
    private final int lo;
    private final int hi;
    private final Resize.Plan frequencyResize;
    private final int height;
    private final double[] binOrBandHz;

    FrameColumns(SpectrogramTransform t, int rate) {
        int[] bins = SpectrogramRenderer.cropBins(t, rate);
        this.lo = bins[0];
        this.hi = bins[1];
        this.window = Stft.window(t.window(), t.nFft());
        double binHz = rate / (double) t.nFft();
        double[] freqs = new double[hi - lo + 1];
        for (int k = 0; k < freqs.length; k++) {
            freqs[k] = (lo + k) * binHz;
        }
        if (t.melBands() > 0) {
            this.bank = MelFilterBank.create(rate, t.nFft(), t.melBands(), t.fminHz(), t.effectiveFmax(rate), t.melScale());
            freqs = bank.centresHz();
        } else {
            this.bank = null;
        }
        this.binOrBandHz = freqs;
        int rows = freqs.length;
        this.height = t.outputHeight() > 0 ? t.outputHeight() : rows;
        this.frequencyResize = height == rows ? null : Resize.plan(rows, height);
    }

    /** Centre frequency of each bin or mel band before the frequency resize. */
    double[] unresizedFrequenciesHz() {
        return binOrBandHz.clone();
    }

    /** A column computer for one thread: its own FFT plan and buffers. */
    Worker worker() {
        return new Worker();
    }

    /** Computes columns with this recipe; not thread-safe. */
    final class Worker {
        private final Stft.Kernel kernel = new Stft.Kernel(window, lo, hi);
        private final float[] power = new float[hi - lo + 1];
        private final float[] bands = bank == null ? power : new float[bank.bands()];

        private Worker() {}

        /**
         * The column of the frame whose first sample is {@code x[start]}; samples outside
         * {@code [from, end)} are zeros (the centring pad of the window {@code x[from..end)}).
         */
        float[] column(float[] x, long start, int from, int end) {
            kernel.frame(x, start, from, end, power);
            if (bank != null) {
                bank.applyColumn(power, lo, bands);
            }
            float[] out = new float[height];
            if (frequencyResize == null) {
                System.arraycopy(bands, 0, out, 0, height);
            } else {
                frequencyResize.apply(bands, out);
            }
            return out;
        }
    }
}
