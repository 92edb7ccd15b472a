package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.echomask.EchomaskException;

/**
 * Multi-head scaled dot-product attention (Vaswani et al. 2017) with input and output
 * projections, as PyTorch's {@code nn.MultiheadAttention} (batch first, no dropout) and with the
 * same number of parameters.
 *
 * <p>Input {@code NDList(query (N, Lq, Dq))} for self-attention, or {@code NDList(query (N, Lq,
 * Dq), keyValue (N, Lk, Dk))} for cross-attention; output {@code (N, Lq, D)} with D the
 * embedding size. The key and value projections are one linear layer over the key/value sequence.
 * DJL's own {@code ScaledDotProductAttentionBlock} also takes separate inputs, but in the order
 * (keys, queries, values), with attention dropout 0.1 by default and flattened projections; this
 * block keeps PyTorch's conventions.
 */
public final class MultiHeadAttention extends AbstractBlock {
    private final int embedDim;
    private final int heads;
    private final Linear query;
    private final Linear keyValue;
    private final Linear output;

    public MultiHeadAttention(int embedDim, int heads) {
        if (embedDim < 1 || heads < 1 || embedDim % heads != 0) {
            throw new EchomaskException("attention embedding size " + embedDim + " must be a positive multiple of the "
                    + heads + " heads");
        }
        this.embedDim = embedDim;
        this.heads = heads;
        query = addChildBlock("query", Layers.linear(embedDim));
        keyValue = addChildBlock("keyValue", Layers.linear(2L * embedDim));
        output = addChildBlock("output", Layers.linear(embedDim));
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
        keyValue.initialize(manager, dataType, kv);
        output.initialize(manager, dataType, new Shape(q.get(0), q.get(1), embedDim));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape q = inputShapes[0];
        return new Shape[] {new Shape(q.get(0), q.get(1), embedDim)};
    }
}
