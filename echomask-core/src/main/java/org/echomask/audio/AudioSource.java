package org.echomask.audio;

import java.io.Closeable;

/**
 * A recording read in blocks, so that a multi-hour file never has to fit in memory. Samples are
 * floats scaled to [-1, 1) per channel. Implementations throw {@link AudioFileException} naming
 * the file when its content is broken (including truncation: fewer frames than declared).
 */
public interface AudioSource extends Closeable {

    AudioInfo info();

    /**
     * Reads up to {@code maxFrames} frames into {@code dest[channel][offset ...]}.
     *
     * @return frames read, or -1 at the end of the recording
     */
    int read(float[][] dest, int offset, int maxFrames);

    @Override
    void close();
}
