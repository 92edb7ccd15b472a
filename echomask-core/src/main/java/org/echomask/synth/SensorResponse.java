package org.echomask.synth;

import org.echomask.EchomaskException;

/**
 * The magnitude response of a hydrophone and its recorder, applied (zero-phase) to every stem of a
 * clip, so a shifted profile can stand for another sensor: a Butterworth-shaped high-pass and
 * low-pass roll-off and an optional resonance bump. A value of 0 switches a part off.
 *
 * @param highPassHz −3 dB corner of the high-pass, or 0
 * @param lowPassHz −3 dB corner of the low-pass roll-off, or 0
 * @param lowPassOrder Butterworth order of that roll-off
 * @param resonanceHz centre of the resonance, or 0
 * @param resonanceGainDb gain at the resonance centre
 * @param resonanceQ quality factor of the resonance
 */
public record SensorResponse(double highPassHz, double lowPassHz, int lowPassOrder, double resonanceHz,
        double resonanceGainDb, double resonanceQ) {

    public SensorResponse {
        if (highPassHz < 0 || lowPassHz < 0 || resonanceHz < 0 || lowPassOrder < 0 || lowPassOrder > 12
                || (resonanceHz > 0 && !(resonanceQ > 0)) || (lowPassHz > 0 && lowPassOrder == 0)) {
            throw new EchomaskException("invalid sensor response: high-pass " + highPassHz + " Hz, low-pass " + lowPassHz
                    + " Hz order " + lowPassOrder + ", resonance " + resonanceHz + " Hz Q " + resonanceQ);
        }
    }

    /** A sensor that passes everything unchanged. */
    public static SensorResponse flat() {
        return new SensorResponse(0, 0, 0, 0, 0, 0);
    }

    public boolean passesUnchanged() {
        return highPassHz == 0 && lowPassHz == 0 && (resonanceHz == 0 || resonanceGainDb == 0);
    }

    /** Linear magnitude at {@code hz}. */
    public double gain(double hz) {
        double g = 1;
        if (highPassHz > 0) {
            double r = highPassHz / Math.max(hz, 1e-9);
            g *= 1 / Math.sqrt(1 + r * r * r * r);
        }
        if (lowPassHz > 0) {
            g *= 1 / Math.sqrt(1 + Math.pow(hz / lowPassHz, 2.0 * lowPassOrder));
        }
        if (resonanceHz > 0 && resonanceGainDb != 0 && hz > 0) {
            double peak = Math.pow(10, resonanceGainDb / 20);
            double detune = resonanceQ * (hz / resonanceHz - resonanceHz / hz);
            g *= 1 + (peak - 1) / (1 + detune * detune);
        }
        return g;
    }

    /** Filters a whole stem; the response is smooth, so its impulse response is far shorter than the guard. */
    public float[] apply(float[] samples, int rate) {
        if (passesUnchanged()) {
            return samples.clone();
        }
        return Spectral.filter(samples, rate, this::gain, 8192);
    }
}
