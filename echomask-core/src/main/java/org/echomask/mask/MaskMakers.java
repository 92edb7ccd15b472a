package org.echomask.mask;

import java.util.function.Supplier;
import org.echomask.EchomaskException;

/**
 * The one place that turns a mask source into something that makes masks: every caller that
 * needs a model's masks remade (dataset completion, evaluation, analysis) asks here, so a new
 * source is a new case here, not a new {@code switch} in each of them.
 */
public final class MaskMakers {
    private MaskMakers() {}

    /**
     * The maker of {@code recipe}'s masks: the proposer with the recipe's config for
     * {@code proposal}, the network {@code generated} supplies for {@code generated}.
     *
     * @param generated opens the segmentation network behind generated masks (only called for them)
     * @throws EchomaskException for image-only recipes, {@code hq} masks (no program makes them) and unknown sources
     */
    public static MaskMaker forRecipe(MaskRecipe recipe, Supplier<MaskMaker> generated) {
        if (!recipe.kind().used()) {
            throw new EchomaskException("an image-only model reads no masks, so there are none to make");
        }
        return switch (recipe.source()) {
            case MaskRecipe.PROPOSAL -> new MaskProposer(recipe.proposer());
            case MaskRecipe.GENERATED -> generated.get();
            case MaskRecipe.HQ -> throw new EchomaskException("hq masks are drawn by people or come from synthetic ground"
                    + " truth and cannot exist for new recordings; use a model trained on proposal or generated masks,"
                    + " or an image-only model");
            default -> throw new EchomaskException("'" + recipe.source() + "' masks cannot be made by a program here (it"
                    + " makes " + MaskRecipe.PROPOSAL + " and " + MaskRecipe.GENERATED + " masks)");
        };
    }
}
