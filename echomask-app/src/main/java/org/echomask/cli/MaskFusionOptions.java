package org.echomask.cli;

import org.echomask.classify.FusionKind;
import org.echomask.mask.MaskKind;
import picocli.CommandLine.Option;

/** What the classifier's mask branch sees and how it joins the spectrogram branch ({@code train}, {@code bench-training}). */
final class MaskFusionOptions {
    @Option(names = "--mask", defaultValue = "soft", converter = Enums.MaskInputs.class, completionCandidates = Enums.MaskInputs.class,
            description = "Mask input: ${COMPLETION-CANDIDATES} (none = the image-only baseline). Default: ${DEFAULT-VALUE}.")
    MaskKind mask;

    @Option(names = "--fusion", defaultValue = "xattn", converter = Enums.Fusions.class, completionCandidates = Enums.Fusions.class,
            description = "How the mask branch joins the spectrogram branch: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    FusionKind fusion;
}
