package org.echomask.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.classify.ClassifierSpec;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.dataset.DatasetMasks;
import org.echomask.dataset.ExampleSet;
import org.echomask.dataset.MaskSelection;
import org.echomask.mask.ProposerConfig;
import org.echomask.segment.SegmenterModel;

/**
 * Makes the masks a classifier reads on a dataset that lacks them, the way they were made for its
 * training data: proposals with the proposer config recorded with the model, generated masks
 * with the segmenter embedded in the classifier's package. HQ masks cannot be made by a program,
 * except on synthetic data where the dataset builder renders the ground truth under any transform.
 */
public final class EvaluationMasks {
    private EvaluationMasks() {}

    /**
     * @param spec the classifier
     * @param segmenter the segmentation package behind generated masks (from the classifier package), or null
     * @param proposer the proposer config of the model's proposal masks, or null when unknown
     * @param dataset the dataset to complete
     */
    public static void ensure(ClassifierSpec spec, Path segmenter, ProposerConfig proposer, Path dataset, int threads,
            Progress progress) {
        if (!spec.maskInput().used()) {
            return;
        }
        String kind = spec.maskSource();
        List<DatasetEntry> entries = DatasetManifest.read(dataset.resolve(DatasetManifest.FILE_NAME));
        boolean complete = entries.stream().allMatch(e -> DatasetMasks.sourceMask(e, kind).isPresent());
        if (complete) {
            return;
        }
        switch (kind) {
            case "generated" -> {
                if (segmenter == null || !Files.isDirectory(segmenter)) {
                    throw new EchomaskException(dataset + ": examples lack generated masks and no segmentation model "
                            + "is packaged with the classifier to make them");
                }
                try (SegmenterModel m = SegmenterModel.open(segmenter)) {
                    ExampleSet all = ExampleSet.load(dataset, e -> true, MaskSelection.NONE, threads, progress);
                    m.writeGeneratedMasks(all, segmenter, 32, progress);
                }
            }
            case "proposal" -> {
                if (proposer == null) {
                    throw new EchomaskException(dataset + ": examples lack proposal masks and the proposer config they "
                            + "were made with is unknown; run `echomask masks propose` on it first");
                }
                DatasetMasks.propose(dataset, proposer, threads, progress);
            }
            default -> throw new EchomaskException(dataset + ": examples lack " + kind + " masks, which only a person "
                    + "(or synthetic ground truth) can provide");
        }
    }
}
