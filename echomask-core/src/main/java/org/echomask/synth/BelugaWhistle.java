package org.echomask.synth;

import java.util.List;
import java.util.random.RandomGenerator;
import org.echomask.EchomaskException;
import org.echomask.label.Selection;

/**
 * Beluga whistles: frequency-modulated tonal contours with harmonics. The fundamental follows
 * {@code f(u) = f0 + sweep·u + bend·4u(1−u) + depth·sin(2π·rate·t + φ)} for {@code u ∈ [0, 1]}
 * along the call, which gives up- and down-sweeps, concave ({@code bend < 0}) and convex
 * ({@code bend > 0}) shapes, and (with a modulation probability) sinusoidally warbled calls.
 * Harmonic {@code h} is {@code (h−1)·harmonicDrop} dB below the fundamental; harmonics reaching
 * above 95 % of Nyquist are left out. Raised-cosine onset and offset avoid clicks at the ends.
 */
public final class BelugaWhistle {
    private BelugaWhistle() {}

    /**
     * How a profile draws whistles.
     *
     * @param eventsPerClip whistles in a clip that has the label (integer range)
     * @param snrDb band SNR of each whistle (see {@link SoundscapeGenerator})
     * @param durationS call duration
     * @param startHz fundamental at the start
     * @param sweepHz end minus start of the linear part
     * @param bendHz curvature at mid-call (positive = convex / ∩)
     * @param fundamentalHz the fundamental is kept inside this band
     * @param modulationProbability chance that a call is sinusoidally modulated
     * @param modulationRateHz rate of that modulation
     * @param modulationDepthHz its depth (peak deviation)
     * @param harmonics number of partials including the fundamental (integer range)
     * @param harmonicDropDb level drop per harmonic step
     * @param rampFraction onset (and offset) duration as a fraction of the call
     */
    public record Spec(Range eventsPerClip, Range snrDb, Range durationS, Range startHz, Range sweepHz, Range bendHz,
            Range fundamentalHz, double modulationProbability, Range modulationRateHz, Range modulationDepthHz,
            Range harmonics, Range harmonicDropDb, Range rampFraction) {
        public Spec {
            if (eventsPerClip.min() < 1 || harmonics.min() < 1 || durationS.min() <= 0 || fundamentalHz.min() <= 0
                    || rampFraction.max() > 0.5 || rampFraction.min() < 0
                    || !(modulationProbability >= 0 && modulationProbability <= 1)) {
                throw new EchomaskException("invalid whistle spec: " + eventsPerClip + " events, " + harmonics
                        + " harmonics, duration " + durationS + ", band " + fundamentalHz + ", ramp " + rampFraction
                        + ", modulation probability " + modulationProbability);
            }
        }
    }

    /** One drawn whistle (all values concrete). */
    public record Params(double durationS, double startHz, double sweepHz, double bendHz, double minHz, double maxHz,
            double modulationRateHz, double modulationDepthHz, double modulationPhase, int harmonics,
            double harmonicDropDb, double rampFraction) implements EventParams {
    }

    /** Draws a whistle no longer than {@code maxDurationS}. */
    public static Params draw(Spec spec, RandomGenerator rng, double maxDurationS) {
        double duration = Math.min(spec.durationS().draw(rng), maxDurationS);
        double start = spec.startHz().draw(rng);
        double sweep = spec.sweepHz().draw(rng);
        double bend = spec.bendHz().draw(rng);
        boolean modulated = rng.nextDouble() < spec.modulationProbability();
        double modRate = spec.modulationRateHz().draw(rng);
        double modDepth = modulated ? spec.modulationDepthHz().draw(rng) : 0;
        double modPhase = rng.nextDouble() * 2 * Math.PI;
        int harmonics = spec.harmonics().drawInt(rng);
        double drop = spec.harmonicDropDb().draw(rng);
        double ramp = spec.rampFraction().draw(rng);
        return new Params(duration, start, sweep, bend, spec.fundamentalHz().min(), spec.fundamentalHz().max(), modRate,
                modDepth, modPhase, harmonics, drop, ramp);
    }

    /** The fundamental frequency at time {@code t} seconds into the call. */
    public static double fundamentalAt(Params p, double t) {
        double u = p.durationS() > 0 ? t / p.durationS() : 0;
        double f = p.startHz() + p.sweepHz() * u + p.bendHz() * 4 * u * (1 - u)
                + p.modulationDepthHz() * Math.sin(2 * Math.PI * p.modulationRateHz() * t + p.modulationPhase());
        return Math.max(p.minHz(), Math.min(p.maxHz(), f));
    }

    /**
     * Renders the whistle starting at {@code startS} into a clip of {@code n} samples at
     * {@code rate} Hz, peak amplitude about 1. Returns no event when even the fundamental does not
     * fit below Nyquist.
     */
    public static SourceSignal render(Params p, double startS, int rate, int n, RandomGenerator rng) {
        float[] out = new float[n];
        int i0 = (int) Math.round(startS * rate);
        int len = Math.min((int) Math.round(p.durationS() * rate), n - i0);
        double limit = 0.95 * rate / 2.0;
        double fmin = Double.POSITIVE_INFINITY;
        double fmax = 0;
        double[] contour = new double[Math.max(len, 0)];
        for (int i = 0; i < len; i++) {
            contour[i] = fundamentalAt(p, i / (double) rate);
            fmin = Math.min(fmin, contour[i]);
            fmax = Math.max(fmax, contour[i]);
        }
        int harmonics = 0;
        while (harmonics < p.harmonics() && (harmonics + 1) * fmax <= limit) {
            harmonics++;
        }
        if (len <= 0 || harmonics == 0) {
            return new SourceSignal(out, List.of());
        }
        double[] amp = new double[harmonics];
        double[] phase0 = new double[harmonics];
        for (int h = 0; h < harmonics; h++) {
            amp[h] = Math.pow(10, -p.harmonicDropDb() * h / 20);
            phase0[h] = rng.nextDouble() * 2 * Math.PI;
        }
        int ramp = Math.max(1, (int) Math.round(p.rampFraction() * len));
        double phase = 0;
        for (int i = 0; i < len; i++) {
            phase += 2 * Math.PI * contour[i] / rate;
            double env = 1;
            if (i < ramp) {
                env = 0.5 - 0.5 * Math.cos(Math.PI * i / ramp);
            } else if (i >= len - ramp) {
                env = 0.5 - 0.5 * Math.cos(Math.PI * (len - 1 - i) / ramp);
            }
            double v = 0;
            for (int h = 0; h < harmonics; h++) {
                v += amp[h] * Math.sin((h + 1) * phase + phase0[h]);
            }
            out[i0 + i] = (float) (env * v);
        }
        // The band covers every included partial plus the spectral spread of the ramps.
        double margin = 250;
        Selection event = new Selection(i0 / (double) rate, (i0 + len) / (double) rate, Math.max(0, fmin - margin),
                Math.min(rate / 2.0, harmonics * fmax + margin), Labels.BELUGA_WHISTLE);
        return new SourceSignal(out, List.of(event));
    }
}
