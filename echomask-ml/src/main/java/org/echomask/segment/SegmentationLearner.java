package org.echomask.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.echomask.train.Learner;
import org.echomask.train.ValidationMetric;

/**
 * Trains a segmentation network that outputs (N, 2, H, W) logits (background, signal) with
 * pixel-wise cross-entropy against the binary target (N, H*W); scores are the signal
 * probabilities (N, H*W) and validation follows the pooled IoU.
 */
public final class SegmentationLearner implements Learner {
    private final Block block;
    private final int height;
    private final int width;

    public SegmentationLearner(Block block, int height, int width) {
        this.block = block;
        this.height = height;
        this.width = width;
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public Shape[] inputShapes() {
        return new Shape[] {new Shape(1, 1, height, width)};
    }

    @Override
    public NDArray loss(NDList predictions, NDArray target) {
        NDArray logProbs = predictions.singletonOrThrow().logSoftmax(1);
        long n = logProbs.getShape().get(0);
        NDArray background = logProbs.get(":, 0, :, :").reshape(n, -1);
        NDArray signal = logProbs.get(":, 1, :, :").reshape(n, -1);
        return target.mul(signal).add(target.neg().add(1).mul(background)).mean().neg();
    }

    @Override
    public NDArray scores(NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        long n = logits.getShape().get(0);
        return logits.softmax(1).get(":, 1, :, :").reshape(n, -1);
    }

    @Override
    public ValidationMetric metric() {
        return new MaskIoU();
    }
}
