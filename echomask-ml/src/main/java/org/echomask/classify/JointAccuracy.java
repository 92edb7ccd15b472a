package org.echomask.classify;

import java.util.List;
import org.echomask.label.LabelSet;
import org.echomask.train.ValidationMetric;

/**
 * Exact-match accuracy of the whole label vector (the MGC paper's joint accuracy): multilabel
 * scores are thresholded per label, multiclass scores take the most probable combination.
 */
public record JointAccuracy(Task task, LabelSet labels, double threshold) implements ValidationMetric {

    @Override
    public String name() {
        return "joint_accuracy";
    }

    @Override
    public double score(List<float[]> scores, List<float[]> targets) {
        if (scores.isEmpty()) {
            return Double.NaN;
        }
        int hits = 0;
        for (int i = 0; i < scores.size(); i++) {
            if (task.predict(labels, scores.get(i), threshold).equals(task.predict(labels, targets.get(i), 0.5))) {
                hits++;
            }
        }
        return (double) hits / scores.size();
    }
}
