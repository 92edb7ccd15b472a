package org.echomask.spectrogram;

import java.util.Locale;
import java.util.stream.IntStream;
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
        return finish(t, energy(t, samples, rate), samples.length, rate);
    }

    /** Intensity scaling (or PCEN) and normalisation of an energy grid of {@code sampleCount} samples, in place. */
    static Spectrogram finish(SpectrogramTransform t, Spectrogram energy, int sampleCount, int rate) {
        float[][] v = energy.values();
        if (t.pcen() != null) {
            int nativeFrames = Stft.frameCount(sampleCount, t.nFft(), t.hop(), t.center());
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
     *
     * <p>A transform with an output width is computed a frame at a time ({@link FrameColumns}:
     * frequency resize per frame, then the time resize), so that overlapping windows can share
     * frames; the area resize is separable, so the order changes only float rounding.
     */
    public static Spectrogram energy(SpectrogramTransform t, float[] samples, int rate) {
        if (t.outputWidth() > 0) {
            return columnGrid(t, samples, rate);
        }
        return grid(t, samples, rate, false);
    }

    private static Spectrogram columnGrid(SpectrogramTransform t, float[] samples, int rate) {
        int frames = Stft.frameCount(samples.length, t.nFft(), t.hop(), t.center());
        int pad = t.center() ? t.nFft() / 2 : 0;
        float[][] columns = new float[frames][];
        int cores = Runtime.getRuntime().availableProcessors();
        int chunks = cores == 1 || (long) frames * t.nFft() < Stft.PARALLEL_THRESHOLD ? 1 : Math.min(frames, cores * 4);
        FrameColumns recipe = new FrameColumns(t, rate);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            FrameColumns.Worker worker = recipe.worker();
            int from = (int) ((long) frames * c / chunks);
            int to = (int) ((long) frames * (c + 1) / chunks);
            for (int f = from; f < to; f++) {
                columns[f] = worker.column(samples, (long) f * t.hop() - pad, 0, samples.length);
            }
        });
        return fromColumns(t, rate, columns, recipe.unresizedFrequenciesHz());
    }

    /**
     * The energy grid of one window from its frames' columns: the time resize to the output
     * width, with the axes as {@link #grid} labels them.
     */
    static Spectrogram fromColumns(SpectrogramTransform t, int rate, float[][] columns, double[] unresizedHz) {
        int frames = columns.length;
        int height = columns[0].length;
        int outW = t.outputWidth();
        float[][] values = new float[height][outW];
        Resize.plan(frames, outW).applyToColumns(columns, values);
        boolean resized = height != unresizedHz.length || outW != frames;
        double[] freqs = resized ? Resize.axis(unresizedHz, height) : unresizedHz;
        double[] times = resized ? Resize.axis(frameTimes(t, rate, frames), outW) : frameTimes(t, rate, frames);
        return new Spectrogram(values, freqs, times, rate, t.window().name().toLowerCase(Locale.ROOT), t.nFft(), t.hop(),
                t.name());
    }

    /** Centre time of each native frame, seconds from the first sample. */
    private static double[] frameTimes(SpectrogramTransform t, int rate, int frames) {
        int pad = t.center() ? t.nFft() / 2 : 0;
        double[] times = new double[frames];
        for (int f = 0; f < frames; f++) {
            times[f] = ((double) f * t.hop() - pad + t.nFft() / 2.0) / rate;
        }
        return times;
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
        int rows = power.length;
        int outH = t.outputHeight() > 0 ? t.outputHeight() : rows;
        double[] times = frameTimes(t, rate, frames);
        // Only the frequency axis is resized here (a time resize goes through columnGrid).
        if (outH != rows) {
            power = Resize.area(power, outH, frames);
            freqs = Resize.axis(freqs, outH);
            times = Resize.axis(times, frames);
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
