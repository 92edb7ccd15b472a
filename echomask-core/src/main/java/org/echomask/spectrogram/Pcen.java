package org.echomask.spectrogram;

/**
 * Per-channel energy normalisation, the formula of {@code librosa.pcen} with {@code max_size=1}:
 * a first-order low-pass {@code M[t] = s·E[t] + (1−s)·M[t−1]} per band (scipy {@code lfilter} with
 * {@code b=[s], a=[1, s−1]}), started from librosa's {@code lfilter_zi} state, which is the
 * steady state for a constant input of 1, i.e. {@code M[−1] = 1}; then
 * {@code (E·(eps+M)^−gain / bias + 1)^power·bias^power − bias^power}, or
 * {@code (E·(eps+M)^−gain)^power} when bias is 0.
 */
public final class Pcen {
    private Pcen() {}

    /**
     * librosa's smoothing coefficient for a time constant of {@code t} frames:
     * {@code s = (√(1 + 4t²) − 1) / (2t²)}, the positive root of {@code t²s² + s − 1 = 0}.
     */
    public static double smoothingCoefficient(double timeConstantFrames) {
        double t = timeConstantFrames;
        return (Math.sqrt(1 + 4 * t * t) - 1) / (2 * t * t);
    }

    /** Applies PCEN in place to {@code energy[band][frame]} sampled at {@code framesPerSecond}. */
    public static void applyInPlace(float[][] energy, PcenConfig c, double framesPerSecond) {
        double s = smoothingCoefficient(c.timeConstantSeconds() * framesPerSecond);
        double gain = c.gain();
        double bias = c.bias();
        double power = c.power();
        double logEps = Math.log(c.eps());
        double biasPow = Math.pow(bias, power);
        for (float[] row : energy) {
            double m = 1.0;
            for (int t = 0; t < row.length; t++) {
                double e = row[t];
                m = s * e + (1 - s) * m;
                // exp(−gain·(log eps + log1p(M/eps))) = (eps + M)^−gain, in librosa's stable form.
                double smooth = Math.exp(-gain * (logEps + Math.log1p(m / c.eps())));
                double v = bias == 0 ? Math.exp(power * (Math.log(e) + Math.log(smooth)))
                        : biasPow * Math.expm1(power * Math.log1p(e * smooth / bias));
                row[t] = (float) v;
            }
        }
    }
}
