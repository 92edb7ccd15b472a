package org.echomask.mask;

import java.util.Locale;
import org.echomask.EchomaskException;

/**
 * What a model's mask branch reads: no mask (image-only), the binary mask, or its Gaussian soft
 * mask (exact distance transform, σ in pixels). Written in JSON by name ({@code "SOFT"}), parsed
 * from the lower-case ids the command line uses.
 */
public enum MaskKind {
    NONE,
    BINARY,
    SOFT;

    public boolean used() {
        return this != NONE;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MaskKind parse(String s) {
        for (MaskKind k : values()) {
            if (k.id().equalsIgnoreCase(s)) {
                return k;
            }
        }
        throw new EchomaskException("unknown mask kind '" + s + "' (expected none, binary or soft)");
    }
}
