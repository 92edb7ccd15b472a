package org.echomask.mask;

/**
 * The mask channel a classifier reads, made from a binary mask: the mask itself or its Gaussian
 * soft mask, flattened row-major like the batches. Training data, evaluation and analysis all make
 * it here, so a model sees at inference exactly the channel it was trained on.
 */
public final class MaskChannels {
    private MaskChannels() {}

    /**
     * @param binary mask {@code [frequency][time]}
     * @param kind binary (0/1) or soft (Gaussian of the distance, {@code sigma} pixels)
     * @param sigma σ in pixels for soft masks, ignored for binary ones
     */
    public static float[] of(boolean[][] binary, MaskKind kind, double sigma) {
        return switch (kind) {
            case BINARY -> flatten(binary);
            case SOFT -> flatten(SoftMasks.gaussian(binary, sigma));
            case NONE -> throw new IllegalArgumentException("an image-only model reads no mask channel");
        };
    }

    /** Row-major copy of a [frequency][time] grid (the layout batches use). */
    public static float[] flatten(float[][] m) {
        int w = m[0].length;
        float[] out = new float[m.length * w];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * w, w);
        }
        return out;
    }

    /** Row-major 0/1 copy of a binary mask. */
    public static float[] flatten(boolean[][] m) {
        int w = m[0].length;
        float[] out = new float[m.length * w];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < w; j++) {
                out[i * w + j] = m[i][j] ? 1f : 0f;
            }
        }
        return out;
    }
}
