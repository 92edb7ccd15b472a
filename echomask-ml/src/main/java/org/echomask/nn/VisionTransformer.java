package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.echomask.EchomaskException;

/**
 * A vision transformer (Dosovitskiy et al. 2021) ending in a feature map: patch embedding (a
 * {@code patch×patch} conv with stride {@code patch}), a class token (plus a distillation token
 * for DeiT, Touvron et al. 2021), a learned position embedding for every token, pre-norm encoder
 * layers (LayerNorm → multi-head self-attention → residual; LayerNorm → MLP with GELU → residual)
 * and a final LayerNorm. The extra tokens are then dropped and the patch tokens laid back out as
 * an {@code (N, D, H/patch, W/patch)} map.
 *
 * <p>The position embedding is created for the input size given at initialisation; other sizes
 * are rejected (no interpolation of learned positions). Initialisation as DeiT/timm: tokens,
 * position embedding and linears truncated normal σ 0.02; the patch conv as torchvision (truncated
 * normal, σ = sqrt(1 / fan-in)); LayerNorm ε 1e-6; no dropout.
 */
final class VisionTransformer extends AbstractBlock {
    private static final float LN_EPSILON = 1e-6f;

    private final int patch;
    private final int dim;
    private final int extraTokens;
    private final Conv2d patchEmbedding;
    private final SequentialBlock encoder;
    private final LayerNorm norm;
    private final List<Parameter> tokens = new ArrayList<>();
    private final Parameter positions;

    /**
     * @param inChannels input channels (for the patch conv's initialisation scale)
     * @param patch patch size = output stride
     * @param dim embedding size
     * @param depth encoder layers
     * @param heads attention heads
     * @param mlpDim hidden size of the MLPs
     * @param distillationToken add DeiT's distillation token after the class token
     */
    VisionTransformer(int inChannels, int patch, int dim, int depth, int heads, int mlpDim, boolean distillationToken) {
        this.patch = patch;
        this.dim = dim;
        float patchStd = (float) Math.sqrt(1.0 / ((double) inChannels * patch * patch));
        patchEmbedding = addChildBlock("patchEmbedding",
                Layers.conv(dim, patch, patch, 1, 1, true, new TruncatedNormalInitializer(patchStd)));
        tokens.add(addParameter(token("classToken")));
        if (distillationToken) {
            tokens.add(addParameter(token("distillationToken")));
        }
        extraTokens = tokens.size();
        positions = addParameter(Parameter.builder()
                .setName("positionEmbedding")
                .setType(Parameter.Type.WEIGHT)
                .optInitializer(Layers.TRUNCATED_NORMAL)
                .build());
        encoder = addChildBlock("encoder", new SequentialBlock());
        for (int i = 0; i < depth; i++) {
            encoder.add(encoderLayer(dim, heads, mlpDim));
        }
        norm = addChildBlock("norm", LayerNorm.builder().axis(2).optEpsilon(LN_EPSILON).build());
    }

    private Parameter token(String name) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, 1, dim))
                .optInitializer(Layers.TRUNCATED_NORMAL)
                .build();
    }

    private static Block encoderLayer(int dim, int heads, int mlpDim) {
        Block attention = new SequentialBlock()
                .add(LayerNorm.builder().axis(2).optEpsilon(LN_EPSILON).build())
                .add(new MultiHeadAttention(dim, heads));
        Block mlp = new SequentialBlock()
                .add(LayerNorm.builder().axis(2).optEpsilon(LN_EPSILON).build())
                .add(Layers.linear(mlpDim))
                .add(Activation.geluBlock())
                .add(Layers.linear(dim));
        return new SequentialBlock().add(new Residual(attention, null, false)).add(new Residual(mlp, null, false));
    }

    private long sequenceLength(Shape input) {
        return extraTokens + (input.get(2) / patch) * (input.get(3) / patch);
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        if (input.get(2) % patch != 0 || input.get(3) % patch != 0) {
            throw new EchomaskException("vision transformer with " + patch + "-pixel patches needs height and width "
                    + "divisible by " + patch + ", got input " + input);
        }
        positions.setShape(new Shape(1, sequenceLength(input), dim));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray pos = store.getValue(positions, x.getDevice(), training);
        if (x.getShape().get(2) % patch != 0 || x.getShape().get(3) % patch != 0
                || pos.getShape().get(1) != sequenceLength(x.getShape())) {
            throw new EchomaskException("vision transformer was initialised for " + (pos.getShape().get(1) - extraTokens)
                    + " patches of " + patch + " pixels; input " + x.getShape() + " does not match");
        }
        long n = x.getShape().get(0);
        long gridH = x.getShape().get(2) / patch;
        long gridW = x.getShape().get(3) / patch;
        NDArray encoded;
        try (NDArray patches = patchEmbedding.forward(store, inputs, training).singletonOrThrow();
                NDArray flat = patches.reshape(n, dim, gridH * gridW);
                NDArray patchTokens = flat.transpose(0, 2, 1)) {
            NDList sequence = new NDList();
            for (Parameter token : tokens) {
                NDArray expanded = store.getValue(token, x.getDevice(), training).broadcast(n, 1, dim);
                // An op's result joins its first operand's manager. Left with the parameter's (long-lived)
                // manager, the token would pull the concatenation and every activation of the encoder out
                // of the per-batch scope, and training would leak all of them (24 GB in six epochs).
                expanded.attach(x.getManager());
                sequence.add(expanded);
            }
            sequence.add(patchTokens);
            try (NDArray joined = NDArrays.concat(sequence, 1); NDArray placed = joined.add(pos)) {
                NDArray layers = encoder.forward(store, new NDList(placed), training).singletonOrThrow();
                try (layers) {
                    encoded = norm.forward(store, new NDList(layers), training).singletonOrThrow();
                }
            }
        }
        try (encoded; NDArray patchPart = encoded.get(new NDIndex(":, {}:", extraTokens))) {
            return new NDList(patchPart.transpose(0, 2, 1).reshape(n, dim, gridH, gridW));
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape input = inputShapes[0];
        patchEmbedding.initialize(manager, dataType, input);
        Shape sequence = new Shape(input.get(0), sequenceLength(input), dim);
        encoder.initialize(manager, dataType, sequence);
        norm.initialize(manager, dataType, sequence);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        return new Shape[] {new Shape(input.get(0), dim, input.get(2) / patch, input.get(3) / patch)};
    }
}
