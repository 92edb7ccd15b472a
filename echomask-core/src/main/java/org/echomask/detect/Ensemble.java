package org.echomask.detect;

import java.util.List;

/** Combines several models' per-label probabilities. */
public final class Ensemble {
    private Ensemble() {}

    /**
     * Weighted mean {@code Σ wₘ pₘ / Σ wₘ} of the models' probability rows (one row per model, same
     * label order). Weights must be finite, >= 0 and not all 0.
     */
    public static float[] weightedMean(List<float[]> rows, double[] weights) {
        if (rows.isEmpty() || rows.size() != weights.length) {
            throw new IllegalArgumentException(rows.size() + " probability rows for " + weights.length + " weights");
        }
        checkWeights(weights);
        int k = rows.get(0).length;
        double total = 0;
        double[] sum = new double[k];
        for (int m = 0; m < rows.size(); m++) {
            float[] r = rows.get(m);
            if (r.length != k) {
                throw new IllegalArgumentException("model " + m + " gives " + r.length + " probabilities, model 0 gives " + k);
            }
            total += weights[m];
            for (int j = 0; j < k; j++) {
                sum[j] += weights[m] * r[j];
            }
        }
        float[] out = new float[k];
        for (int j = 0; j < k; j++) {
            out[j] = (float) (sum[j] / total);
        }
        return out;
    }

    /** Refuses negative, non-finite or all-zero weights. */
    public static void checkWeights(double[] weights) {
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("ensemble weights must be finite and >= 0, got " + w);
            }
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("ensemble weights must not all be 0");
        }
    }
}
