package org.echomask.augment;

/**
 * One example's host arrays while a {@link Pipeline} runs on it: the spectrogram and, for
 * mask-guided models, the mask input, each an {@code [frequency][time]} plane stored row-major
 * ({@code height} rows of {@code width} frames) at {@code offset} of its array. Steps edit the
 * planes in place, so a batch's arrays are written once and augmented where they lie.
 *
 * @param spectrogram array holding the spectrogram plane
 * @param mask array holding the mask plane at the same offset, or null without a mask branch
 * @param offset index of the planes' first value
 * @param height rows (frequency bins)
 * @param width columns (frames)
 */
public record HostExample(float[] spectrogram, float[] mask, int offset, int height, int width) {
    public HostExample {
        if (spectrogram == null || height < 1 || width < 1 || offset < 0
                || (long) offset + (long) height * width > spectrogram.length
                || (mask != null && (long) offset + (long) height * width > mask.length)) {
            throw new IllegalArgumentException("a " + height + "x" + width + " plane at " + offset + " does not fit its arrays");
        }
    }

    /** An example whose planes are whole arrays of their own. */
    public static HostExample of(float[] spectrogram, float[] mask, int height, int width) {
        return new HostExample(spectrogram, mask, 0, height, width);
    }

    public boolean hasMask() {
        return mask != null;
    }
}
