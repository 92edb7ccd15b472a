package org.echomask.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scores a set of {@link ScoredExamples} the way scikit-learn 1.x does with zero_division=0
 * (precision/recall/F1 per class, macro over all K labels, micro over pooled counts, exact-match
 * accuracy, Hamming loss per {@link EvaluationTask}), plus AUC/AP per class, the confusion over
 * label combinations, class-frequency groups and per-polyphony scores. Pure: same input, same result.
 */
public final class Evaluator {
    private Evaluator() {}

    /** Frequency groups by the test support (use the four-argument form to group by training counts). */
    public static Evaluation evaluate(String name, ScoredExamples examples, EvaluationConfig config) {
        return evaluate(name, examples, config, null);
    }

    /**
     * @param classCounts counts that define the frequency groups (e.g. train positives per label);
     *     when null the test support is used
     */
    public static Evaluation evaluate(String name, ScoredExamples examples, EvaluationConfig config,
            Map<String, Integer> classCounts) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(config, "config");
        List<String> labels = examples.labels();
        boolean[][] truth = examples.truth();
        boolean[][] predicted = examples.predicted();
        double[][] probabilities = examples.probabilities();
        int k = labels.size();

        DecisionMetrics.Counts[] counts = DecisionMetrics.counts(truth, predicted, null);
        Map<String, ClassMetrics> perClass = new LinkedHashMap<>();
        Map<String, Integer> support = new LinkedHashMap<>();
        List<Double> aucs = new ArrayList<>();
        List<Double> aps = new ArrayList<>();
        double precisionSum = 0;
        double recallSum = 0;
        for (int j = 0; j < k; j++) {
            boolean[] column = column(truth, j);
            double[] scores = column(probabilities, j);
            double auc = RankingMetrics.rocAuc(column, scores);
            double ap = RankingMetrics.averagePrecision(column, scores);
            DecisionMetrics.Counts c = counts[j];
            perClass.put(labels.get(j), new ClassMetrics(c.precision(), c.recall(), c.f1(), (int) (c.tp() + c.fn()),
                    (int) (c.tp() + c.fp()), auc, ap));
            support.put(labels.get(j), (int) (c.tp() + c.fn()));
            aucs.add(auc);
            aps.add(ap);
            precisionSum += c.precision();
            recallSum += c.recall();
        }
        Map<String, GroupMetrics> groups = FrequencyGroups.of(labels, perClass, config,
                classCounts == null ? support : classCounts);
        return new Evaluation(name, truth.length, labels, config.task().id(),
                DecisionMetrics.jointAccuracy(truth, predicted, null), DecisionMetrics.macroF1(counts),
                DecisionMetrics.microF1(counts), precisionSum / k, recallSum / k,
                DecisionMetrics.hammingLoss(config.task(), truth, predicted), meanOfDefined(aucs), meanOfDefined(aps),
                perClass, ConfusionMatrix.of(labels, truth, predicted), groups, polyphony(truth, predicted));
    }

    /** One entry per number of true labels that occurs, ascending. */
    static List<PolyphonyMetrics> polyphony(boolean[][] truth, boolean[][] predicted) {
        Map<Integer, boolean[]> rowsByLevel = new TreeMap<>();
        for (int i = 0; i < truth.length; i++) {
            rowsByLevel.computeIfAbsent(LabelCombinations.count(truth[i]), l -> new boolean[truth.length])[i] = true;
        }
        List<PolyphonyMetrics> out = new ArrayList<>();
        rowsByLevel.forEach((level, rows) -> {
            int n = 0;
            for (boolean r : rows) {
                n += r ? 1 : 0;
            }
            out.add(new PolyphonyMetrics(level, n, DecisionMetrics.jointAccuracy(truth, predicted, rows),
                    DecisionMetrics.macroF1(DecisionMetrics.counts(truth, predicted, rows))));
        });
        return out;
    }

    /** Mean over the defined (non-NaN) values, NaN if none is defined. */
    static double meanOfDefined(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static boolean[] column(boolean[][] m, int j) {
        boolean[] out = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][j];
        }
        return out;
    }

    private static double[] column(double[][] m, int j) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][j];
        }
        return out;
    }
}
