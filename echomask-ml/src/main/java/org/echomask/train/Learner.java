package org.echomask.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * What the trainer trains: a network, its loss and how validation is scored. Implemented by the
 * classifier and segmentation recipes; the trainer knows nothing about spectrograms or masks.
 */
public interface Learner {

    /** The network; the trainer initialises it with {@link #inputShapes} and owns its parameters. */
    Block block();

    /** Shapes of the block's inputs for a batch of one, in {@link HostBatch#inputs()} order. */
    Shape[] inputShapes();

    /** Scalar training loss of a batch: {@code predictions} is the block's output in training mode. */
    NDArray loss(NDList predictions, NDArray target);

    /**
     * Per-example outputs for scoring, computed from the block's output in inference mode
     * (e.g. probabilities), shape {@code (N, ...)}.
     */
    NDArray scores(NDList predictions);

    /** The validation metric early stopping and checkpoints follow. */
    ValidationMetric metric();
}
