package org.echomask.synth;

import java.util.random.RandomGenerator;
import org.echomask.EchomaskException;

/**
 * A passing ship: broadband cavitation noise with power spectral density
 * {@code 1/(1 + (f/knee)^slope)} (most energy below a few kHz, a tail past 20 kHz), amplitude-
 * modulated at the blade rate, plus tonal lines at the blade rate and its harmonics and a few
 * machinery tonals (50–500 Hz). The level follows the spherical-spreading law of a straight pass,
 * {@code a(t) = 1/√(1 + ((t − t_cpa)/w)²)}, with the closest point of approach {@code t_cpa}
 * inside or outside the clip. Peak RMS level (at CPA) is given relative to the ambient noise RMS.
 */
public final class VesselNoise {
    private VesselNoise() {}

    /**
     * @param probability chance that a clip contains a vessel
     * @param levelDb RMS at CPA relative to the ambient noise RMS
     * @param kneeHz corner of the broadband spectrum
     * @param slope power-law exponent of the PSD above the knee
     * @param bladeRateHz blade rate
     * @param bladeHarmonics number of blade-rate lines (integer range)
     * @param machineryTonals number of machinery lines (integer range)
     * @param machineryHz frequency range of machinery lines
     * @param tonalLevelDb level of each tonal line relative to the broadband RMS
     * @param modulationDepth cavitation amplitude modulation depth at the blade rate
     * @param cpaFraction time of closest approach as a fraction of the clip (outside [0,1] = outside the clip)
     * @param passWidthS time over which the level falls by 3 dB from CPA (range / speed)
     */
    public record Spec(double probability, Range levelDb, Range kneeHz, Range slope, Range bladeRateHz,
            Range bladeHarmonics, Range machineryTonals, Range machineryHz, Range tonalLevelDb, Range modulationDepth,
            Range cpaFraction, Range passWidthS) {
        public Spec {
            if (!(probability >= 0 && probability <= 1) || kneeHz.min() <= 0 || slope.min() <= 0 || passWidthS.min() <= 0
                    || modulationDepth.min() < 0 || modulationDepth.max() > 1 || bladeHarmonics.min() < 0
                    || machineryTonals.min() < 0) {
                throw new EchomaskException("invalid vessel spec: probability " + probability + ", knee " + kneeHz
                        + ", slope " + slope + ", pass width " + passWidthS + ", modulation " + modulationDepth);
            }
        }
    }

    /** Renders {@code n} samples at {@code rate} Hz with RMS at CPA of {@code 10^(levelDb/20)} times {@code ambientRms}. */
    public static float[] render(Spec spec, int rate, int n, double ambientRms, RandomGenerator rng) {
        double level = Math.pow(10, spec.levelDb().draw(rng) / 20) * ambientRms;
        double knee = spec.kneeHz().draw(rng);
        double slope = spec.slope().draw(rng);
        double blade = spec.bladeRateHz().draw(rng);
        int bladeLines = spec.bladeHarmonics().drawInt(rng);
        int machineryLines = spec.machineryTonals().drawInt(rng);
        double depth = spec.modulationDepth().draw(rng);
        double seconds = n / (double) rate;
        double cpa = spec.cpaFraction().draw(rng) * seconds;
        double width = spec.passWidthS().draw(rng);
        float[] broadband = Spectral.colouredNoise(n, rate, f -> Math.sqrt(1 / (1 + Math.pow(f / knee, slope))), rng);
        double bladePhase = rng.nextDouble() * 2 * Math.PI;
        double[] freq = new double[bladeLines + machineryLines];
        double[] amp = new double[freq.length];
        double[] phase = new double[freq.length];
        for (int k = 0; k < freq.length; k++) {
            freq[k] = k < bladeLines ? blade * (k + 1) : spec.machineryHz().draw(rng);
            // Lines at unit-RMS broadband level: a sinusoid of amplitude √2·10^(dB/20) has that RMS.
            double db = spec.tonalLevelDb().draw(rng) - (k < bladeLines ? 2.0 * k : 0);
            amp[k] = freq[k] < 0.45 * rate ? Math.sqrt(2) * Math.pow(10, db / 20) : 0;
            phase[k] = rng.nextDouble() * 2 * Math.PI;
        }
        float[] out = new float[n];
        // Tonals are summed by rotating phasors instead of calling sin per sample and line.
        double[] c = new double[freq.length];
        double[] s = new double[freq.length];
        double[] dc = new double[freq.length];
        double[] ds = new double[freq.length];
        for (int k = 0; k < freq.length; k++) {
            c[k] = Math.cos(phase[k]);
            s[k] = Math.sin(phase[k]);
            dc[k] = Math.cos(2 * Math.PI * freq[k] / rate);
            ds[k] = Math.sin(2 * Math.PI * freq[k] / rate);
        }
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double x = (t - cpa) / width;
            double envelope = 1 / Math.sqrt(1 + x * x);
            double am = 1 + depth * Math.sin(2 * Math.PI * blade * t + bladePhase);
            double v = broadband[i] * am;
            for (int k = 0; k < freq.length; k++) {
                v += amp[k] * s[k];
                double nc = c[k] * dc[k] - s[k] * ds[k];
                s[k] = s[k] * dc[k] + c[k] * ds[k];
                c[k] = nc;
            }
            out[i] = (float) (level * envelope * v);
        }
        return out;
    }
}
