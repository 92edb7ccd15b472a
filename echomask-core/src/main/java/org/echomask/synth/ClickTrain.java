package org.echomask.synth;

import java.util.List;
import java.util.random.RandomGenerator;
import org.echomask.EchomaskException;
import org.echomask.label.Selection;

/**
 * Echolocation click trains, for both beluga (broadband, peak 40–100 kHz) and harbour porpoise
 * (narrow-band high-frequency, ~130 kHz). A click is a Gaussian-enveloped tone whose −20 dB
 * envelope width is the click duration {@code d}; its spectrum is Gaussian around the peak
 * frequency with standard deviation {@code σ = 0.683/d} (so 50 µs ≈ 13.7 kHz, 100 µs ≈ 6.8 kHz).
 * Clicks are synthesised on the DFT grid of the clip rate, so the part of a click above Nyquist
 * is left out rather than aliased. The inter-click interval moves smoothly (half-cosine) from a
 * start value to an end value along the train, and the click level drifts smoothly between two
 * levels, with small per-click jitter in level and peak frequency.
 */
public final class ClickTrain {
    /** −20 dB envelope width in units of the Gaussian τ: 2·√(2·ln 10). */
    private static final double WIDTH_IN_TAU = 2 * Math.sqrt(2 * Math.log(10));
    /** Half-width of the annotated band in σ: the click spectrum is 30 dB down there. */
    private static final double BAND_IN_SIGMA = Math.sqrt(3 * Math.log(10));

    private ClickTrain() {}

    /**
     * How a profile draws click trains.
     *
     * @param eventsPerClip trains in a clip that has the label (integer range)
     * @param snrDb band SNR of each train over its whole span
     * @param trainS train duration
     * @param iciMs inter-click interval; the start and end ICI are drawn from it independently
     * @param peakHz click peak frequency
     * @param peakJitterHz standard deviation of the per-click peak frequency
     * @param clickUs click duration (−20 dB envelope width), microseconds
     * @param levelDriftDb level change along the train (start and end drawn from it)
     * @param levelJitterDb standard deviation of the per-click level
     */
    public record Spec(Range eventsPerClip, Range snrDb, Range trainS, Range iciMs, Range peakHz, double peakJitterHz,
            Range clickUs, Range levelDriftDb, double levelJitterDb) {
        public Spec {
            if (eventsPerClip.min() < 1 || trainS.min() <= 0 || iciMs.min() <= 0 || peakHz.min() <= 0
                    || clickUs.min() <= 0 || peakJitterHz < 0 || levelJitterDb < 0) {
                throw new EchomaskException("invalid click-train spec: " + eventsPerClip + " events, train " + trainS
                        + " s, ICI " + iciMs + " ms, peak " + peakHz + " Hz, click " + clickUs + " us");
            }
        }
    }

    /** One drawn train. */
    public record Params(String label, double durationS, double iciStartMs, double iciEndMs, double peakHz,
            double peakJitterHz, double clickUs, double levelStartDb, double levelEndDb, double levelJitterDb)
            implements EventParams {
        /** Spectral standard deviation of one click. */
        public double sigmaHz() {
            return WIDTH_IN_TAU / (2 * Math.PI * clickUs * 1e-6);
        }
    }

    public static Params draw(Spec spec, String label, RandomGenerator rng, double maxDurationS) {
        double duration = Math.min(spec.trainS().draw(rng), maxDurationS);
        return new Params(label, duration, spec.iciMs().draw(rng), spec.iciMs().draw(rng), spec.peakHz().draw(rng),
                spec.peakJitterHz(), spec.clickUs().draw(rng), spec.levelDriftDb().draw(rng),
                spec.levelDriftDb().draw(rng), spec.levelJitterDb());
    }

    /** Whether a click centred at {@code peakHz} keeps a useful part (more than ~16 %) of its energy below Nyquist. */
    public static boolean representable(Params p, int rate) {
        return p.peakHz() - p.sigmaHz() < rate / 2.0;
    }

    /**
     * Renders the train starting at {@code startS}; clicks peak at about 1. Returns no event when
     * the clicks do not fit below Nyquist.
     */
    public static SourceSignal render(Params p, double startS, int rate, int n, RandomGenerator rng) {
        float[] out = new float[n];
        if (!representable(p, rate)) {
            return new SourceSignal(out, List.of());
        }
        double sigma = p.sigmaHz();
        double tau = 1 / (2 * Math.PI * sigma);
        int length = Math.max(32, Spectral.nextPow2((int) Math.ceil(10 * tau * rate)));
        double end = Math.min(startS + p.durationS(), n / (double) rate);
        double t = startS + p.iciStartMs() * 1e-3 * rng.nextDouble() * 0.25;
        double first = Double.NaN;
        double last = Double.NaN;
        double fLow = Double.POSITIVE_INFINITY;
        double fHigh = 0;
        double halfClick = length / 2.0 / rate;
        while (t < end) {
            double u = (t - startS) / p.durationS();
            double smooth = 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, u));
            double levelDb = p.levelStartDb() + (p.levelEndDb() - p.levelStartDb()) * smooth
                    + p.levelJitterDb() * rng.nextGaussian();
            double fc = p.peakHz() + p.peakJitterHz() * rng.nextGaussian();
            double phase = rng.nextDouble() * 2 * Math.PI;
            double pos = t * rate;
            int centre = (int) Math.floor(pos);
            int offset = centre - length / 2;
            if (offset >= 0 && offset + length <= n) {
                float[] pulse = Spectral.gaussianPulse(length, rate, fc, sigma, phase, pos - centre);
                float g = (float) Math.pow(10, levelDb / 20);
                for (int i = 0; i < length; i++) {
                    out[offset + i] += g * pulse[i];
                }
                first = Double.isNaN(first) ? t : first;
                last = t;
                fLow = Math.min(fLow, fc);
                fHigh = Math.max(fHigh, fc);
            }
            double ici = p.iciStartMs() + (p.iciEndMs() - p.iciStartMs()) * smooth;
            t += ici * 1e-3;
        }
        if (Double.isNaN(first)) {
            return new SourceSignal(out, List.of());
        }
        double nyquist = rate / 2.0;
        double low = Math.max(0, fLow - BAND_IN_SIGMA * sigma);
        double high = Math.min(nyquist, fHigh + BAND_IN_SIGMA * sigma);
        Selection event = new Selection(Math.max(0, first - halfClick), Math.min(n / (double) rate, last + halfClick), low,
                high, p.label());
        return new SourceSignal(out, List.of(event));
    }
}
