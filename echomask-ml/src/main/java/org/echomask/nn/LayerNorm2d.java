package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Layer normalisation over the channels of an {@code (N, C, H, W)} map, independently at every
 * pixel, with a learned per-channel scale (1) and shift (0): torchvision's {@code LayerNorm2d}
 * (used by ConvNeXt), computed the same way (to channels-last, normalise, back).
 */
public final class LayerNorm2d extends AbstractBlock {
    private final float epsilon;
    private final Parameter gamma;
    private final Parameter beta;

    public LayerNorm2d(float epsilon) {
        this.epsilon = epsilon;
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).build());
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape channels = new Shape(inputShapes[0].get(1));
        gamma.setShape(channels);
        beta.setShape(channels);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray g = store.getValue(gamma, x.getDevice(), training);
        NDArray b = store.getValue(beta, x.getDevice(), training);
        Shape shape = new Shape(x.getShape().get(1));
        try (NDArray channelsLast = x.transpose(0, 2, 3, 1);
                NDArray normalised = LayerNorm.layerNorm(channelsLast, shape, g, b, epsilon).singletonOrThrow()) {
            return new NDList(normalised.transpose(0, 3, 1, 2));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
