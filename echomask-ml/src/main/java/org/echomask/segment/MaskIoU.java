package org.echomask.segment;

import java.util.List;
import org.echomask.train.ValidationMetric;

/**
 * Pooled intersection over union of the signal class: predicted foreground probability at or above
 * 0.5 against the binary target, intersections and unions summed over all examples (so empty
 * masks neither help nor break the score). NaN when neither prediction nor truth has any signal.
 */
public record MaskIoU() implements ValidationMetric {

    @Override
    public String name() {
        return "iou";
    }

    @Override
    public double score(List<float[]> scores, List<float[]> targets) {
        long inter = 0;
        long union = 0;
        for (int i = 0; i < scores.size(); i++) {
            float[] p = scores.get(i);
            float[] t = targets.get(i);
            for (int j = 0; j < p.length; j++) {
                boolean a = p[j] >= 0.5f;
                boolean b = t[j] >= 0.5f;
                if (a && b) {
                    inter++;
                }
                if (a || b) {
                    union++;
                }
            }
        }
        return union == 0 ? Double.NaN : (double) inter / union;
    }
}
