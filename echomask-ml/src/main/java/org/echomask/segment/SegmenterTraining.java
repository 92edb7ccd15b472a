package org.echomask.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.dataset.ExampleSet;
import org.echomask.dataset.MaskSelection;
import org.echomask.io.Json;
import org.echomask.mask.MaskRecipe;
import org.echomask.model.DatasetRef;
import org.echomask.model.ModelPackage;
import org.echomask.model.Provenance;
import org.echomask.nn.SegmenterSpec;
import org.echomask.train.TrainConfig;
import org.echomask.train.Trainer;
import org.echomask.train.TrainingResult;

/**
 * Few-shot training of the segmentation network on a dataset's high-quality masks (SPEC section 1
 * step 3): train-split examples with an HQ mask (at most {@code limit}, drawn with the seed, to
 * match the ~200 masks a person refines), validated and finally scored (IoU, Dice) on the
 * val-split HQ masks. The loss ({@link Job#loss()}, by default {@link #DEFAULT_LOSS}) is recorded
 * in the package's provenance recipe beside the network spec and the trainer settings.
 */
public final class SegmenterTraining {

    /**
     * @param limit largest number of train masks used (0 = all)
     * @param loss {@link SegmentationLearner#CROSS_ENTROPY} or {@link SegmentationLearner#CE_DICE}
     */
    public record Job(Path dataset, SegmenterSpec spec, TrainConfig config, int limit, Path out, boolean resume,
            List<String> command, String loss) {
        /** A job with the default loss, {@link #DEFAULT_LOSS}. */
        public Job(Path dataset, SegmenterSpec spec, TrainConfig config, int limit, Path out, boolean resume,
                List<String> command) {
            this(dataset, spec, config, limit, out, resume, command, DEFAULT_LOSS);
        }
    }

    /**
     * The loss of jobs that do not name one ({@code segment train}, experiments): cross-entropy plus
     * soft Dice, which beat plain cross-entropy by about 0.1 held-out IoU on the low-SNR synthetic
     * data, with either head (docs/results.md, "DeepLabV3+ decoder and Dice loss").
     */
    public static final String DEFAULT_LOSS = SegmentationLearner.CE_DICE;

    /** What a job produced, with the held-out scores of the kept weights. */
    public record Outcome(Path model, TrainingResult result, int trainMasks, int valMasks, SegmenterEvaluation.Scores heldOut,
            List<float[]> valProbabilities) {}

    private SegmenterTraining() {}

    public static Path runDir(Path out) {
        return out.toAbsolutePath().resolveSibling(out.getFileName() + ".run");
    }

    public static Outcome run(Job job, Progress progress) {
        DatasetRef data = DatasetRef.open(job.dataset());
        int threads = Math.max(1, job.config().loaderThreads());
        // Choose from the manifest alone: only the chosen examples' arrays and masks are read.
        List<String> candidates = DatasetManifest.read(job.dataset().resolve(DatasetManifest.FILE_NAME)).stream()
                .filter(e -> e.hasHqMask() && e.split().equals("train")).map(DatasetEntry::id).toList();
        Set<String> chosen = choose(candidates, job.limit(), job.config().seed());
        ExampleSet train = ExampleSet.load(job.dataset(), e -> chosen.contains(e.id()), MaskSelection.binary(MaskRecipe.HQ), threads, progress);
        ExampleSet val = ExampleSet.load(job.dataset(), e -> e.hasHqMask() && e.split().equals("val"),
                MaskSelection.binary(MaskRecipe.HQ), threads, progress);
        if (train.size() < 2 || val.size() < 1) {
            throw new EchomaskException(job.dataset() + ": segmentation needs HQ masks on at least 2 train and 1 val examples,"
                    + " found " + train.size() + " and " + val.size() + " (make them with echomask annotate)");
        }
        var block = org.echomask.nn.DeepLabV3.create(job.spec());
        SegmentationLearner learner = new SegmentationLearner(block, train.height(), train.width(), job.loss());
        TrainingResult result = new Trainer().train(learner, new SegmentationBatches(train), new SegmentationBatches(val),
                job.config(), runDir(job.out()), progress, job.resume());
        List<float[]> probabilities = org.echomask.train.Predictor.of(job.config()).scores(learner,
                new SegmentationBatches(val), progress);
        SegmenterEvaluation.Scores heldOut = SegmenterEvaluation.score(val, probabilities, 0.5);

        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("segmenter", job.spec());
        recipe.put("train", job.config());
        recipe.put("limit", job.limit());
        recipe.put("loss", job.loss());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_iou_pooled", result.bestScore());
        metrics.put("val_iou_mean", heldOut.meanIou());
        metrics.put("val_dice_mean", heldOut.meanDice());
        Provenance provenance = Provenance.now(job.command(), job.dataset().toAbsolutePath().toString(),
                data.manifestSha256(), Map.of("train", train.size(), "val", val.size()), Json.toMap(recipe),
                job.config().seed(), result.seconds(), result.examplesPerSecond(), result.bestEpoch(), metrics,
                result.history().stream().map(r -> (Map<String, Object>) Json.toMap(r)).toList());
        Path run = runDir(job.out());
        ModelPackage.save(job.out(), SegmenterCard.of(job.spec(), data.info().transform(), train.height(), train.width()),
                provenance, block, null, List.of(run.resolve("metrics.csv"), run.resolve("metrics.json")).stream()
                        .filter(Files::isRegularFile).toList());
        return new Outcome(job.out(), result, train.size(), val.size(), heldOut, probabilities);
    }

    /** At most {@code limit} ids, a seeded random choice, in their original order. */
    static Set<String> choose(List<String> ids, int limit, long seed) {
        if (limit <= 0 || ids.size() <= limit) {
            return Set.copyOf(ids);
        }
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, limit).stream().collect(Collectors.toUnmodifiableSet());
    }
}
