package org.echomask.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * The classifier's last stage: embeddings (N, D) to logits (N, outputs). A block whose parameters
 * live under the classifier's {@code head} child, created by name through {@link Heads}; the
 * sigmoid or softmax belongs to the task, not the head.
 */
public interface Head extends Block {

    /** Builds an untrained head; the registry's entries. */
    @FunctionalInterface
    interface Factory {
        Head create(int outputs);
    }

    /** Logits (N, outputs). */
    default NDArray logits(ParameterStore ps, NDArray embedding, boolean training) {
        return forward(ps, new NDList(embedding), training).singletonOrThrow();
    }
}
