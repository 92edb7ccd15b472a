package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.echomask.EchomaskException;

/**
 * Squeeze-and-excitation (Hu et al. 2018) as torchvision's {@code SqueezeExcitation}: global
 * average → 1×1 conv to {@code squeezeChannels} → ReLU → 1×1 conv back → gate → channel-wise
 * rescaling of the input. MobileNetV3 uses the hard-sigmoid gate.
 */
public final class SqueezeExcitation extends AbstractBlock {
    /** The function turning the excitation into per-channel weights in [0, 1]. */
    public enum Gate {
        SIGMOID,
        HARD_SIGMOID
    }

    private final int channels;
    private final int squeezeChannels;
    private final Gate gate;
    private final Conv2d reduce;
    private final Conv2d expand;

    public SqueezeExcitation(int channels, int squeezeChannels, Gate gate) {
        if (channels < 1 || squeezeChannels < 1 || gate == null) {
            throw new EchomaskException("bad squeeze-excitation: " + channels + " channels, squeeze to " + squeezeChannels
                    + ", gate " + gate);
        }
        this.channels = channels;
        this.squeezeChannels = squeezeChannels;
        this.gate = gate;
        reduce = addChildBlock("reduce", Layers.conv(squeezeChannels, 1, 1, 1, 1, true, Layers.KAIMING_FAN_OUT));
        expand = addChildBlock("expand", Layers.conv(channels, 1, 1, 1, 1, true, Layers.KAIMING_FAN_OUT));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray weights;
        try (NDArray pooled = Pooling.globalAverageKeepDims(x);
                NDArray squeezed = reduce.forward(store, new NDList(pooled), training).singletonOrThrow();
                NDArray activated = Activation.relu(squeezed);
                NDArray excited = expand.forward(store, new NDList(activated), training).singletonOrThrow()) {
            weights = gate == Gate.HARD_SIGMOID ? Activations.hardSigmoid(excited) : Activation.sigmoid(excited);
        }
        try (weights) {
            return new NDList(x.mul(weights));
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        if (inputShapes[0].get(1) != channels) {
            throw new EchomaskException("squeeze-excitation built for " + channels + " channels got input " + inputShapes[0]);
        }
        reduce.initialize(manager, dataType, new Shape(n, channels, 1, 1));
        expand.initialize(manager, dataType, new Shape(n, squeezeChannels, 1, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
