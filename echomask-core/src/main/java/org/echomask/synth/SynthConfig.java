package org.echomask.synth;

import org.echomask.EchomaskException;

/**
 * What a clip is generated with: the profile, the sample rate (≥ 48 kHz; sources above Nyquist
 * are left out), the clip duration and the peak level the mix is scaled down to when it would
 * exceed it (headroom below full scale, so 16-bit files never clip).
 *
 * @param profile the domain
 * @param sampleRate samples per second
 * @param durationS clip duration, seconds
 * @param peakLevel largest allowed absolute sample of the mix, in (0, 1)
 */
public record SynthConfig(SynthProfile profile, int sampleRate, double durationS, double peakLevel) {
    public static final int DEFAULT_RATE = 288_000;
    public static final double DEFAULT_DURATION_S = 2.0;
    /** −6 dBFS. */
    public static final double DEFAULT_PEAK = 0.5;

    public SynthConfig {
        if (profile == null) {
            throw new EchomaskException("invalid synth config: profile is required");
        }
        if (sampleRate < 48_000) {
            throw new EchomaskException("invalid synth config: sample rate " + sampleRate + " Hz is below 48 kHz");
        }
        if (!(durationS >= 0.05 && durationS <= 600)) {
            throw new EchomaskException("invalid synth config: duration " + durationS + " s outside [0.05, 600]");
        }
        if (!(peakLevel > 0 && peakLevel < 1)) {
            throw new EchomaskException("invalid synth config: peak level " + peakLevel + " outside (0, 1)");
        }
    }

    /** Defaults (288 kHz, 2 s, −6 dBFS peak) for a profile. */
    public static SynthConfig of(SynthProfile profile) {
        return new SynthConfig(profile, DEFAULT_RATE, DEFAULT_DURATION_S, DEFAULT_PEAK);
    }

    public SynthConfig withDuration(double seconds) {
        return new SynthConfig(profile, sampleRate, seconds, peakLevel);
    }

    public SynthConfig withSampleRate(int rate) {
        return new SynthConfig(profile, rate, durationS, peakLevel);
    }

    /** Samples in a clip. */
    public int samples() {
        return (int) Math.round(durationS * sampleRate);
    }
}
