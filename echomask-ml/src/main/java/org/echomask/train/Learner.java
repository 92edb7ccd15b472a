package org.echomask.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * What the trainer trains: a network, its loss and how validation is scored. Implemented by the
 * classifier and segmentation recipes; the trainer knows nothing about spectrograms or masks.
 */
public interface Learner {

    /** The network; the trainer initialises it with {@link #inputShapes} and owns its parameters. */
    Block block();

    /** Shapes of the block's inputs for a batch of one, in {@link HostBatch#inputs()} order. */
    Shape[] inputShapes();

    /** Scalar loss of a batch: {@code predictions} is the block's output (training or inference mode). */
    NDArray loss(NDList predictions, NDArray target);

    /**
     * The whole training loss of one step, from the batch's inputs: by default the block's forward
     * pass in training mode, then {@link #loss}. A learner that needs more than that (mixing inputs,
     * tokens or embeddings between the network's stages, several forward passes) overrides this and
     * keeps the trainer unchanged; its random choices come from {@code step.random()}, so they replay
     * after a resume. Validation still scores {@link #loss} of a plain forward pass.
     *
     * @param store the trainer's parameter store (pass it to every forward call)
     * @param inputs the batch's inputs, in {@link HostBatch#inputs()} order
     * @param target the batch's target
     * @param step position of the step in the run, and its random stream
     */
    default NDArray trainingLoss(ParameterStore store, NDList inputs, NDArray target, TrainingStep step) {
        return loss(block().forward(store, inputs, true), target);
    }

    /**
     * Per-example outputs for scoring, computed from the block's output in inference mode
     * (e.g. probabilities), shape {@code (N, ...)}.
     */
    NDArray scores(NDList predictions);

    /** The validation metric early stopping and checkpoints follow. */
    ValidationMetric metric();
}
