package org.echomask.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Cross-attention fusion: spectrogram tokens are the queries, mask tokens the keys and values
 * (multi-head); the attended mask information is added back to the spectrogram tokens, followed
 * by a pre-norm MLP, and the tokens are mean-pooled to the embedding. Learned position embeddings
 * on both token sets let a query find the mask evidence at its own time-frequency position; the
 * additions are the residual path from the spectrogram encoder. Input: spectrogram tokens
 * (N, Ls, D), mask tokens (N, Lm, D); output (N, D).
 */
final class CrossAttentionFusion extends AbstractBlock implements Fusion {
    private final int dim;
    private final int heads;
    private final LayerNorm queryNorm;
    private final LayerNorm keyValueNorm;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;
    private final LayerNorm mlpNorm;
    private final SequentialBlock mlp;
    private final Parameter queryPosition;
    private final Parameter keyPosition;

    CrossAttentionFusion(int dim, int heads) {
        if (heads < 1 || dim % heads != 0) {
            throw new IllegalArgumentException("latent dimension " + dim + " must be a multiple of the heads " + heads);
        }
        this.dim = dim;
        this.heads = heads;
        queryNorm = addChildBlock("query_norm", LayerNorm.builder().axis(2).build());
        keyValueNorm = addChildBlock("key_value_norm", LayerNorm.builder().axis(2).build());
        query = addChildBlock("query", Linear.builder().setUnits(dim).build());
        key = addChildBlock("key", Linear.builder().setUnits(dim).build());
        value = addChildBlock("value", Linear.builder().setUnits(dim).build());
        output = addChildBlock("output", Linear.builder().setUnits(dim).build());
        mlpNorm = addChildBlock("mlp_norm", LayerNorm.builder().axis(2).build());
        mlp = addChildBlock("mlp", new SequentialBlock()
                .add(Linear.builder().setUnits(2L * dim).build())
                .add(Activation::gelu)
                .add(Linear.builder().setUnits(dim).build()));
        queryPosition = addParameter(Parameter.builder().setName("query_position").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).build());
        keyPosition = addParameter(Parameter.builder().setName("key_position").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray spec = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray qIn = queryNorm.forward(ps, new NDList(spec), training).singletonOrThrow()
                .add(ps.getValue(queryPosition, spec.getDevice(), training));
        NDArray kvNormed = keyValueNorm.forward(ps, new NDList(mask), training).singletonOrThrow();
        NDArray kIn = kvNormed.add(ps.getValue(keyPosition, mask.getDevice(), training));
        NDArray q = heads(query.forward(ps, new NDList(qIn), training).singletonOrThrow());
        NDArray k = heads(key.forward(ps, new NDList(kIn), training).singletonOrThrow());
        NDArray v = heads(value.forward(ps, new NDList(kvNormed), training).singletonOrThrow());
        NDArray attention = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt((double) dim / heads)).softmax(-1);
        NDArray attended = merge(attention.matMul(v));
        NDArray tokens = spec.add(output.forward(ps, new NDList(attended), training).singletonOrThrow());
        NDArray normed = mlpNorm.forward(ps, new NDList(tokens), training).singletonOrThrow();
        tokens = tokens.add(mlp.forward(ps, new NDList(normed), training).singletonOrThrow());
        return new NDList(Tokens.pool(tokens));
    }

    /** (N, L, D) to (N, heads, L, D / heads). */
    private NDArray heads(NDArray x) {
        Shape s = x.getShape();
        return x.reshape(s.get(0), s.get(1), heads, dim / heads).transpose(0, 2, 1, 3);
    }

    /** (N, heads, L, D / heads) to (N, L, D). */
    private NDArray merge(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), dim);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), dim)};
    }

    @Override
    protected void prepare(Shape[] inputs) {
        queryPosition.setShape(new Shape(1, inputs[0].get(1), dim));
        keyPosition.setShape(new Shape(1, inputs[1].get(1), dim));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        Shape spec = inputs[0];
        Shape mask = inputs[1];
        queryNorm.initialize(manager, dataType, spec);
        keyValueNorm.initialize(manager, dataType, mask);
        query.initialize(manager, dataType, spec);
        key.initialize(manager, dataType, mask);
        value.initialize(manager, dataType, mask);
        output.initialize(manager, dataType, spec);
        mlpNorm.initialize(manager, dataType, spec);
        mlp.initialize(manager, dataType, spec);
    }
}
