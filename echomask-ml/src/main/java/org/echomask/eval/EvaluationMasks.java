package org.echomask.eval;

import java.nio.file.Path;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.classify.ClassifierSpec;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.dataset.DatasetMasks;
import org.echomask.mask.MaskMaker;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.echomask.segment.SegmenterMasks;

/**
 * Makes the masks a classifier reads on a dataset that lacks them, the way they were made for its
 * training data: the maker of the model's mask recipe ({@link SegmenterMasks#forRecipe}:
 * proposals with the proposer config recorded with the model, generated masks with the segmenter
 * embedded in the classifier's package) writes them into the dataset. HQ masks cannot be made by a
 * program, except on synthetic data where the dataset builder renders the ground truth under any
 * transform.
 */
public final class EvaluationMasks {
    /** Batches of a network maker: those of {@code segment predict}, so the masks are the same. */
    static final int BATCH_SIZE = 32;

    private EvaluationMasks() {}

    /**
     * @param spec the classifier
     * @param segmenter the segmentation package behind generated masks (from the classifier package), or null
     * @param proposer the proposer config of the model's proposal masks, or null when unknown
     * @param dataset the dataset to complete
     */
    public static void ensure(ClassifierSpec spec, Path segmenter, ProposerConfig proposer, Path dataset, int threads,
            Progress progress) {
        if (!spec.maskKind().used()) {
            return;
        }
        String source = spec.maskSource();
        List<DatasetEntry> entries = DatasetManifest.read(dataset.resolve(DatasetManifest.FILE_NAME));
        if (entries.stream().allMatch(e -> DatasetMasks.sourceMask(e, source).isPresent())) {
            return;
        }
        if (MaskRecipe.PROPOSAL.equals(source) && proposer == null) {
            throw new EchomaskException(dataset + ": examples lack proposal masks and the proposer config they "
                    + "were made with is unknown; run `echomask masks propose` on it first");
        }
        MaskRecipe recipe = spec.maskRecipe(MaskRecipe.PROPOSAL.equals(source) ? proposer : null);
        MaskMaker maker;
        try {
            maker = SegmenterMasks.forRecipe(recipe, segmenter);
        } catch (EchomaskException e) {
            throw new EchomaskException(dataset + ": examples lack " + source + " masks, and " + e.getMessage(), e);
        }
        try (maker) {
            maker.checkSize(spec.inputHeight(), spec.inputWidth());
            DatasetMasks.Report report = DatasetMasks.make(dataset, recipe, maker, BATCH_SIZE, threads, progress);
            if (!report.failures().isEmpty()) {
                DatasetMasks.Failure first = report.failures().get(0);
                throw new EchomaskException(dataset + ": could not make " + report.failures().size() + " " + source
                        + " masks with the " + maker.describe() + " (first: example " + first.id() + ": " + first.problem() + ")");
            }
            if (maker instanceof SegmenterMasks s) {
                s.recordIn(dataset); // which package made them, as `segment predict` notes it
            }
        }
    }
}
