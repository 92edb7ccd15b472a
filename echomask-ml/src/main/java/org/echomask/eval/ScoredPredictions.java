package org.echomask.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.echomask.classify.ClassifierModel.Prediction;
import org.echomask.classify.Task;
import org.echomask.label.LabelSet;
import org.echomask.metrics.ScoredExamples;

/**
 * Pure conversions between a classifier's predictions and the metrics' input: apply a decision
 * rule, turn label lists into indicator rows, and pool windows into clips (mean probability per
 * label, as BirdCLEF-style and the Watkins reference score a recording from its windows).
 */
public final class ScoredPredictions {
    private ScoredPredictions() {}

    /** The predictions with labels re-decided by {@code decision} (MODEL returns them unchanged). */
    public static List<Prediction> decide(List<Prediction> predictions, List<String> labels, Decision decision) {
        if (decision == Decision.MODEL) {
            return predictions;
        }
        List<Prediction> out = new ArrayList<>(predictions.size());
        for (Prediction p : predictions) {
            out.add(new Prediction(p.id(), p.trueLabels(), Decision.argmax(labels, p.labelProbabilities()),
                    p.labelProbabilities(), p.scores()));
        }
        return out;
    }

    /** Indicator rows of the truth, per-label probabilities and the decisions. */
    public static ScoredExamples toScored(List<String> labels, List<Prediction> predictions) {
        int n = predictions.size();
        int k = labels.size();
        boolean[][] truth = new boolean[n][];
        boolean[][] predicted = new boolean[n][];
        double[][] probabilities = new double[n][k];
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Prediction p = predictions.get(i);
            ids.add(p.id());
            truth[i] = indicator(labels, p.trueLabels());
            predicted[i] = indicator(labels, p.predicted());
            for (int j = 0; j < k; j++) {
                probabilities[i][j] = p.labelProbabilities()[j];
            }
        }
        return new ScoredExamples(labels, ids, truth, probabilities, predicted);
    }

    public static boolean[] indicator(List<String> labels, List<String> present) {
        boolean[] row = new boolean[labels.size()];
        for (String l : present) {
            int j = labels.indexOf(l);
            if (j < 0) {
                throw new IllegalArgumentException("label '" + l + "' is not one of " + labels);
            }
            row[j] = true;
        }
        return row;
    }

    /**
     * One prediction per recording: the mean of its windows' per-label probabilities, the union of
     * their true labels, and labels decided on the mean (threshold {@code threshold} for
     * multilabel, the most probable label for ARGMAX; a multiclass model's combinations are not
     * averaged, its marginals are). Ids are the recordings, in first-seen order.
     */
    public static List<Prediction> byRecording(List<Prediction> windows, List<String> recordings, List<String> labels,
            Decision decision, double threshold) {
        if (windows.size() != recordings.size()) {
            throw new IllegalArgumentException(windows.size() + " predictions but " + recordings.size() + " recordings");
        }
        Map<String, List<Prediction>> groups = new LinkedHashMap<>();
        for (int i = 0; i < windows.size(); i++) {
            groups.computeIfAbsent(recordings.get(i), r -> new ArrayList<>()).add(windows.get(i));
        }
        List<Prediction> out = new ArrayList<>(groups.size());
        LabelSet set = LabelSet.of(labels);
        for (Map.Entry<String, List<Prediction>> g : groups.entrySet()) {
            float[] mean = new float[labels.size()];
            TreeSet<String> truth = new TreeSet<>();
            for (Prediction p : g.getValue()) {
                truth.addAll(p.trueLabels());
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += p.labelProbabilities()[j] / g.getValue().size();
                }
            }
            List<String> predicted = decision == Decision.ARGMAX ? Decision.argmax(labels, mean)
                    : Task.MULTILABEL.predict(set, mean, threshold);
            out.add(new Prediction(g.getKey(), List.copyOf(truth), predicted, mean, mean));
        }
        return out;
    }
}
