package org.echomask.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.List;

/**
 * A small CNN for {@link SquareData}: conv, BatchNorm (running statistics to checkpoint), ReLU,
 * max-pool, dropout (randomness inside the network) and a linear layer to two logits. Loss is
 * softmax cross-entropy against one-hot targets; scores are probabilities; the metric accuracy.
 */
class TinyLearner implements Learner {
    private final Block block;
    private final ValidationMetric metric;

    TinyLearner() {
        this(ACCURACY);
    }

    TinyLearner(ValidationMetric metric) {
        this.metric = metric;
        this.block = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(2).build());
    }

    static final ValidationMetric ACCURACY = new ValidationMetric() {
        @Override
        public String name() {
            return "accuracy";
        }

        @Override
        public double score(List<float[]> scores, List<float[]> targets) {
            int correct = 0;
            for (int i = 0; i < scores.size(); i++) {
                correct += argMax(scores.get(i)) == argMax(targets.get(i)) ? 1 : 0;
            }
            return (double) correct / scores.size();
        }
    };

    static int argMax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public Shape[] inputShapes() {
        return new Shape[] {new Shape(1, 1, SquareData.SIDE, SquareData.SIDE)};
    }

    @Override
    public NDArray loss(NDList predictions, NDArray target) {
        return predictions.singletonOrThrow().logSoftmax(1).mul(target).sum(new int[] {1}).mean().neg();
    }

    @Override
    public NDArray scores(NDList predictions) {
        return predictions.singletonOrThrow().softmax(1);
    }

    @Override
    public ValidationMetric metric() {
        return metric;
    }
}
