package org.echomask.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;

/**
 * ResNet-18/34/50 feature extractors with torchvision's layout (He et al. 2016; v1.5: the stride
 * of a bottleneck sits on its 3×3 conv), no pooling or classifier at the end.
 *
 * <p>Output stride 8 or 16 replaces the stride of the last one or two stages by dilation, as
 * torchvision's {@code replace_stride_with_dilation}: a dilated stage multiplies the running
 * dilation by its stride and its first block still uses the previous dilation. torchvision refuses
 * dilation in basic blocks (ResNet-18/34); here both 3×3 convs of a basic block take it, so the
 * small ResNets can serve DeepLabV3 too.
 *
 * <p>The stem (conv, BN, ReLU, max-pool) and the four stages are the children of one
 * {@code SequentialBlock}; the output of the first stage ({@code layer1}, stride 4) is the
 * backbone's {@link Backbone.LowLevel} tap for the DeepLabV3+ decoder.
 */
final class ResNets {
    private static final int[] STAGE_STRIDES = {1, 2, 2, 2};

    /** One ResNet variant: residual-block kind and blocks per stage. */
    record Layout(boolean bottleneck, int[] blocks) {
        int expansion() {
            return bottleneck ? 4 : 1;
        }
    }

    private ResNets() {}

    static Layout layout(String architecture) {
        return switch (architecture) {
            case "resnet18" -> new Layout(false, new int[] {2, 2, 2, 2});
            case "resnet34" -> new Layout(false, new int[] {3, 4, 6, 3});
            case "resnet50" -> new Layout(true, new int[] {3, 4, 6, 3});
            default -> throw new IllegalArgumentException("not a ResNet: " + architecture);
        };
    }

    static Backbone create(BackboneSpec spec) {
        Layout layout = layout(spec.architecture());
        double w = spec.widthMultiplier();
        int stem = Layers.divisible(64 * w);
        SequentialBlock net = new SequentialBlock()
                .add(Layers.conv(stem, 7, 2, 1, 1, false, Layers.KAIMING_FAN_OUT))
                .add(Layers.batchNorm())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        int inChannels = stem;
        int stride = 4;
        int dilation = 1;
        Backbone.LowLevel lowLevel = null;
        for (int stage = 0; stage < 4; stage++) {
            int planes = Layers.divisible((64 << stage) * w);
            int blockStride = STAGE_STRIDES[stage];
            int previousDilation = dilation;
            if (stride * blockStride > spec.outputStride()) {
                dilation *= blockStride;
                blockStride = 1;
            }
            stride *= blockStride;
            SequentialBlock stageBlock = new SequentialBlock();
            for (int b = 0; b < layout.blocks()[stage]; b++) {
                boolean first = b == 0;
                stageBlock.add(block(layout, inChannels, planes, first ? blockStride : 1,
                        first ? previousDilation : dilation, dilation));
                inChannels = planes * layout.expansion();
            }
            net.add(stageBlock);
            if (stage == 0) {
                lowLevel = new Backbone.LowLevel(net.getChildren().size(), inChannels, stride);
            }
        }
        return new Backbone(net, inChannels, stride, spec.describe(), lowLevel);
    }

    /**
     * One residual block. {@code firstDilation} applies to the first 3×3 conv of a basic block and
     * to the 3×3 conv of a bottleneck; {@code dilation} to the second 3×3 of a basic block.
     */
    private static Block block(Layout layout, int inChannels, int planes, int stride, int firstDilation, int dilation) {
        int out = planes * layout.expansion();
        SequentialBlock main = new SequentialBlock();
        if (layout.bottleneck()) {
            main.add(Layers.conv(planes, 1, 1)).add(Layers.batchNorm()).add(Activation.reluBlock())
                    .add(Layers.conv(planes, 3, stride, firstDilation, 1, false, Layers.KAIMING_FAN_OUT))
                    .add(Layers.batchNorm()).add(Activation.reluBlock())
                    .add(Layers.conv(out, 1, 1)).add(Layers.batchNorm());
        } else {
            main.add(Layers.conv(planes, 3, stride, firstDilation, 1, false, Layers.KAIMING_FAN_OUT))
                    .add(Layers.batchNorm()).add(Activation.reluBlock())
                    .add(Layers.conv(planes, 3, 1, dilation, 1, false, Layers.KAIMING_FAN_OUT))
                    .add(Layers.batchNorm());
        }
        Block shortcut = stride != 1 || inChannels != out
                ? new SequentialBlock().add(Layers.conv(out, 1, stride)).add(Layers.batchNorm())
                : null;
        return new Residual(main, shortcut, true);
    }
}
