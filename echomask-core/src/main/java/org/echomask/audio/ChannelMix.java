package org.echomask.audio;

/**
 * Turns a multi-channel block into one channel: either one selected channel (0-based) or the
 * mean of all channels. Usable per block, so it streams.
 *
 * @param channel the 0-based channel to keep, or {@link #MEAN_OF_ALL} for the mean of all channels
 */
public record ChannelMix(int channel) {
    public static final int MEAN_OF_ALL = -1;
    /** The mean of all channels (mono files pass through unchanged). */
    public static final ChannelMix MEAN = new ChannelMix(MEAN_OF_ALL);

    public ChannelMix {
        if (channel < MEAN_OF_ALL) {
            throw new IllegalArgumentException("channel index must be >= 0 (or MEAN_OF_ALL): " + channel);
        }
    }

    /** Keeps one channel, 0-based. */
    public static ChannelMix select(int channel) {
        if (channel < 0) {
            throw new IllegalArgumentException("channel index must be >= 0: " + channel);
        }
        return new ChannelMix(channel);
    }

    /** Checks that this mix can apply to a recording; names the file when not. */
    public void check(AudioInfo info) {
        if (channel >= info.channels()) {
            throw new AudioFileException(info.path(), "channel " + channel + " requested (0-based) but the recording has "
                    + info.channels() + " channel" + (info.channels() == 1 ? "" : "s"));
        }
    }

    /** Mixes {@code frames} frames of {@code block[channel][0..frames)} into a new array. */
    public float[] mix(float[][] block, int frames) {
        float[] out = new float[frames];
        mixInto(block, 0, frames, out, 0);
        return out;
    }

    /** Mixes {@code block[c][offset .. offset+frames)} into {@code dest[destOffset ..]}. */
    public void mixInto(float[][] block, int offset, int frames, float[] dest, int destOffset) {
        if (channel >= block.length) {
            throw new IllegalArgumentException("channel " + channel + " requested (0-based) but the block has "
                    + block.length + " channels");
        }
        if (channel >= 0) {
            System.arraycopy(block[channel], offset, dest, destOffset, frames);
            return;
        }
        System.arraycopy(block[0], offset, dest, destOffset, frames);
        for (int c = 1; c < block.length; c++) {
            float[] src = block[c];
            for (int i = 0; i < frames; i++) {
                dest[destOffset + i] += src[offset + i];
            }
        }
        if (block.length > 1) {
            float inv = 1f / block.length;
            for (int i = 0; i < frames; i++) {
                dest[destOffset + i] *= inv;
            }
        }
    }
}
