package org.echomask.audio;

import java.util.Objects;

/**
 * A whole short recording in memory as one channel.
 *
 * @param samples mono samples in [-1, 1)
 * @param sampleRate samples per second
 * @param info the header of the recording it came from
 */
public record MonoAudio(float[] samples, int sampleRate, AudioInfo info) {
    public MonoAudio {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
