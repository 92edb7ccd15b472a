package org.echomask.classify;

import ai.djl.ndarray.NDArray;

/**
 * Classification losses as pure functions of logits and targets, numerically stable, with
 * optional per-output weights (null = unweighted).
 */
public final class Losses {
    private Losses() {}

    /**
     * Mean binary cross-entropy with logits; {@code positiveWeights} (K) multiplies the positive
     * term of each label like PyTorch's {@code pos_weight}.
     * Uses l = (1 - t) x + (1 + (p - 1) t) (log(1 + exp(-|x|)) + max(-x, 0)).
     */
    public static NDArray binaryCrossEntropy(NDArray logits, NDArray targets, NDArray positiveWeights) {
        NDArray softplusNeg = logits.abs().neg().exp().add(1).log().add(logits.neg().maximum(0));
        NDArray scale = positiveWeights == null ? null : targets.mul(positiveWeights.sub(1)).add(1);
        NDArray perElement = targets.neg().add(1).mul(logits).add(scale == null ? softplusNeg : scale.mul(softplusNeg));
        return perElement.mean();
    }

    /**
     * Softmax cross-entropy of logits (N, C) against one-hot targets (N, C); with {@code classWeights}
     * (C), the weighted mean over examples as PyTorch's {@code CrossEntropyLoss(weight=...)}.
     */
    public static NDArray crossEntropy(NDArray logits, NDArray oneHot, NDArray classWeights) {
        NDArray logProbs = logits.logSoftmax(1);
        NDArray weighted = classWeights == null ? oneHot : oneHot.mul(classWeights);
        NDArray perExample = weighted.mul(logProbs).sum(new int[] {1}).neg();
        if (classWeights == null) {
            return perExample.mean();
        }
        return perExample.sum().div(weighted.sum());
    }
}
