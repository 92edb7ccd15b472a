package org.echomask.metrics;

import java.util.Arrays;
import org.echomask.EchomaskException;

/**
 * Scores of yes/no decisions against the truth, as scikit-learn computes them with
 * zero_division=0: a ratio whose denominator is 0 is 0, never NaN, so a label that is neither true
 * nor predicted anywhere scores F1 0 and pulls a macro average down.
 */
public final class DecisionMetrics {
    private DecisionMetrics() {}

    /** Counts of one label: true positives, false positives, false negatives. */
    public record Counts(long tp, long fp, long fn) {
        public double precision() {
            return ratio(tp, tp + fp);
        }

        public double recall() {
            return ratio(tp, tp + fn);
        }

        /** 2TP / (2TP + FP + FN), the harmonic mean of precision and recall without their roundings. */
        public double f1() {
            return ratio(2 * tp, 2 * tp + fp + fn);
        }

        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }
    }

    /** Per-label counts over the rows selected by {@code rows} (null: all rows). */
    public static Counts[] counts(boolean[][] truth, boolean[][] predicted, boolean[] rows) {
        checkShape(truth, predicted);
        int k = truth[0].length;
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        for (int i = 0; i < truth.length; i++) {
            if (rows != null && !rows[i]) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                if (truth[i][j] && predicted[i][j]) {
                    tp[j]++;
                } else if (predicted[i][j]) {
                    fp[j]++;
                } else if (truth[i][j]) {
                    fn[j]++;
                }
            }
        }
        Counts[] out = new Counts[k];
        for (int j = 0; j < k; j++) {
            out[j] = new Counts(tp[j], fp[j], fn[j]);
        }
        return out;
    }

    /** Unweighted mean of the per-label F1 over all labels (sklearn average="macro"). */
    public static double macroF1(Counts[] perLabel) {
        double sum = 0;
        for (Counts c : perLabel) {
            sum += c.f1();
        }
        return sum / perLabel.length;
    }

    /** F1 of the pooled counts (sklearn average="micro"). */
    public static double microF1(Counts[] perLabel) {
        Counts total = new Counts(0, 0, 0);
        for (Counts c : perLabel) {
            total = total.plus(c);
        }
        return total.f1();
    }

    /** Fraction of the selected rows (null: all) whose whole label vector is right (sklearn accuracy_score). */
    public static double jointAccuracy(boolean[][] truth, boolean[][] predicted, boolean[] rows) {
        checkShape(truth, predicted);
        int n = 0;
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            if (rows == null || rows[i]) {
                n++;
                if (Arrays.equals(truth[i], predicted[i])) {
                    right++;
                }
            }
        }
        return ratio(right, n);
    }

    /**
     * sklearn hamming_loss: multilabel, the fraction of the N*K decisions that are wrong;
     * multiclass (one power-set class per example), the fraction of examples whose class is wrong,
     * i.e. 1 - joint accuracy.
     */
    public static double hammingLoss(EvaluationTask task, boolean[][] truth, boolean[][] predicted) {
        checkShape(truth, predicted);
        long wrong = 0;
        for (int i = 0; i < truth.length; i++) {
            if (task == EvaluationTask.MULTICLASS) {
                wrong += Arrays.equals(truth[i], predicted[i]) ? 0 : 1;
                continue;
            }
            for (int j = 0; j < truth[i].length; j++) {
                if (truth[i][j] != predicted[i][j]) {
                    wrong++;
                }
            }
        }
        // wrong / decisions rather than 1 - accuracy: the same rounding as sklearn's mean
        long decisions = task == EvaluationTask.MULTICLASS ? truth.length : (long) truth.length * truth[0].length;
        return (double) wrong / decisions;
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static void checkShape(boolean[][] truth, boolean[][] predicted) {
        if (truth.length == 0 || truth.length != predicted.length || truth[0].length != predicted[0].length) {
            throw new EchomaskException("decision metric: truth is " + truth.length + " rows, predictions "
                    + predicted.length + " rows (need the same non-zero number of rows and labels)");
        }
    }
}
