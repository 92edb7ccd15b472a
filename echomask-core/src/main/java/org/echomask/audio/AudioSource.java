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

    /**
     * How many frames to make room for when the whole recording is read: what the header declares,
     * but never more than the bytes really in the file make plausible, so that a header declaring
     * 2^31 frames in an 8 KB file does not allocate 8 GB. The true count may differ either way;
     * readers of the whole file grow or trim their arrays by what {@link #read} delivers.
     */
    default long sizeHintFrames() {
        return Math.max(0, Math.min(info().frames(), 1 << 16));
    }

    @Override
    void close();
}
