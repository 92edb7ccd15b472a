package org.echomask.mask;

import org.echomask.EchomaskException;

/**
 * How the masks a model reads are made, complete enough to make them again for new audio: the
 * kind, the source ({@code hq}: drawn by a person or synthetic truth; {@code generated}: the
 * segmentation network packaged with the model; {@code proposal}: the signal-processing
 * proposer), σ of a soft mask, and for proposals the proposer config itself.
 *
 * @param kind none, binary or soft
 * @param source mask source; empty for {@link MaskKind#NONE}
 * @param sigma σ in pixels of a soft mask, 0 otherwise
 * @param proposer the proposer config of {@code proposal} masks, null for other sources
 */
public record MaskRecipe(MaskKind kind, String source, double sigma, ProposerConfig proposer) {
    public static final String HQ = "hq";
    public static final String GENERATED = "generated";
    public static final String PROPOSAL = "proposal";
    /** The sources the toolkit makes or reads; datasets may track other kinds by name. */
    public static final java.util.List<String> SOURCES = java.util.List.of(HQ, GENERATED, PROPOSAL);

    /** The recipe of an image-only model. */
    public static final MaskRecipe NONE = new MaskRecipe(MaskKind.NONE, "", 0, null);

    public MaskRecipe {
        if (kind == null) {
            throw new EchomaskException("mask recipe: kind is required");
        }
        source = source == null ? "" : source;
        if (!kind.used()) {
            if (!source.isEmpty() || sigma != 0 || proposer != null) {
                throw new EchomaskException("mask recipe: an image-only model has no mask source, sigma or proposer");
            }
        } else {
            if (source.isEmpty()) {
                throw new EchomaskException("mask recipe: a " + kind.id() + " mask needs a source (hq, generated, proposal)");
            }
            if (kind == MaskKind.SOFT ? !(sigma > 0) : sigma != 0) {
                throw new EchomaskException("mask recipe: soft masks need sigma > 0 pixels, binary masks sigma 0 (got "
                        + sigma + ")");
            }
            if (source.equals(PROPOSAL) != (proposer != null)) {
                throw new EchomaskException("mask recipe: proposal masks need their proposer config, other sources none"
                        + " (source " + source + ")");
            }
        }
    }
}
