package org.echomask.metrics;

import java.util.Arrays;
import org.echomask.EchomaskException;

/**
 * Threshold-free scores of one label from its truth and scores, equal to scikit-learn's. Both walk
 * the distinct score values from the highest down, treating a group of tied scores as one
 * threshold (sklearn's {@code _binary_clf_curve}), so no tie is ever split by input order.
 */
public final class RankingMetrics {
    private RankingMetrics() {}

    /**
     * ROC-AUC with ties counted as half (= average ranks, the Mann-Whitney U statistic; = sklearn
     * {@code roc_auc_score}, whose trapezoids over the tie groups give the same area). NaN if there
     * are no positives or no negatives (sklearn raises).
     */
    public static double rocAuc(boolean[] truth, double[] scores) {
        Groups g = Groups.of(truth, scores);
        if (g.positives == 0 || g.negatives == 0) {
            return Double.NaN;
        }
        // Integer sums so the only rounding is the final division: each negative earns 2 per
        // positive ranked above it and 1 per positive tied with it.
        long twiceU = 0;
        long positivesAbove = 0;
        for (int i = 0; i < g.size; i++) {
            twiceU += (long) g.negativesIn[i] * (2 * positivesAbove + g.positivesIn[i]);
            positivesAbove += g.positivesIn[i];
        }
        return twiceU / (2.0 * g.positives * g.negatives);
    }

    /**
     * Average precision = sklearn {@code average_precision_score}: sum over the distinct thresholds,
     * highest first, of (recall gained at the threshold) * (precision at the threshold); step-wise,
     * no interpolation. NaN without positives (sklearn warns and returns 0).
     */
    public static double averagePrecision(boolean[] truth, double[] scores) {
        Groups g = Groups.of(truth, scores);
        if (g.positives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < g.size; i++) {
            tp += g.positivesIn[i];
            fp += g.negativesIn[i];
            if (g.positivesIn[i] > 0) {
                sum += (double) g.positivesIn[i] / g.positives * ((double) tp / (tp + fp));
            }
        }
        return sum;
    }

    /** Positives and negatives per distinct score, highest score first. */
    private record Groups(int size, int[] positivesIn, int[] negativesIn, long positives, long negatives) {
        static Groups of(boolean[] truth, double[] scores) {
            if (truth.length != scores.length) {
                throw new EchomaskException("ranking metric: " + truth.length + " truth values for "
                        + scores.length + " scores");
            }
            int n = truth.length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(scores[i])) {
                    throw new EchomaskException("ranking metric: score " + i + " is " + scores[i] + " (must be finite)");
                }
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(scores[b] + 0.0, scores[a] + 0.0));
            int[] pos = new int[n];
            int[] neg = new int[n];
            int size = 0;
            long positives = 0;
            for (int j = 0; j < n; j++) {
                int i = order[j];
                // + 0.0 folds -0.0 into 0.0: they are the same threshold
                if (j == 0 || scores[i] + 0.0 != scores[order[j - 1]] + 0.0) {
                    size++;
                }
                if (truth[i]) {
                    pos[size - 1]++;
                    positives++;
                } else {
                    neg[size - 1]++;
                }
            }
            return new Groups(size, pos, neg, positives, n - positives);
        }
    }
}
