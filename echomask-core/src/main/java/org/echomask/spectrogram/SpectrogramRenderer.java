package org.echomask.spectrogram;

import java.util.Locale;
import org.echomask.EchomaskException;

/**
 * The pure functions behind {@link SpectrogramTransform#apply}, in the order the transform's
 * javadoc states: STFT power → frequency crop → mel → resize → dB/magnitude/power or PCEN →
 * normalisation.
 */
public final class SpectrogramRenderer {
    private SpectrogramRenderer() {}

    /** Full pipeline: energy grid, then intensity scaling (or PCEN) and normalisation. */
    static Spectrogram render(SpectrogramTransform t, float[] samples, int rate) {
        if (t.pcen() == null && t.scale() == Scale.DB && t.melBands() == 0 && t.outputHeight() == 0
                && t.outputWidth() == 0) {
            // Full-resolution dB: the log is fused into the STFT (same values, one pass fewer).
            Spectrogram s = grid(t, samples, rate, true);
            Decibels.clipTopDb(s.values(), t.topDb());
            normaliseInPlace(s.values(), t.normalisation());
            return s;
        }
        Spectrogram energy = energy(t, samples, rate);
        float[][] v = energy.values();
        if (t.pcen() != null) {
            int nativeFrames = Stft.frameCount(samples.length, t.nFft(), t.hop(), t.center());
            Pcen.applyInPlace(v, t.pcen(), framesPerSecond(t, rate, nativeFrames, energy.frames()));
        } else {
            scaleInPlace(v, t);
        }
        normaliseInPlace(v, t.normalisation());
        return energy;
    }

    /**
     * Power {@code |X|²} on the transform's final grid (after crop, mel and resize) but before
     * intensity scaling: the quantity ground-truth masks are computed from. Unscaled: a full-scale
     * sine of amplitude A in a Hann window gives a peak of about {@code (A·nFft/4)²}.
     */
    public static Spectrogram energy(SpectrogramTransform t, float[] samples, int rate) {
        return grid(t, samples, rate, false);
    }

    private static Spectrogram grid(SpectrogramTransform t, float[] samples, int rate, boolean db) {
        int nFft = t.nFft();
        int[] bins = cropBins(t, rate);
        int lo = bins[0];
        int hi = bins[1];
        float[] window = Stft.window(t.window(), nFft);
        float[][] power = db ? Stft.powerDb(samples, window, t.hop(), t.center(), lo, hi, t.dbFloor())
                : Stft.power(samples, window, t.hop(), t.center(), lo, hi);
        int frames = power[0].length;
        double binHz = rate / (double) nFft;
        double[] freqs = new double[hi - lo + 1];
        for (int k = 0; k < freqs.length; k++) {
            freqs[k] = (lo + k) * binHz;
        }
        if (t.melBands() > 0) {
            MelFilterBank bank = MelFilterBank.create(rate, nFft, t.melBands(), t.fminHz(), t.effectiveFmax(rate),
                    t.melScale());
            power = bank.apply(power, lo);
            freqs = bank.centresHz();
        }
        int pad = t.center() ? nFft / 2 : 0;
        double[] times = new double[frames];
        for (int f = 0; f < frames; f++) {
            times[f] = ((double) f * t.hop() - pad + nFft / 2.0) / rate;
        }
        int rows = power.length;
        int outH = t.outputHeight() > 0 ? t.outputHeight() : rows;
        int outW = t.outputWidth() > 0 ? t.outputWidth() : frames;
        if (outH != rows || outW != frames) {
            power = Resize.area(power, outH, outW);
            freqs = Resize.axis(freqs, outH);
            times = Resize.axis(times, outW);
        }
        return new Spectrogram(power, freqs, times, rate, t.window().name().toLowerCase(Locale.ROOT), nFft, t.hop(),
                t.name());
    }

    /**
     * FFT bins kept by the fmin/fmax crop at this rate, {@code {lo, hi}} inclusive: every bin whose
     * centre frequency {@code k·rate/nFft} lies in {@code [fmin, fmax]}.
     */
    public static int[] cropBins(SpectrogramTransform t, int rate) {
        if (rate <= 0) {
            throw new EchomaskException("transform '" + t.name() + "': sample rate must be > 0: " + rate);
        }
        double binHz = rate / (double) t.nFft();
        // The small tolerance keeps a bin that sits exactly on fmin/fmax despite rounding.
        int lo = (int) Math.ceil(t.fminHz() / binHz - 1e-9);
        int hi = Math.min((int) Math.floor(t.effectiveFmax(rate) / binHz + 1e-9), t.nFft() / 2);
        if (lo > hi) {
            throw new EchomaskException("transform '" + t.name() + "': no FFT bin between " + t.fminHz() + " and "
                    + t.effectiveFmax(rate) + " Hz at " + rate + " Hz with n_fft " + t.nFft());
        }
        return new int[] {lo, hi};
    }

    /** Column rate of the final grid: resizing the time axis changes the rate PCEN smooths over. */
    static double framesPerSecond(SpectrogramTransform t, int rate, int nativeFrames, int outFrames) {
        return rate / (double) t.hop() * outFrames / nativeFrames;
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
            case DB -> Decibels.toDbInPlace(power, t.dbFloor(), t.topDb());
        }
    }

    /**
     * PER_IMAGE: zero mean, unit (population) standard deviation; a constant image becomes zeros.
     * IMAGENET: min-max to [0, 1], then {@code (u − 0.449) / 0.226}; a constant image has u = 0.
     */
    static void normaliseInPlace(float[][] v, Normalisation n) {
        if (n == Normalisation.NONE) {
            return;
        }
        double sum = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        long count = 0;
        for (float[] row : v) {
            for (float x : row) {
                sum += x;
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
            double sq = 0;
            for (float[] row : v) {
                for (float x : row) {
                    sq += (x - mean) * (x - mean);
                }
            }
            double std = Math.sqrt(sq / count);
            offset = mean;
            scale = std > 1e-12 ? 1 / std : 0;
        } else {
            double range = (double) max - min;
            if (!(range > 1e-12)) {
                float constant = (float) (-0.449 / 0.226);
                for (float[] row : v) {
                    java.util.Arrays.fill(row, constant);
                }
                return;
            }
            offset = min + 0.449 * range;
            scale = 1 / (range * 0.226);
        }
        for (float[] row : v) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) ((row[i] - offset) * scale);
            }
        }
    }
}
