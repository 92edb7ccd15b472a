package org.echomask.dataset;

import org.echomask.EchomaskException;
import org.echomask.mask.MaskKind;

/**
 * Which mask an example set loads next to each spectrogram: none, or the binary mask of a tracked
 * kind ({@code hq}, {@code generated}, {@code proposal}...), optionally turned into a Gaussian soft
 * mask with {@code softSigma} pixels (0 = keep it binary).
 */
public record MaskSelection(String kind, double softSigma) {
    public static final MaskSelection NONE = new MaskSelection("", 0);

    public MaskSelection {
        kind = kind == null ? "" : kind;
        if (!kind.isEmpty()) {
            DatasetMasks.sourceColumn(kind); // validates the name
        }
        if (!(softSigma >= 0) || Double.isInfinite(softSigma)) {
            throw new EchomaskException("soft-mask sigma must be >= 0 pixels, got " + softSigma);
        }
    }

    public static MaskSelection binary(String kind) {
        return new MaskSelection(kind, 0);
    }

    public static MaskSelection soft(String kind, double sigma) {
        if (!(sigma > 0)) {
            throw new EchomaskException("soft-mask sigma must be > 0 pixels, got " + sigma);
        }
        return new MaskSelection(kind, sigma);
    }

    public boolean loads() {
        return !kind.isEmpty();
    }

    /** What the loaded channel is: none, the binary mask, or its soft mask. */
    public MaskKind maskKind() {
        return !loads() ? MaskKind.NONE : softSigma > 0 ? MaskKind.SOFT : MaskKind.BINARY;
    }
}
