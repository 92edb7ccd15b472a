package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.LayerNorm;

/**
 * ConvNeXt-Tiny feature extractor (Liu et al. 2022) with torchvision's layout: a 4×4/4 patchify
 * stem with LayerNorm, four stages of (3, 3, 9, 3) blocks at widths 96·2^i, and between stages
 * LayerNorm + 2×2/2 conv. A block is 7×7 depthwise conv → LayerNorm over channels → linear ×4 →
 * GELU → linear back → layer scale (1e-6) → residual add. The map ends with the LayerNorm2d that
 * opens torchvision's classifier, so the features are normalised like the other backbones'. Inputs
 * whose sides are not multiples of 32 are zero-padded at the bottom and right first.
 * Stochastic depth is left out (from-scratch few-shot training gains nothing from it at this depth).
 */
final class ConvNeXt {
    static final int[] DEPTHS = {3, 3, 9, 3};
    private static final int[] DIMS = {96, 192, 384, 768};
    private static final float LN_EPSILON = 1e-6f;
    private static final int STRIDE = 32;
    private static final float LAYER_SCALE = 1e-6f;

    private ConvNeXt() {}

    /** Widths of the four stages for a width multiplier. */
    static int[] dims(double widthMultiplier) {
        int[] dims = new int[DIMS.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Layers.divisible(DIMS[i] * widthMultiplier);
        }
        return dims;
    }

    static Backbone create(BackboneSpec spec) {
        int[] dims = dims(spec.widthMultiplier());
        int[] depths = depths(spec.depth());
        SequentialBlock net = new SequentialBlock()
                .addSingleton(ConvNeXt::padToMultipleOfStride, "padToMultipleOf32")
                .add(Layers.conv(dims[0], 4, 4, 1, 1, true, Layers.TRUNCATED_NORMAL))
                .add(new LayerNorm2d(LN_EPSILON));
        for (int stage = 0; stage < 4; stage++) {
            for (int b = 0; b < depths[stage]; b++) {
                net.add(block(dims[stage]));
            }
            if (stage < 3) {
                net.add(new LayerNorm2d(LN_EPSILON))
                        .add(Layers.conv(dims[stage + 1], 2, 2, 1, 1, true, Layers.TRUNCATED_NORMAL));
            }
        }
        net.add(new LayerNorm2d(LN_EPSILON));
        return new Backbone(net, dims[3], STRIDE, spec.describe());
    }

    /**
     * Zero-pads the bottom and right so height and width are multiples of 32: the unpadded
     * patchify and downsampling convs would drop the remainder, and the map must be
     * {@code ceil(size / 32)} like the other CNNs'. A no-op for the usual sizes.
     */
    static NDArray padToMultipleOfStride(NDArray x) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        long padH = (STRIDE - h % STRIDE) % STRIDE;
        long padW = (STRIDE - w % STRIDE) % STRIDE;
        if (padH == 0 && padW == 0) {
            return x;
        }
        // PyTorch's pad order: last axis first, (before, after) per axis.
        return x.pad(new Shape(0, padW, 0, padH), 0);
    }

    /**
     * Blocks per stage. {@code depth} 0 is the Tiny layout (3, 3, 9, 3); otherwise the third
     * stage, which holds most blocks, gets {@code depth} blocks and the others one third of it
     * (at least 1), keeping the layout's proportions.
     */
    static int[] depths(int depth) {
        if (depth == 0) {
            return DEPTHS.clone();
        }
        int outer = Math.max(1, depth / 3);
        return new int[] {outer, outer, depth, outer};
    }

    private static Block block(int dim) {
        SequentialBlock main = new SequentialBlock()
                .add(Layers.conv(dim, 7, 1, 1, dim, true, Layers.TRUNCATED_NORMAL))
                .addSingleton(x -> x.transpose(0, 2, 3, 1), "toChannelsLast")
                .add(LayerNorm.builder().axis(3).optEpsilon(LN_EPSILON).build())
                .add(Layers.linear(4L * dim))
                .add(Activation.geluBlock())
                .add(Layers.linear(dim))
                .add(new LayerScale(dim, LAYER_SCALE))
                .addSingleton(x -> x.transpose(0, 3, 1, 2), "toChannelsFirst");
        return new Residual(main, null, false);
    }
}
