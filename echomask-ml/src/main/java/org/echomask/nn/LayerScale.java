package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * Multiplies a channels-last tensor by a learned per-channel factor that starts tiny (ConvNeXt's
 * layer scale, 1e-6): each residual block begins close to the identity, which keeps deep stacks
 * stable from scratch.
 */
final class LayerScale extends AbstractBlock {
    private final Parameter scale;

    LayerScale(int channels, float initialValue) {
        scale = addParameter(Parameter.builder()
                .setName("scale")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(channels))
                .optInitializer(new ConstantInitializer(initialValue))
                .build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(x.mul(store.getValue(scale, x.getDevice(), training)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
