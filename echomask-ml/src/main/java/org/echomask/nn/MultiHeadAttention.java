package org.echomask.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import org.echomask.EchomaskException;

/**
 * Multi-head scaled dot-product attention (Vaswani et al. 2017) with input and output
 * projections, as PyTorch's {@code nn.MultiheadAttention} (batch first, no dropout) and with the
 * same number of parameters.
 *
 * <p>Input {@code NDList(query (N, Lq, Dq))} for self-attention, or {@code NDList(query (N, Lq,
 * Dq), keyValue (N, Lk, Dk))} for cross-attention; output {@code (N, Lq, D)} with D the
 * embedding size. The key and value projections are one linear layer over the key/value sequence.
 *
 * <p>With separate projections ({@link #withSeparateKeyValue}) the input is {@code NDList(query,
 * key, value)}, three sequences with their own projections, as PyTorch's module holds
 * {@code q_proj_weight}, {@code k_proj_weight} and {@code v_proj_weight} when keys and values are
 * not the query's embedding: the cross-attention fusion adds position embeddings to its keys but
 * not to its values.
 * DJL's own {@code ScaledDotProductAttentionBlock} also takes separate inputs, but in the order
 * (keys, queries, values), with attention dropout 0.1 by default and flattened projections; this
 * block keeps PyTorch's conventions.
 */
public final class MultiHeadAttention extends AbstractBlock {
    private final int embedDim;
    private final int heads;
    private final Linear query;
    /** Fused key and value projection, or null with separate projections. */
    private final Linear keyValue;
    private final Linear key;
    private final Linear value;
    private final Linear output;

    public MultiHeadAttention(int embedDim, int heads) {
        this(embedDim, heads, false);
    }

    private MultiHeadAttention(int embedDim, int heads, boolean separate) {
        if (embedDim < 1 || heads < 1 || embedDim % heads != 0) {
            throw new EchomaskException("attention embedding size " + embedDim + " must be a positive multiple of the "
                    + heads + " heads");
        }
        this.embedDim = embedDim;
        this.heads = heads;
        query = addChildBlock("query", Layers.linear(embedDim));
        if (separate) {
            keyValue = null;
            key = addChildBlock("key", Layers.linear(embedDim));
            value = addChildBlock("value", Layers.linear(embedDim));
        } else {
            keyValue = addChildBlock("keyValue", Layers.linear(2L * embedDim));
            key = null;
            value = null;
        }
        output = addChildBlock("output", Layers.linear(embedDim));
    }

    /** Attention over {@code NDList(query, key, value)} with a projection of its own for each. */
    public static MultiHeadAttention withSeparateKeyValue(int embedDim, int heads) {
        return new MultiHeadAttention(embedDim, heads, true);
    }

    /**
     * Reads the four projections (query, key, value, output) from a stream in that order, each as
     * a {@code Linear} wrote it: the layout of blocks that held the projections as children of
     * their own, before they were built on this one.
     */
    public void loadProjections(NDManager manager, DataInputStream in) throws IOException, MalformedModelException {
        if (keyValue != null) {
            throw new EchomaskException("only attention with separate key and value projections reads them one by one");
        }
        for (Linear projection : List.of(query, key, value, output)) {
            projection.loadParameters(manager, in);
        }
    }

    public int embedDim() {
        return embedDim;
    }

    public int heads() {
        return heads;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray q = inputs.get(0);
        NDArray kv = inputs.size() > 1 ? inputs.get(1) : q;
        checkInput(q.getShape(), kv.getShape());
        if (keyValue == null) {
            return new NDList(attendSeparately(store, q, kv, inputs.size() > 2 ? inputs.get(2) : kv, training));
        }
        long n = q.getShape().get(0);
        long lq = q.getShape().get(1);
        long lk = kv.getShape().get(1);
        long headDim = embedDim / heads;
        NDArray attended;
        // Queries are scaled before the product (cheaper than scaling the Lq×Lk scores).
        try (NDArray qp = query.forward(store, new NDList(q), training).singletonOrThrow();
                NDArray qh = qp.reshape(n, lq, heads, headDim).transpose(0, 2, 1, 3);
                NDArray qs = qh.mul(1.0f / (float) Math.sqrt(headDim));
                NDArray kvp = keyValue.forward(store, new NDList(kv), training).singletonOrThrow();
                NDArray kvh = kvp.reshape(n, lk, 2, heads, headDim).transpose(2, 0, 3, 1, 4);
                NDArray k = kvh.get(0);
                NDArray v = kvh.get(1);
                NDArray kt = k.transpose(0, 1, 3, 2);
                NDArray scores = qs.matMul(kt);
                NDArray weights = scores.softmax(3);
                NDArray context = weights.matMul(v);
                NDArray merged = context.transpose(0, 2, 1, 3).reshape(n, lq, embedDim)) {
            attended = output.forward(store, new NDList(merged), training).singletonOrThrow();
        }
        return new NDList(attended);
    }

    private NDArray attendSeparately(ParameterStore store, NDArray q, NDArray k, NDArray v, boolean training) {
        checkInput(k.getShape(), v.getShape());
        long n = q.getShape().get(0);
        long lq = q.getShape().get(1);
        long lk = k.getShape().get(1);
        long headDim = embedDim / heads;
        try (NDArray qp = query.forward(store, new NDList(q), training).singletonOrThrow();
                NDArray qh = qp.reshape(n, lq, heads, headDim).transpose(0, 2, 1, 3);
                NDArray qs = qh.mul(1.0f / (float) Math.sqrt(headDim));
                NDArray kp = key.forward(store, new NDList(k), training).singletonOrThrow();
                NDArray kh = kp.reshape(n, lk, heads, headDim).transpose(0, 2, 3, 1);
                NDArray vp = value.forward(store, new NDList(v), training).singletonOrThrow();
                NDArray vh = vp.reshape(n, lk, heads, headDim).transpose(0, 2, 1, 3);
                NDArray scores = qs.matMul(kh);
                NDArray weights = scores.softmax(3);
                NDArray context = weights.matMul(vh);
                NDArray merged = context.transpose(0, 2, 1, 3).reshape(n, lq, embedDim)) {
            return output.forward(store, new NDList(merged), training).singletonOrThrow();
        }
    }

    private static void checkInput(Shape q, Shape kv) {
        if (q.dimension() != 3 || kv.dimension() != 3 || q.get(0) != kv.get(0)) {
            throw new EchomaskException("attention needs query (N, Lq, D) and key/value (N, Lk, D) with the same N, got "
                    + q + " and " + kv);
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape q = inputShapes[0];
        Shape kv = inputShapes.length > 1 ? inputShapes[1] : q;
        checkInput(q, kv);
        query.initialize(manager, dataType, q);
        if (keyValue != null) {
            keyValue.initialize(manager, dataType, kv);
        } else {
            key.initialize(manager, dataType, kv);
            value.initialize(manager, dataType, inputShapes.length > 2 ? inputShapes[2] : kv);
        }
        output.initialize(manager, dataType, new Shape(q.get(0), q.get(1), embedDim));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), q.get(1), embedDim)};
    }
}
