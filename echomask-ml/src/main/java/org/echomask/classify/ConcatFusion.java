package org.echomask.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Concatenation fusion: z = z_s + MLP([z_s; z_m]) on the pooled embeddings. The MLP sees both
 * branches; the added z_s is the residual path that keeps the spectrogram evidence intact.
 * Input: spectrogram tokens (N, Ls, D), mask tokens (N, Lm, D); output (N, D).
 */
final class ConcatFusion extends AbstractBlock implements Fusion {
    private final SequentialBlock mlp;

    ConcatFusion(int dim) {
        mlp = addChildBlock("mlp", new SequentialBlock()
                .add(Linear.builder().setUnits(dim).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(dim).build()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray zs = Tokens.pool(inputs.get(0));
        NDArray zm = Tokens.pool(inputs.get(1));
        NDArray mixed = mlp.forward(ps, new NDList(NDArrays.concat(new NDList(zs, zm), 1)), training).singletonOrThrow();
        return new NDList(zs.add(mixed));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), inputs[0].get(2))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        mlp.initialize(manager, dataType, new Shape(inputs[0].get(0), 2 * inputs[0].get(2)));
    }
}
