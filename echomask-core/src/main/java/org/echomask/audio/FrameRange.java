package org.echomask.audio;

/**
 * Frames {@code [start, end)} of a signal. {@code end} may exceed the signal length for a padded
 * last window ({@link LastWindow#PAD}).
 */
public record FrameRange(long start, long end) {
    public FrameRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad frame range [" + start + ", " + end + ")");
        }
    }

    public long length() {
        return end - start;
    }
}
