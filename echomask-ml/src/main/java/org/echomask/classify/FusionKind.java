package org.echomask.classify;

import java.util.Locale;
import org.echomask.EchomaskException;

/**
 * How the mask branch joins the spectrogram branch (SPEC section 1 step 5). Every kind keeps a
 * residual path from the spectrogram encoder to the head, so a noisy mask cannot dominate.
 */
public enum FusionKind {
    /** Concatenate the pooled embeddings, MLP, added to the spectrogram embedding. */
    CONCAT,
    /** z = z_s + g * f(z_m) with g = sigmoid(W [z_s; z_m]). */
    GATED,
    /** Spectrogram tokens attend to mask tokens (multi-head), added back to the spectrogram tokens. */
    XATTN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FusionKind parse(String s) {
        for (FusionKind f : values()) {
            if (f.id().equalsIgnoreCase(s)) {
                return f;
            }
        }
        throw new EchomaskException("unknown fusion '" + s + "' (expected concat, gated or xattn)");
    }
}
