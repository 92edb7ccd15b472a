package org.echomask.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.dataset.ExampleSet;
import org.echomask.dataset.InputRecipe;
import org.echomask.io.Json;
import org.echomask.mask.MaskRecipe;
import org.echomask.model.DatasetRef;
import org.echomask.model.ModelPackage;
import org.echomask.model.Provenance;
import org.echomask.segment.SegmenterCard;
import org.echomask.train.TrainConfig;
import org.echomask.train.Trainer;
import org.echomask.train.TrainingResult;

/**
 * Trains a classifier on a dataset directory and writes its model package: loads the train and
 * val examples (with the masks the spec asks for), builds the network, trains it with the shared
 * {@link Trainer} (checkpoints in {@code <out>.run/}) and saves weights, card and provenance.
 */
public final class ClassifierTraining {

    /**
     * One training job.
     *
     * @param dataset dataset directory
     * @param spec the classifier; its labels and input size must match the dataset
     * @param config trainer settings
     * @param balancedClassWeights weight the loss by inverse class frequency
     * @param out model package to write (directory, or .zip)
     * @param resume continue from the checkpoint in {@code <out>.run/}
     * @param command command-line arguments for the provenance
     */
    public record Job(Path dataset, ClassifierSpec spec, TrainConfig config, boolean balancedClassWeights, Path out,
            boolean resume, List<String> command) {}

    /** What a finished job produced. */
    public record Outcome(Path model, TrainingResult result, int trainExamples, int valExamples, List<float[]> valScores) {}

    private ClassifierTraining() {}

    /** The run directory beside a package: checkpoints and per-epoch metrics. */
    public static Path runDir(Path out) {
        return out.toAbsolutePath().resolveSibling(out.getFileName() + ".run");
    }

    public static Outcome run(Job job, Progress progress) {
        DatasetRef data = DatasetRef.open(job.dataset());
        ClassifierSpec spec = job.spec();
        data.requireLabels(spec.labels());
        // Decided before training, so a dataset that cannot say how its inputs were made fails at once.
        InputRecipe input = InputRecipe.of(job.dataset(), spec.maskKind(), spec.maskSource(), spec.softSigma());
        int threads = Math.max(1, job.config().loaderThreads());
        ExampleSet train = ExampleSet.load(job.dataset(), e -> e.split().equals("train"), spec.maskSelection(), threads, progress);
        ExampleSet val = ExampleSet.load(job.dataset(), e -> e.split().equals("val"), spec.maskSelection(), threads, progress);
        if (train.size() < 2 || val.size() < 1) {
            throw new EchomaskException(job.dataset() + ": need at least 2 train and 1 val examples, found "
                    + train.size() + " and " + val.size());
        }
        if (train.height() != spec.inputHeight() || train.width() != spec.inputWidth()) {
            throw new EchomaskException(job.dataset() + ": arrays are " + train.height() + "x" + train.width()
                    + " but the classifier expects " + spec.inputHeight() + "x" + spec.inputWidth());
        }
        ClassificationBatches trainBatches = new ClassificationBatches(train, spec.maskInput().used(), spec.task(),
                spec.labelSet(), spec.augment());
        // Validation batches are never augmented: the trainer asks for them with augment off.
        ClassificationBatches valBatches = new ClassificationBatches(val, spec.maskInput().used(), spec.task(),
                spec.labelSet(), spec.augment());
        float[] weights = null;
        if (job.balancedClassWeights()) {
            List<float[]> targets = new ArrayList<>();
            for (int i = 0; i < trainBatches.size(); i++) {
                targets.add(trainBatches.target(i));
            }
            weights = ClassWeights.balanced(spec.task(), targets);
        }
        MaskGuidedClassifier block = spec.build();
        ClassifierLearner learner = new ClassifierLearner(block, spec.task(), spec.labelSet(), 1, spec.inputHeight(),
                spec.inputWidth(), weights, spec.loss());
        Path runDir = runDir(job.out());
        TrainingResult result = new Trainer().train(learner, trainBatches, valBatches, job.config(), runDir, progress,
                job.resume());

        List<float[]> valScores = org.echomask.train.Predictor.of(job.config()).scores(learner, valBatches, progress);
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("classifier", spec);
        recipe.put("train", job.config());
        recipe.put("balanced_class_weights", job.balancedClassWeights());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("val_" + learner.metric().name(), result.bestScore());
        Provenance provenance = Provenance.now(job.command(), job.dataset().toAbsolutePath().toString(),
                data.manifestSha256(), Map.of("train", train.size(), "val", val.size()), Json.toMap(recipe),
                job.config().seed(), result.seconds(), result.examplesPerSecond(), result.bestEpoch(), metrics,
                result.history().stream().map(r -> (Map<String, Object>) Json.toMap(r)).toList());
        // A classifier on generated masks carries the segmenter that made them, so analysis can make them too.
        // (Opened and closed here: a zipped segmenter's temporary copy lives only while it is copied in.)
        ModelPackage.Opened<SegmenterCard> segmenter = spec.maskSource().equals(MaskRecipe.GENERATED)
                ? data.generatedMaskSegmenter().map(p -> ModelPackage.open(p, SegmenterCard.class, SegmenterCard.KIND))
                        .orElse(null)
                : null;
        try {
            ModelPackage.save(job.out(), ClassifierCard.of(spec, data.info().transform(), input), provenance, block,
                    segmenter == null ? null : segmenter.dir(), List.of(runDir.resolve("metrics.csv"),
                            runDir.resolve("metrics.json")).stream().filter(Files::isRegularFile).toList());
        } finally {
            if (segmenter != null) {
                segmenter.close();
            }
        }
        return new Outcome(job.out(), result, train.size(), val.size(), valScores);
    }
}
