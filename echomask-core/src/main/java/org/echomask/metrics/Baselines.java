package org.echomask.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.echomask.EchomaskException;

/**
 * Trivial baselines every results table carries (the idea of Tribuo's and sklearn's
 * DummyClassifier): what a model scores without looking at the audio. Both return
 * {@link ScoredExamples} over the given test truth so they go through the same {@link Evaluator}.
 * Their probabilities are the training label prior, the same for every example, so their AUC is
 * exactly 0.5 and their AP the test prevalence: the floor a ranking must beat.
 */
public final class Baselines {
    private Baselines() {}

    /**
     * Predicts for every test example the most frequent label combination of the training truth
     * (ties: the first in PowerSet order, i.e. by power-set index with label i as bit i).
     */
    public static ScoredExamples majorityCombination(List<String> labels, boolean[][] trainTruth, List<String> testIds,
            boolean[][] testTruth) {
        double[] prior = prior(labels, trainTruth);
        Map<String, Integer> frequency = new HashMap<>();
        boolean[] best = null;
        int bestCount = 0;
        for (boolean[] row : trainTruth) {
            int count = frequency.merge(Arrays.toString(row), 1, Integer::sum);
            if (count > bestCount || (count == bestCount && LabelCombinations.compare(row, best) < 0)) {
                best = row;
                bestCount = count;
            }
        }
        boolean[][] predicted = new boolean[testTruth.length][];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = best.clone();
        }
        return new ScoredExamples(labels, testIds, testTruth, repeat(prior, testTruth.length), predicted);
    }

    /**
     * "Stratified" in sklearn's DummyClassifier: each label of each test example is drawn
     * independently, true with its training frequency, from a {@link SplittableRandom} seeded with
     * {@code seed} (examples in order, labels in order within an example), so a seed gives the
     * same decisions on every machine.
     */
    public static ScoredExamples labelPrior(List<String> labels, boolean[][] trainTruth, List<String> testIds,
            boolean[][] testTruth, long seed) {
        double[] prior = prior(labels, trainTruth);
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] predicted = new boolean[testTruth.length][labels.size()];
        for (boolean[] row : predicted) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble() < prior[j];
            }
        }
        return new ScoredExamples(labels, testIds, testTruth, repeat(prior, testTruth.length), predicted);
    }

    /** Fraction of training examples with each label. */
    static double[] prior(List<String> labels, boolean[][] trainTruth) {
        if (trainTruth == null || trainTruth.length == 0) {
            throw new EchomaskException("baseline: no training examples to learn the label prior from");
        }
        double[] prior = new double[labels.size()];
        for (int i = 0; i < trainTruth.length; i++) {
            if (trainTruth[i] == null || trainTruth[i].length != labels.size()) {
                throw new EchomaskException("baseline: training example " + i + " has "
                        + (trainTruth[i] == null ? "no row" : trainTruth[i].length + " values") + " for "
                        + labels.size() + " labels");
            }
            for (int j = 0; j < prior.length; j++) {
                prior[j] += trainTruth[i][j] ? 1 : 0;
            }
        }
        for (int j = 0; j < prior.length; j++) {
            prior[j] /= trainTruth.length;
        }
        return prior;
    }

    private static double[][] repeat(double[] row, int n) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = row.clone();
        }
        return out;
    }
}
