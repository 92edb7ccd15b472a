package org.echomask.classify;

import ai.djl.ndarray.NDArray;
import java.util.Set;

/**
 * The classification losses: pure functions of logits and targets, numerically stable, with
 * optional per-output weights (null = unweighted), and their registry. The task picks the default
 * ({@link #forTask}): BCE for multilabel, cross-entropy over the power set for multiclass.
 */
public final class Losses {
    /** Mean binary cross-entropy with logits, {@link #binaryCrossEntropy}. */
    public static final String BCE = "bce";
    /** Softmax cross-entropy, {@link #crossEntropy}. */
    public static final String CE = "ce";

    /** A loss that is one of the static formulas below. */
    private record Formula(String name, Function function) implements ClassificationLoss {
        @Override
        public NDArray compute(NDArray logits, NDArray targets, NDArray weights) {
            return function.apply(logits, targets, weights);
        }
    }

    @FunctionalInterface
    private interface Function {
        NDArray apply(NDArray logits, NDArray targets, NDArray weights);
    }

    private static final Registry<ClassificationLoss> REGISTRY = Registry.<ClassificationLoss>of("loss")
            .with(BCE, new Formula(BCE, Losses::binaryCrossEntropy))
            .with(CE, new Formula(CE, Losses::crossEntropy));

    private Losses() {}

    /** The loss called {@code name}; unknown names are refused listing the known ones. */
    public static ClassificationLoss named(String name) {
        return REGISTRY.get(name);
    }

    /** The loss a task trains with unless another is named: {@value #BCE} or {@value #CE}. */
    public static ClassificationLoss forTask(Task task) {
        return named(task == Task.MULTILABEL ? BCE : CE);
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }

    /**
     * Mean binary cross-entropy with logits; {@code positiveWeights} (K) multiplies the positive
     * term of each label like PyTorch's {@code pos_weight}.
     * Uses l = (1 - t) x + (1 + (p - 1) t) (log(1 + exp(-|x|)) + max(-x, 0)), which is
     * -[p t log σ(x) + (1 - t) log(1 - σ(x))] for any t in [0, 1], soft targets included.
     */
    public static NDArray binaryCrossEntropy(NDArray logits, NDArray targets, NDArray positiveWeights) {
        NDArray softplusNeg = logits.abs().neg().exp().add(1).log().add(logits.neg().maximum(0));
        NDArray scale = positiveWeights == null ? null : targets.mul(positiveWeights.sub(1)).add(1);
        NDArray perElement = targets.neg().add(1).mul(logits).add(scale == null ? softplusNeg : scale.mul(softplusNeg));
        return perElement.mean();
    }

    /**
     * Softmax cross-entropy of logits (N, C) against one-hot (or soft, rows summing to 1) targets
     * (N, C); with {@code classWeights} (C), the weighted mean over examples as PyTorch's
     * {@code CrossEntropyLoss(weight=...)}.
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
