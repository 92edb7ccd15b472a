package org.echomask.mask;

import java.util.List;

/**
 * Pixel agreement of a predicted mask with a reference mask of the same shape.
 *
 * <p>Zero denominators: every ratio whose denominator is 0 is <b>1 when both masks are empty</b>
 * (nothing to find and nothing proposed is a perfect answer) and 0 otherwise. So empty vs empty
 * scores IoU = Dice = precision = recall = 1; an empty prediction against a non-empty reference
 * scores precision 0 (not "undefined"), and a non-empty prediction against an empty reference
 * scores recall 0.
 */
public final class MaskMetrics {
    private MaskMetrics() {}

    /** Scores of one prediction, or the mean of several. */
    public record Scores(double iou, double dice, double precision, double recall) {}

    public static Scores score(boolean[][] predicted, boolean[][] reference) {
        Masks.requireSameShape(predicted, reference);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int f = 0; f < predicted.length; f++) {
            boolean[] p = predicted[f];
            boolean[] r = reference[f];
            for (int t = 0; t < p.length; t++) {
                if (p[t] && r[t]) {
                    tp++;
                } else if (p[t]) {
                    fp++;
                } else if (r[t]) {
                    fn++;
                }
            }
        }
        boolean bothEmpty = tp + fp + fn == 0;
        return new Scores(ratio(tp, tp + fp + fn, bothEmpty), ratio(2 * tp, 2 * tp + fp + fn, bothEmpty),
                ratio(tp, tp + fp, bothEmpty), ratio(tp, tp + fn, bothEmpty));
    }

    public static double iou(boolean[][] predicted, boolean[][] reference) {
        return score(predicted, reference).iou();
    }

    public static double dice(boolean[][] predicted, boolean[][] reference) {
        return score(predicted, reference).dice();
    }

    public static double precision(boolean[][] predicted, boolean[][] reference) {
        return score(predicted, reference).precision();
    }

    public static double recall(boolean[][] predicted, boolean[][] reference) {
        return score(predicted, reference).recall();
    }

    /** Mean of each score over a non-empty list (every mask weighs the same). */
    public static Scores mean(List<Scores> scores) {
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("mean of no mask scores");
        }
        double iou = 0;
        double dice = 0;
        double p = 0;
        double r = 0;
        for (Scores s : scores) {
            iou += s.iou();
            dice += s.dice();
            p += s.precision();
            r += s.recall();
        }
        int n = scores.size();
        return new Scores(iou / n, dice / n, p / n, r / n);
    }

    private static double ratio(long num, long den, boolean bothEmpty) {
        if (den == 0) {
            return bothEmpty ? 1 : 0;
        }
        return num / (double) den;
    }
}
