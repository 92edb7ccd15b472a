package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code main(x) + shortcut(x)} (identity shortcut when none is given), optionally followed by a
 * ReLU: the skip connection of ResNet, MobileNetV3, ConvNeXt and transformer layers.
 */
final class Residual extends AbstractBlock {
    private final Block main;
    private final Block shortcut;
    private final boolean reluAfter;

    Residual(Block main, Block shortcut, boolean reluAfter) {
        this.main = addChildBlock("main", main);
        this.shortcut = shortcut == null ? null : addChildBlock("shortcut", shortcut);
        this.reluAfter = reluAfter;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray sum;
        try (NDArray y = main.forward(store, inputs, training, params).singletonOrThrow()) {
            if (shortcut == null) {
                sum = y.add(x);
            } else {
                try (NDArray s = shortcut.forward(store, inputs, training, params).singletonOrThrow()) {
                    sum = y.add(s);
                }
            }
        }
        if (!reluAfter) {
            return new NDList(sum);
        }
        try (sum) {
            return new NDList(Activation.relu(sum));
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        main.initialize(manager, dataType, inputShapes);
        if (shortcut != null) {
            shortcut.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return main.getOutputShapes(inputShapes);
    }
}
