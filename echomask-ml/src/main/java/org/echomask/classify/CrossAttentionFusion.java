package org.echomask.classify;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import org.echomask.nn.MultiHeadAttention;

/**
 * Cross-attention fusion: spectrogram tokens are the queries, mask tokens the keys and values
 * (multi-head); the attended mask information is added back to the spectrogram tokens, followed
 * by a pre-norm MLP, and the tokens are mean-pooled to the embedding. Learned position embeddings
 * on both token sets let a query find the mask evidence at its own time-frequency position (the
 * keys carry them, the values do not); the additions are the residual path from the spectrogram
 * encoder. The attention is {@link MultiHeadAttention} with separate key and value projections.
 * Input: spectrogram tokens (N, Ls, D), mask tokens (N, Lm, D); output (N, D).
 *
 * <p>Saved layout version {@value #VERSION}. Version 1 (packages written before the attention was
 * built on {@code MultiHeadAttention}) held the four projections as children of this block, in
 * the order query, key, value, output; {@link #loadParameters} reads them into the attention's
 * projections, so old packages load and compute the same up to float rounding (the queries are now
 * scaled before the product instead of the scores after it).
 */
final class CrossAttentionFusion extends AbstractBlock implements Fusion {
    /** The saved layout: 2 = attention as one child block. */
    static final byte VERSION = 2;
    private static final byte SEPARATE_PROJECTIONS = 1;

    private final int dim;
    private final LayerNorm queryNorm;
    private final LayerNorm keyValueNorm;
    private final MultiHeadAttention attention;
    private final LayerNorm mlpNorm;
    private final SequentialBlock mlp;
    private final Parameter queryPosition;
    private final Parameter keyPosition;

    CrossAttentionFusion(int dim, int heads) {
        super(VERSION);
        if (heads < 1 || dim % heads != 0) {
            throw new IllegalArgumentException("latent dimension " + dim + " must be a multiple of the heads " + heads);
        }
        this.dim = dim;
        queryNorm = addChildBlock("query_norm", LayerNorm.builder().axis(2).build());
        keyValueNorm = addChildBlock("key_value_norm", LayerNorm.builder().axis(2).build());
        attention = addChildBlock("attention", MultiHeadAttention.withSeparateKeyValue(dim, heads));
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
        NDArray attended = attention.forward(ps, new NDList(qIn, kIn, kvNormed), training).singletonOrThrow();
        NDArray tokens = spec.add(attended);
        NDArray normed = mlpNorm.forward(ps, new NDList(tokens), training).singletonOrThrow();
        tokens = tokens.add(mlp.forward(ps, new NDList(normed), training).singletonOrThrow());
        return new NDList(Tokens.pool(tokens));
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
        attention.initialize(manager, dataType, spec, mask, mask);
        mlpNorm.initialize(manager, dataType, spec);
        mlp.initialize(manager, dataType, spec);
    }

    /** Reads layout {@value #VERSION}, or layout 1 with the projections as direct children (see the class comment). */
    @Override
    public void loadParameters(NDManager manager, DataInputStream in) throws IOException, MalformedModelException {
        byte loadVersion = in.readByte();
        loadMetadata(loadVersion, in);
        for (Parameter parameter : getDirectParameters().values()) {
            parameter.load(manager, in);
        }
        if (loadVersion == VERSION) {
            for (Block child : getChildren().values()) {
                child.loadParameters(manager, in);
            }
            return;
        }
        queryNorm.loadParameters(manager, in);
        keyValueNorm.loadParameters(manager, in);
        attention.loadProjections(manager, in);
        mlpNorm.loadParameters(manager, in);
        mlp.loadParameters(manager, in);
    }

    @Override
    protected void loadMetadata(byte loadVersion, DataInputStream in) throws IOException, MalformedModelException {
        if (loadVersion != VERSION && loadVersion != SEPARATE_PROJECTIONS) {
            throw new MalformedModelException("cross-attention fusion: unknown saved layout " + loadVersion);
        }
        readInputShapes(in);
    }
}
