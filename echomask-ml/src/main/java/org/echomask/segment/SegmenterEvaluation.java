package org.echomask.segment;

import java.util.ArrayList;
import java.util.List;
import org.echomask.dataset.ExampleSet;
import org.echomask.mask.MaskMetrics;

/** Scores of predicted masks against the masks loaded with an example set. */
public final class SegmenterEvaluation {
    /** Mean per-example IoU and Dice, and pooled IoU (all pixels together). */
    public record Scores(double meanIou, double meanDice, double pooledIou, int examples) {}

    private SegmenterEvaluation() {}

    public static Scores score(ExampleSet reference, List<float[]> probabilities, double threshold) {
        List<MaskMetrics.Scores> per = new ArrayList<>();
        long inter = 0;
        long union = 0;
        for (int i = 0; i < reference.size(); i++) {
            boolean[][] truth = toMask(reference.get(i).mask(), reference.height(), reference.width(), 0.5);
            boolean[][] predicted = toMask(probabilities.get(i), reference.height(), reference.width(), threshold);
            per.add(MaskMetrics.score(predicted, truth));
            for (int f = 0; f < truth.length; f++) {
                for (int t = 0; t < truth[0].length; t++) {
                    inter += truth[f][t] && predicted[f][t] ? 1 : 0;
                    union += truth[f][t] || predicted[f][t] ? 1 : 0;
                }
            }
        }
        MaskMetrics.Scores mean = MaskMetrics.mean(per);
        return new Scores(mean.iou(), mean.dice(), union == 0 ? Double.NaN : (double) inter / union, per.size());
    }

    /** A row-major (h, w) probability image thresholded to a {@code [frequency][time]} mask. */
    public static boolean[][] toMask(float[] values, int h, int w, double threshold) {
        boolean[][] m = new boolean[h][w];
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                m[f][t] = values[f * w + t] >= threshold;
            }
        }
        return m;
    }
}
