package org.echomask.classify;

import java.util.List;

/**
 * Class weights from training targets, for imbalanced data. Multilabel: PyTorch-style positive
 * weights negatives/positives per label; multiclass: inverse frequency N / (C * n_c) per
 * combination. Both clipped to [0.1, 10] so a label seen twice cannot swamp the loss; a label
 * or combination never seen gets 1 (it contributes nothing anyway).
 */
public final class ClassWeights {
    static final float MIN = 0.1f;
    static final float MAX = 10f;

    private ClassWeights() {}

    public static float[] balanced(Task task, List<float[]> targets) {
        int k = targets.get(0).length;
        double[] positives = new double[k];
        for (float[] t : targets) {
            for (int j = 0; j < k; j++) {
                positives[j] += t[j];
            }
        }
        int n = targets.size();
        float[] w = new float[k];
        for (int j = 0; j < k; j++) {
            double raw;
            if (positives[j] == 0) {
                raw = 1;
            } else if (task == Task.MULTILABEL) {
                raw = (n - positives[j]) / positives[j];
            } else {
                raw = n / (k * positives[j]);
            }
            w[j] = (float) Math.max(MIN, Math.min(MAX, raw));
        }
        return w;
    }
}
