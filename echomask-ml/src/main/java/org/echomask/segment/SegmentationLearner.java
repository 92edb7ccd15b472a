package org.echomask.segment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.echomask.train.Learner;
import org.echomask.train.ValidationMetric;

/**
 * Trains a segmentation network that outputs (N, 2, H, W) logits (background, signal) against the
 * binary target (N, H*W); scores are the signal probabilities (N, H*W) and validation follows the
 * pooled IoU.
 *
 * <p>Losses: {@value #CROSS_ENTROPY}, the pixel-wise cross-entropy averaged over all pixels; or
 * {@value #CE_DICE}, that plus the soft Dice loss of the signal class pooled over the batch,
 * {@code 1 − (2 Σ p·t + 1) / (Σ p + Σ t + 1)}, which weighs the rare signal pixels (1–5 % of a
 * spectrogram) as much as the background.
 */
public final class SegmentationLearner implements Learner {
    /** Pixel-wise cross-entropy. */
    public static final String CROSS_ENTROPY = "ce";
    /** Cross-entropy plus the batch-pooled soft Dice loss of the signal class. */
    public static final String CE_DICE = "ce_dice";

    private final Block block;
    private final int height;
    private final int width;
    private final String loss;

    public SegmentationLearner(Block block, int height, int width) {
        this(block, height, width, CROSS_ENTROPY);
    }

    public SegmentationLearner(Block block, int height, int width, String loss) {
        if (!CROSS_ENTROPY.equals(loss) && !CE_DICE.equals(loss)) {
            throw new org.echomask.EchomaskException("segmentation loss must be '" + CROSS_ENTROPY + "' or '" + CE_DICE
                    + "', got '" + loss + "'");
        }
        this.block = block;
        this.height = height;
        this.width = width;
        this.loss = loss;
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
        NDArray crossEntropy = target.mul(signal).add(target.neg().add(1).mul(background)).mean().neg();
        if (!CE_DICE.equals(loss)) {
            return crossEntropy;
        }
        NDArray p = signal.exp();
        NDArray dice = p.mul(target).sum().mul(2).add(1).div(p.sum().add(target.sum()).add(1));
        return crossEntropy.add(dice.neg().add(1));
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
