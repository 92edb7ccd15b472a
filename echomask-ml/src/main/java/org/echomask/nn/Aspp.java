package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Atrous spatial pyramid pooling (DeepLabV3): parallel 1×1, dilated 3×3 and image-pooling
 * branches, concatenated and projected (1×1 conv → BN → ReLU → dropout). Keeps the map size.
 */
final class Aspp extends AbstractBlock {
    private final int channels;
    private final List<Block> convBranches = new ArrayList<>();
    private final ImagePooling pooling;
    private final Block projection;

    Aspp(int channels, List<Integer> rates, float dropout) {
        this.channels = channels;
        convBranches.add(addChildBlock("conv1x1",
                Layers.convBnAct(channels, 1, 1, 1, 1, 1e-5f, Activation.reluBlock())));
        for (int rate : rates) {
            convBranches.add(addChildBlock("atrous" + rate,
                    Layers.convBnAct(channels, 3, 1, rate, 1, 1e-5f, Activation.reluBlock())));
        }
        pooling = addChildBlock("imagePooling", new ImagePooling(channels));
        projection = addChildBlock("projection", new SequentialBlock()
                .add(Layers.convBnAct(channels, 1, 1, 1, 1, 1e-5f, Activation.reluBlock()))
                .add(Dropout.builder().optRate(dropout).build()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList branches = new NDList();
        for (Block branch : convBranches) {
            branches.add(branch.forward(store, inputs, training, params).singletonOrThrow());
        }
        branches.add(pooling.forward(store, inputs, training, params).singletonOrThrow());
        try (NDArray joined = NDArrays.concat(branches, 1)) {
            branches.close();
            return projection.forward(store, new NDList(joined), training, params);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Block branch : convBranches) {
            branch.initialize(manager, dataType, inputShapes);
        }
        pooling.initialize(manager, dataType, inputShapes);
        Shape in = inputShapes[0];
        int branchCount = convBranches.size() + 1;
        projection.initialize(manager, dataType, new Shape(in.get(0), (long) branchCount * channels, in.get(2), in.get(3)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), channels, in.get(2), in.get(3))};
    }

    /**
     * Global average → 1×1 conv → BN → ReLU, spread back over the map (bilinear upsampling of a
     * 1×1 map is a broadcast). BatchNorm sees one value per channel per example here, which it
     * cannot normalise in training with a batch of one; such a batch uses the running statistics
     * instead (inference mode never has the problem).
     */
    private static final class ImagePooling extends AbstractBlock {
        private final Conv2d conv;
        private final BatchNorm norm;

        ImagePooling(int channels) {
            conv = addChildBlock("conv", Layers.conv(channels, 1, 1));
            norm = addChildBlock("norm", Layers.batchNorm());
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray x = inputs.singletonOrThrow();
            Shape shape = x.getShape();
            boolean batchStatistics = training && shape.get(0) > 1;
            try (NDArray pooled = Pooling.globalAverageKeepDims(x);
                    NDArray projected = conv.forward(store, new NDList(pooled), training).singletonOrThrow();
                    NDArray normalised = norm.forward(store, new NDList(projected), batchStatistics).singletonOrThrow();
                    NDArray activated = Activation.relu(normalised)) {
                long channels = activated.getShape().get(1);
                return new NDList(activated.broadcast(shape.get(0), channels, shape.get(2), shape.get(3)));
            }
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape pooled = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), 1, 1);
            conv.initialize(manager, dataType, pooled);
            norm.initialize(manager, dataType, conv.getOutputShapes(new Shape[] {pooled}));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape in = inputShapes[0];
            Shape pooled = conv.getOutputShapes(new Shape[] {new Shape(in.get(0), in.get(1), 1, 1)})[0];
            return new Shape[] {new Shape(in.get(0), pooled.get(1), in.get(2), in.get(3))};
        }
    }
}
