package org.echomask.classify;

import java.util.Locale;
import org.echomask.EchomaskException;

/**
 * What the classifier's mask branch sees. {@link #NONE} is the image-only baseline: the same model
 * code without the second branch, so baselines and mask-guided variants differ only in this.
 */
public enum MaskInput {
    /** No mask branch: image-only baseline. */
    NONE,
    /** The binary mask, 0 or 1 per pixel. */
    BINARY,
    /** A Gaussian soft mask of the binary mask (exact distance transform, sigma in pixels). */
    SOFT;

    public boolean used() {
        return this != NONE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MaskInput parse(String s) {
        for (MaskInput m : values()) {
            if (m.id().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new EchomaskException("unknown mask input '" + s + "' (expected none, binary or soft)");
    }
}
