package org.echomask.spectrogram;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * The pure functions behind {@link SpectrogramTransform#apply}: STFT power, frequency crop,
 * resize, scaling and normalisation. Mel and PCEN steps are applied when the transform asks.
 */
public final class SpectrogramRenderer {
    private SpectrogramRenderer() {}

    /** Full pipeline: energy grid, then intensity scaling (or PCEN) and normalisation. */
    static Spectrogram render(SpectrogramTransform t, float[] samples, int rate) {
        Spectrogram energy = energy(t, samples, rate);
        float[][] v = energy.values();
        if (t.pcen() != null) {
            throw new UnsupportedOperationException("PCEN not implemented yet");
        }
        scaleInPlace(v, t);
        normaliseInPlace(v, t.normalisation());
        return energy;
    }

    /**
     * Power {@code |X|²} on the transform's final grid (after crop, mel and resize) but before
     * intensity scaling: the quantity ground-truth masks are computed from.
     */
    public static Spectrogram energy(SpectrogramTransform t, float[] samples, int rate) {
        if (t.melBands() > 0) {
            throw new UnsupportedOperationException("mel not implemented yet");
        }
        int nFft = t.nFft();
        int hop = t.hop();
        int pad = t.center() ? nFft / 2 : 0;
        int padded = samples.length + 2 * pad;
        int frames = padded < nFft ? 1 : 1 + (padded - nFft) / hop;
        double binHz = rate / (double) nFft;
        int lo = (int) Math.ceil(t.fminHz() / binHz - 1e-9);
        int hi = (int) Math.floor(t.effectiveFmax(rate) / binHz + 1e-9);
        hi = Math.min(hi, nFft / 2);
        int bins = hi - lo + 1;
        float[][] power = new float[bins][frames];
        double[] w = t.window().coefficients(nFft);
        float[] buf = new float[nFft];
        FloatFFT_1D fft = new FloatFFT_1D(nFft);
        for (int f = 0; f < frames; f++) {
            int start = f * hop - pad;
            for (int i = 0; i < nFft; i++) {
                int s = start + i;
                buf[i] = s >= 0 && s < samples.length ? (float) (samples[s] * w[i]) : 0f;
            }
            fft.realForward(buf);
            for (int k = lo; k <= hi; k++) {
                float re;
                float im;
                if (k == 0) {
                    re = buf[0];
                    im = 0;
                } else if (k == nFft / 2) {
                    re = buf[1];
                    im = 0;
                } else {
                    re = buf[2 * k];
                    im = buf[2 * k + 1];
                }
                power[k - lo][f] = re * re + im * im;
            }
        }
        double[] freqs = new double[bins];
        for (int k = 0; k < bins; k++) {
            freqs[k] = (lo + k) * binHz;
        }
        double[] times = new double[frames];
        for (int f = 0; f < frames; f++) {
            times[f] = (f * hop - pad + nFft / 2.0) / rate;
        }
        int outH = t.outputHeight() > 0 ? t.outputHeight() : bins;
        int outW = t.outputWidth() > 0 ? t.outputWidth() : frames;
        if (outH != bins || outW != frames) {
            power = Resize.area(power, outH, outW);
            freqs = Resize.axis(freqs, outH);
            times = Resize.axis(times, outW);
        }
        return new Spectrogram(power, freqs, times, rate, t.window().name().toLowerCase(java.util.Locale.ROOT), nFft, hop,
                t.name());
    }

    /** Magnitude, power or dB (with floor and top_db) in place. */
    static void scaleInPlace(float[][] power, SpectrogramTransform t) {
        switch (t.scale()) {
            case POWER -> { }
            case MAGNITUDE -> {
                for (float[] row : power) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = (float) Math.sqrt(row[i]);
                    }
                }
            }
            case DB -> {
                float max = Float.NEGATIVE_INFINITY;
                for (float[] row : power) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = (float) (10 * Math.log10(Math.max(row[i], t.dbFloor())));
                        max = Math.max(max, row[i]);
                    }
                }
                if (t.topDb() != null) {
                    float min = (float) (max - t.topDb());
                    for (float[] row : power) {
                        for (int i = 0; i < row.length; i++) {
                            row[i] = Math.max(row[i], min);
                        }
                    }
                }
            }
        }
    }

    static void normaliseInPlace(float[][] v, Normalisation n) {
        if (n == Normalisation.NONE) {
            return;
        }
        double sum = 0;
        double sq = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        long count = 0;
        for (float[] row : v) {
            for (float x : row) {
                sum += x;
                sq += (double) x * x;
                min = Math.min(min, x);
                max = Math.max(max, x);
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        double scale;
        double offset;
        if (n == Normalisation.PER_IMAGE) {
            double mean = sum / count;
            double std = Math.sqrt(Math.max(sq / count - mean * mean, 0));
            offset = mean;
            scale = std > 1e-12 ? 1 / std : 1;
        } else {
            // min-max to [0,1], then grey-level ImageNet statistics.
            double range = max - min;
            double unit = range > 1e-12 ? 1 / range : 0;
            offset = min + 0.449 * range;
            scale = unit / 0.226;
        }
        for (float[] row : v) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) ((row[i] - offset) * scale);
            }
        }
    }
}
