package org.echomask.spectrogram;

/**
 * Per-channel energy normalisation (Wang et al. 2017, librosa defaults): a first-order IIR
 * smoother M of energy per band, then {@code (E/(eps+M)^gain + bias)^power - bias^power}. See
 * {@link Pcen} for the exact formula (librosa's).
 *
 * @param timeConstantSeconds smoother time constant T; the coefficient is librosa's
 *     {@code s = (√(1 + 4t²) − 1) / (2t²)} with t = T in frames of the final grid
 * @param gain alpha
 * @param bias delta
 * @param power r
 * @param eps floor added to the smoothed energy
 */
public record PcenConfig(double timeConstantSeconds, double gain, double bias, double power, double eps) {
    public PcenConfig {
        if (!(timeConstantSeconds > 0) || !(gain >= 0) || !(bias >= 0) || !(power > 0) || !(eps > 0)) {
            throw new IllegalArgumentException("invalid PCEN parameters: T=" + timeConstantSeconds + " gain=" + gain
                    + " bias=" + bias + " power=" + power + " eps=" + eps);
        }
    }

    public static PcenConfig defaults() {
        return new PcenConfig(0.4, 0.98, 2, 0.5, 1e-6);
    }
}
