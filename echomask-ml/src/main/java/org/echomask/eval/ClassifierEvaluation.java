package org.echomask.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.classify.ClassifierModel;
import org.echomask.classify.ClassifierModel.Prediction;
import org.echomask.classify.ClassifierSpec;
import org.echomask.classify.PredictionsCsv;
import org.echomask.classify.Task;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.dataset.ExampleSet;
import org.echomask.io.Json;
import org.echomask.metrics.Baselines;
import org.echomask.metrics.Evaluation;
import org.echomask.metrics.EvaluationConfig;
import org.echomask.metrics.EvaluationTask;
import org.echomask.metrics.Evaluator;
import org.echomask.metrics.ScoredExamples;

/**
 * Scores a trained classifier on one split of a dataset and sets the result beside the trivial
 * baselines (majority combination, label prior, both fitted on the same dataset's train split), at
 * window level and, when asked, per recording (mean of window probabilities).
 */
public final class ClassifierEvaluation {
    public static final String METRICS_FILE = "metrics.json";
    public static final String PREDICTIONS_FILE = "predictions.csv";
    public static final String CLIP_PREDICTIONS_FILE = "clip_predictions.csv";
    public static final String MAJORITY = "majority combination (trivial)";
    public static final String PRIOR = "label prior (trivial)";

    /**
     * @param split the split scored (train, val, test), or null for every example
     * @param decision how labels are decided from probabilities
     * @param clipLevel also pool windows per recording
     * @param baselineSeed seed of the label-prior baseline's draws
     */
    public record Settings(String split, Decision decision, boolean clipLevel, int batchSize, int threads, long baselineSeed) {
        public Settings {
            if (batchSize < 1 || threads < 1) {
                throw new EchomaskException("batch size and threads must be >= 1");
            }
            decision = decision == null ? Decision.MODEL : decision;
        }
    }

    /** The scores of one level (windows or clips): the model, then its baselines. */
    public record Level(Evaluation model, List<Evaluation> baselines) {
        public Level {
            baselines = List.copyOf(baselines);
        }
    }

    /**
     * @param transform name of the transform the examples were rendered with
     * @param windows window-level scores
     * @param clips clip-level scores, or null
     */
    public record Report(String name, String dataset, String transform, String split, String decision, Level windows,
            Level clips, @com.fasterxml.jackson.annotation.JsonIgnore List<Prediction> predictions,
            @com.fasterxml.jackson.annotation.JsonIgnore List<Prediction> clipPredictions) {}

    private ClassifierEvaluation() {}

    /** Scores {@code model} on {@code dataset}, whose masks (if the model reads any) must be present. */
    public static Report run(ClassifierModel model, Path dataset, String transformName, Settings s, Progress progress) {
        ClassifierSpec spec = model.spec();
        List<String> labels = spec.labels();
        List<DatasetEntry> all = DatasetManifest.read(dataset.resolve(DatasetManifest.FILE_NAME));
        ExampleSet examples = ExampleSet.load(dataset, e -> s.split() == null || e.split().equals(s.split()),
                spec.maskSelection(), s.threads(), progress);
        if (examples.size() == 0) {
            throw new EchomaskException(dataset + ": no examples" + (s.split() == null ? "" : " in split " + s.split()));
        }
        List<Prediction> predictions = ScoredPredictions.decide(model.predict(examples, s.batchSize(), progress), labels,
                s.decision());
        List<DatasetEntry> train = all.stream().filter(e -> e.split().equals("train")).toList();
        boolean[][] trainTruth = train.stream().map(e -> ScoredPredictions.indicator(labels, e.labels())).toArray(boolean[][]::new);
        Map<String, Integer> trainCounts = new LinkedHashMap<>();
        for (int j = 0; j < labels.size(); j++) {
            int c = 0;
            for (boolean[] row : trainTruth) {
                c += row[j] ? 1 : 0;
            }
            trainCounts.put(labels.get(j), c);
        }
        EvaluationConfig config = EvaluationConfig.relativeTo(
                spec.task() == Task.MULTICLASS ? EvaluationTask.MULTICLASS : EvaluationTask.MULTILABEL, trainCounts);
        String name = spec.describe();
        Level windows = level(name, labels, predictions, trainTruth, config, trainCounts, s.baselineSeed());
        Level clips = null;
        List<Prediction> clipPredictions = null;
        if (s.clipLevel()) {
            List<String> recordings = examples.examples().stream().map(x -> x.entry().recording()).toList();
            clipPredictions = ScoredPredictions.byRecording(predictions, recordings, labels, s.decision(),
                    model.card().threshold());
            clips = level(name, labels, clipPredictions, trainTruth, config, trainCounts, s.baselineSeed());
        }
        return new Report(name, dataset.toString(), transformName, s.split() == null ? "all" : s.split(),
                s.decision().id(), windows, clips, predictions, clipPredictions);
    }

    private static Level level(String name, List<String> labels, List<Prediction> predictions, boolean[][] trainTruth,
            EvaluationConfig config, Map<String, Integer> trainCounts, long seed) {
        ScoredExamples scored = ScoredPredictions.toScored(labels, predictions);
        Evaluation model = Evaluator.evaluate(name, scored, config, trainCounts);
        List<Evaluation> baselines = new ArrayList<>();
        if (trainTruth.length > 0) {
            baselines.add(Evaluator.evaluate(MAJORITY,
                    Baselines.majorityCombination(labels, trainTruth, scored.ids(), scored.truth()), config, trainCounts));
            baselines.add(Evaluator.evaluate(PRIOR,
                    Baselines.labelPrior(labels, trainTruth, scored.ids(), scored.truth(), seed), config, trainCounts));
        }
        return new Level(model, baselines);
    }

    /** Writes metrics.json, predictions.csv and (clip level) clip_predictions.csv into {@code dir}. */
    public static void write(Report report, List<String> labels, Path dir) {
        Json.writeFile(dir.resolve(METRICS_FILE), report);
        PredictionsCsv.write(dir.resolve(PREDICTIONS_FILE), labels, report.predictions());
        if (report.clipPredictions() != null) {
            PredictionsCsv.write(dir.resolve(CLIP_PREDICTIONS_FILE), labels, report.clipPredictions());
        }
    }
}
