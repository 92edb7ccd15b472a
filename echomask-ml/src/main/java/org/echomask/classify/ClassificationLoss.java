package org.echomask.classify;

import ai.djl.ndarray.NDArray;

/**
 * A classifier's training loss, chosen by name through {@link Losses}: logits (N, C) against
 * targets (N, C) to a scalar. Targets are rows of values in [0, 1]: multi-hot or one-hot for
 * plain batches, soft (convex combinations of rows, label smoothing) for mixing strategies, so
 * every implementation must be defined, and should be linear, for soft targets.
 */
public interface ClassificationLoss {

    /** The registry name, e.g. {@value Losses#BCE}. */
    String name();

    /**
     * @param weights one weight per output (C) as {@link ClassWeights#balanced} makes them for the
     *     task, or null for none; what a weight means is the loss's (positive weight for BCE,
     *     class weight for CE)
     */
    NDArray compute(NDArray logits, NDArray targets, NDArray weights);
}
