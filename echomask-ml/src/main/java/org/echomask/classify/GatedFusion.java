package org.echomask.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Gated residual fusion: z = z_s + g * f(z_m), g = sigmoid(W [z_s; z_m]), f linear. The gate
 * learns, per example and per dimension, how much mask information to add to the spectrogram
 * embedding (SPEC section 1 step 5). Input: spectrogram tokens (N, Ls, D), mask tokens (N, Lm, D);
 * output (N, D).
 */
final class GatedFusion extends AbstractBlock implements Fusion {
    private final Linear gate;
    private final Linear transform;

    GatedFusion(int dim) {
        gate = addChildBlock("gate", Linear.builder().setUnits(dim).build());
        transform = addChildBlock("transform", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray zs = Tokens.pool(inputs.get(0));
        NDArray zm = Tokens.pool(inputs.get(1));
        NDArray g = gate.forward(ps, new NDList(NDArrays.concat(new NDList(zs, zm), 1)), training)
                .singletonOrThrow();
        g = ai.djl.nn.Activation.sigmoid(g);
        NDArray f = transform.forward(ps, new NDList(zm), training).singletonOrThrow();
        return new NDList(zs.add(g.mul(f)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), inputs[0].get(2))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        long n = inputs[0].get(0);
        long d = inputs[0].get(2);
        gate.initialize(manager, dataType, new Shape(n, 2 * d));
        transform.initialize(manager, dataType, new Shape(n, d));
    }
}
