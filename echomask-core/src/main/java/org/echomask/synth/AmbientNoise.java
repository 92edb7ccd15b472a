package org.echomask.synth;

import java.util.random.RandomGenerator;
import org.echomask.EchomaskException;

/**
 * Ambient sea noise: Gaussian noise with power spectral density
 * {@code (corner/max(f, corner))^β + 10^(floorDb/10)} (β = 1 pink, β = 2 brown; the floor stands
 * in for the thermal noise that dominates at high frequency), plus snapping-shrimp impulses:
 * Poisson times, each a white-noise burst with an exponential decay of tens of microseconds
 * (broadband up to Nyquist), scaled so its largest sample is the drawn peak level relative to
 * the sea-noise RMS.
 */
public final class AmbientNoise {
    private AmbientNoise() {}

    /**
     * @param levelDbfs sea-noise RMS before the mix is scaled for headroom, dB re full scale
     * @param colourExponent β of the PSD power law
     * @param cornerHz below this the PSD is flat
     * @param floorDb white floor of the PSD relative to its value at the corner
     * @param shrimpPerS mean snapping-shrimp rate
     * @param shrimpLevelDb shrimp peak amplitude relative to the sea-noise RMS
     * @param shrimpDecayUs exponential decay time of one snap
     */
    public record Spec(Range levelDbfs, Range colourExponent, double cornerHz, Range floorDb, Range shrimpPerS,
            Range shrimpLevelDb, Range shrimpDecayUs) {
        public Spec {
            if (levelDbfs.max() > 0 || colourExponent.min() < 0 || !(cornerHz > 0) || shrimpPerS.min() < 0
                    || shrimpDecayUs.min() <= 0) {
                throw new EchomaskException("invalid ambient spec: level " + levelDbfs + " dBFS, colour " + colourExponent
                        + ", corner " + cornerHz + " Hz, shrimp rate " + shrimpPerS + ", decay " + shrimpDecayUs);
            }
        }
    }

    /** The drawn sea-noise level as a linear RMS, drawn first so vessel levels can refer to it. */
    public static double drawRms(Spec spec, RandomGenerator rng) {
        return Math.pow(10, spec.levelDbfs().draw(rng) / 20);
    }

    /** Renders {@code n} samples of sea noise with RMS {@code rms} plus shrimp snaps. */
    public static float[] render(Spec spec, int rate, int n, double rms, RandomGenerator rng) {
        double beta = spec.colourExponent().draw(rng);
        double floor = Math.pow(10, spec.floorDb().draw(rng) / 10);
        double corner = spec.cornerHz();
        float[] out = Spectral.colouredNoise(n, rate,
                f -> Math.sqrt(Math.pow(corner / Math.max(f, corner), beta) + floor), rng);
        for (int i = 0; i < n; i++) {
            out[i] *= (float) rms;
        }
        double ratePerS = spec.shrimpPerS().draw(rng);
        double t = 0;
        double seconds = n / (double) rate;
        while (ratePerS > 0) {
            t += -Math.log(1 - rng.nextDouble()) / ratePerS;
            if (t >= seconds) {
                break;
            }
            double peak = rms * Math.pow(10, spec.shrimpLevelDb().draw(rng) / 20);
            double decay = spec.shrimpDecayUs().draw(rng) * 1e-6 * rate;
            int start = (int) (t * rate);
            int len = Math.min(n - start, (int) Math.ceil(8 * decay) + 1);
            double[] snap = new double[len];
            double max = 0;
            for (int i = 0; i < len; i++) {
                snap[i] = Math.exp(-i / decay) * rng.nextGaussian();
                max = Math.max(max, Math.abs(snap[i]));
            }
            for (int i = 0; i < len && max > 0; i++) {
                out[start + i] += (float) (peak * snap[i] / max);
            }
        }
        return out;
    }
}
