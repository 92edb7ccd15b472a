package org.echomask.audio;

import java.nio.file.Path;

/**
 * What a reader learnt from a recording's header.
 *
 * @param path where the recording is (for messages; may be null for in-memory audio)
 * @param sampleRate samples per second per channel
 * @param channels number of interleaved channels
 * @param frames frames the header declares (one frame = one sample per channel); -1 if unknown
 * @param bitsPerSample stored bits per sample (8, 16, 24, 32, 64)
 * @param encoding how samples are stored
 */
public record AudioInfo(Path path, int sampleRate, int channels, long frames, int bitsPerSample, SampleEncoding encoding) {
    public AudioInfo {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channel count must be positive: " + channels);
        }
    }

    /** Declared duration in seconds, or NaN when the header does not say. */
    public double durationSeconds() {
        return frames < 0 ? Double.NaN : frames / (double) sampleRate;
    }

    /** How samples are stored in the file. */
    public enum SampleEncoding {
        PCM_UNSIGNED, PCM_SIGNED, FLOAT
    }
}
