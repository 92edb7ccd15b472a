package org.echomask.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.List;

/**
 * MobileNetV3-Large and -Small feature extractors (Howard et al. 2019) with torchvision's layout:
 * 3×3/2 stem with hard-swish, inverted residual blocks (1×1 expansion → k×k depthwise → optional
 * squeeze-excitation with hard-sigmoid gate → 1×1 projection, identity shortcut when shape allows)
 * and the final 1×1 conv to 6× the last block's width (960 / 576) with hard-swish; the classifier
 * is left out. BatchNorm ε is torchvision's 0.001, momentum PyTorch's default 0.1 (torchvision
 * uses 0.01, which suits ImageNet-length training, not a few hundred few-shot steps).
 *
 * <p>Output stride 8 or 16: blocks whose stride would exceed it get stride 1 and multiply the
 * dilation of their own and all later depthwise convs by that stride; at 16 this equals
 * torchvision's {@code dilated=True}.
 *
 * <p>The output of the last block at stride 4 is the backbone's {@link Backbone.LowLevel} tap for
 * the DeepLabV3+ decoder.
 */
final class MobileNetV3 {
    private static final float BN_EPSILON = 1e-3f;
    /** Stride of the low-level tap: the last block at stride 4 (Large: after the 3rd block, Small: the 1st). */
    private static final int LOW_LEVEL_STRIDE = 4;

    /** One inverted-residual row of the layout table, channels before width scaling. */
    record Row(int kernel, int expanded, int out, boolean squeeze, boolean hardSwish, int stride) {}

    static final List<Row> LARGE = List.of(
            new Row(3, 16, 16, false, false, 1),
            new Row(3, 64, 24, false, false, 2),
            new Row(3, 72, 24, false, false, 1),
            new Row(5, 72, 40, true, false, 2),
            new Row(5, 120, 40, true, false, 1),
            new Row(5, 120, 40, true, false, 1),
            new Row(3, 240, 80, false, true, 2),
            new Row(3, 200, 80, false, true, 1),
            new Row(3, 184, 80, false, true, 1),
            new Row(3, 184, 80, false, true, 1),
            new Row(3, 480, 112, true, true, 1),
            new Row(3, 672, 112, true, true, 1),
            new Row(5, 672, 160, true, true, 2),
            new Row(5, 960, 160, true, true, 1),
            new Row(5, 960, 160, true, true, 1));

    static final List<Row> SMALL = List.of(
            new Row(3, 16, 16, true, false, 2),
            new Row(3, 72, 24, false, false, 2),
            new Row(3, 88, 24, false, false, 1),
            new Row(5, 96, 40, true, true, 2),
            new Row(5, 240, 40, true, true, 1),
            new Row(5, 240, 40, true, true, 1),
            new Row(5, 120, 48, true, true, 1),
            new Row(5, 144, 48, true, true, 1),
            new Row(5, 288, 96, true, true, 2),
            new Row(5, 576, 96, true, true, 1),
            new Row(5, 576, 96, true, true, 1));

    private MobileNetV3() {}

    static Backbone create(BackboneSpec spec, List<Row> rows) {
        double w = spec.widthMultiplier();
        int channels = Layers.divisible(16 * w);
        SequentialBlock net = new SequentialBlock()
                .add(Layers.convBnAct(channels, 3, 2, 1, 1, BN_EPSILON, Activations.hardSwishBlock()));
        int stride = 2;
        int dilation = 1;
        Backbone.LowLevel lowLevel = null;
        for (Row row : rows) {
            int blockStride = row.stride();
            if (stride * blockStride > spec.outputStride()) {
                dilation *= blockStride;
                blockStride = 1;
            }
            stride *= blockStride;
            int out = Layers.divisible(row.out() * w);
            net.add(invertedResidual(row, channels, Layers.divisible(row.expanded() * w), out, blockStride, dilation));
            channels = out;
            if (stride == LOW_LEVEL_STRIDE) {
                lowLevel = new Backbone.LowLevel(net.getChildren().size(), channels, stride);
            }
        }
        int last = 6 * channels;
        net.add(Layers.convBnAct(last, 1, 1, 1, 1, BN_EPSILON, Activations.hardSwishBlock()));
        return new Backbone(net, last, stride, spec.describe(), lowLevel);
    }

    private static Block invertedResidual(Row row, int in, int expanded, int out, int stride, int dilation) {
        SequentialBlock main = new SequentialBlock();
        if (expanded != in) {
            main.add(Layers.convBnAct(expanded, 1, 1, 1, 1, BN_EPSILON, activation(row)));
        }
        main.add(Layers.convBnAct(expanded, row.kernel(), stride, dilation, expanded, BN_EPSILON, activation(row)));
        if (row.squeeze()) {
            main.add(new SqueezeExcitation(expanded, Layers.divisible(expanded / 4), SqueezeExcitation.Gate.HARD_SIGMOID));
        }
        main.add(Layers.convBnAct(out, 1, 1, 1, 1, BN_EPSILON, null));
        return stride == 1 && in == out ? new Residual(main, null, false) : main;
    }

    private static Block activation(Row row) {
        return row.hardSwish() ? Activations.hardSwishBlock() : Activation.reluBlock();
    }
}
