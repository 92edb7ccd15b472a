package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.List;
import org.echomask.EchomaskException;

/**
 * DeepLabV3 (Chen et al. 2017) and DeepLabV3+ (Chen et al. 2018) for per-pixel logits:
 * {@code (N, C, H, W) → (N, K, H, W)}.
 *
 * <p>The backbone runs at output stride 8 or 16 (its last stages dilated instead of strided). The
 * head is atrous spatial pyramid pooling — a 1×1 conv branch, one 3×3 conv branch per atrous rate,
 * and an image-pooling branch (global average → 1×1 conv → BN → ReLU, spread over the map), every
 * conv branch conv → BN → ReLU — whose concatenation is projected by 1×1 conv → BN → ReLU, then
 * dropout 0.1. Without decoder ({@code decoder = "none"}, DeepLabV3) follow a 3×3 conv → BN → ReLU
 * and a 1×1 conv to K logits at the backbone's stride, bilinearly resized to the input size
 * (align_corners = false). With the DeepLabV3+ decoder ({@code "plus"}) the ASPP output is
 * bilinearly enlarged to the backbone's stride-4 feature map ({@link Backbone.LowLevel}: ResNet
 * {@code layer1}, the last stride-4 block of a MobileNetV3), concatenated with those features
 * projected by 1×1 conv → BN → ReLU to 48 channels scaled by the width (16 at width 0.25), refined
 * by two 3×3 conv → BN → ReLU of the ASPP width, and a 1×1 conv gives the logits at stride 4, then
 * bilinear to the input size. Convs followed by BatchNorm are Kaiming-initialised (fan-out); the
 * final 1×1 conv keeps PyTorch's default U(±1/√fan-in), as in torchvision, so training starts
 * from small logits.
 *
 * <p>Defaults ({@link #defaults()}): 1×128×128 spectrograms, few-shot training on 2 CPU cores.
 * ResNet-18 at width 0.25, output stride 8, ASPP with 64 channels and rates 2, 4, 6, and the
 * DeepLabV3+ decoder. The published rates 12, 24, 36 (at stride 8) were tuned for 513-pixel
 * crops, a 65×65 map; on a 16×16 map a 3×3 kernel dilated by 12 or more has all but its centre tap
 * in the zero padding for most positions, so those branches would degenerate to 1×1 convs. Rates
 * 2, 4, 6 give receptive fields of 5, 9 and 13 map pixels, the same spread relative to the map.
 * The decoder is on because the masks' thin structures (whistle contours 1–2 pixels wide, porpoise
 * clicks one frame wide) cannot be drawn from a 16×16 logit map: on the low-SNR synthetic data it
 * raised the held-out IoU (docs/results.md, "DeepLabV3+ decoder and Dice loss"). Packages saved
 * without a decoder field still load as DeepLabV3.
 */
public final class DeepLabV3 {
    /** Dropout after the ASPP projection. */
    public static final float DROPOUT = 0.1f;
    /** Channels of the DeepLabV3+ low-level projection at width 1 (the paper's 48), scaled by the backbone width. */
    public static final int LOW_LEVEL_CHANNELS = 48;

    private DeepLabV3() {}

    /** The defaults for 1×128×128 input described above (DeepLabV3+), with one foreground logit per pixel. */
    public static SegmenterSpec defaults() {
        BackboneSpec backbone = new BackboneSpec("resnet18", 0.25, 1, 8, 0);
        return new SegmenterSpec(backbone, 1, List.of(2, 4, 6), 64, SegmenterSpec.DECODER_PLUS);
    }

    /** A fresh, uninitialised DeepLabV3 network without decoder (validated through {@link SegmenterSpec}). */
    public static Block create(BackboneSpec backbone, int numClasses, int[] atrousRates, int asppChannels) {
        List<Integer> rates = atrousRates == null ? null : Arrays.stream(atrousRates).boxed().toList();
        return create(new SegmenterSpec(backbone, numClasses, rates, asppChannels));
    }

    /** A fresh, uninitialised DeepLabV3 (or, with the {@code plus} decoder, DeepLabV3+) network for {@code spec}. */
    public static Block create(SegmenterSpec spec) {
        Backbone backbone = Backbones.create(spec.backbone());
        int channels = spec.asppChannels();
        if (spec.plusDecoder()) {
            return plus(spec, backbone);
        }
        SequentialBlock head = new SequentialBlock()
                .add(new Aspp(channels, spec.atrousRates(), DROPOUT))
                .add(Layers.convBnAct(channels, 3, 1, 1, 1, 1e-5f, Activation.reluBlock()))
                .add(Layers.conv(spec.numClasses(), 1, 1, 1, 1, true, Layers.PYTORCH_DEFAULT));
        return new Network(backbone.block(), head);
    }

    private static Block plus(SegmenterSpec spec, Backbone backbone) {
        Backbone.LowLevel tap = backbone.lowLevel();
        if (tap == null || !(backbone.block() instanceof SequentialBlock sequential)) {
            throw new EchomaskException("the DeepLabV3+ decoder needs a stride-4 feature map, which "
                    + spec.backbone().architecture() + " does not offer; use decoder 'none'");
        }
        int channels = spec.asppChannels();
        Block lowLevel = Layers.convBnAct(spec.lowLevelChannels(), 1, 1, 1, 1, 1e-5f, Activation.reluBlock());
        SequentialBlock decoder = new SequentialBlock()
                .add(Layers.convBnAct(channels, 3, 1, 1, 1, 1e-5f, Activation.reluBlock()))
                .add(Layers.convBnAct(channels, 3, 1, 1, 1, 1e-5f, Activation.reluBlock()))
                .add(Layers.conv(spec.numClasses(), 1, 1, 1, 1, true, Layers.PYTORCH_DEFAULT));
        return new PlusNetwork(sequential, tap.children(), new Aspp(channels, spec.atrousRates(), DROPOUT), lowLevel,
                decoder, channels + spec.lowLevelChannels());
    }

    /** Per-pixel logits bilinearly resized to the input's height and width (the smaller map freed). */
    private static NDArray toInputSize(NDArray logits, Shape input) {
        NDArray resized = Upsample.bilinear(logits, input.get(2), input.get(3));
        if (resized != logits) {
            logits.close();
        }
        return resized;
    }

    /** Backbone → head → bilinear resize to the input's height and width. */
    private static final class Network extends AbstractBlock {
        private final Block backbone;
        private final Block head;

        Network(Block backbone, Block head) {
            this.backbone = addChildBlock("backbone", backbone);
            this.head = addChildBlock("head", head);
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            Shape in = inputs.singletonOrThrow().getShape();
            NDArray logits;
            try (NDArray features = backbone.forward(store, inputs, training, params).singletonOrThrow()) {
                logits = head.forward(store, new NDList(features), training, params).singletonOrThrow();
            }
            return new NDList(toInputSize(logits, in));
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            backbone.initialize(manager, dataType, inputShapes);
            head.initialize(manager, dataType, backbone.getOutputShapes(inputShapes));
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape in = inputShapes[0];
            Shape logits = head.getOutputShapes(backbone.getOutputShapes(inputShapes))[0];
            return new Shape[] {new Shape(in.get(0), logits.get(1), in.get(2), in.get(3))};
        }
    }

    /**
     * DeepLabV3+: the backbone's children run one by one so that the output of the first
     * {@code lowLevelChildren} (stride 4) is kept; ASPP on the last output, bilinearly enlarged to
     * the stride-4 map, concatenated with the 1×1-projected low-level features, two 3×3 convs and
     * the 1×1 classifier, then bilinear resize to the input. The backbone is the same block as in
     * {@link Network}, under the same name, so its parameter names do not change.
     */
    private static final class PlusNetwork extends AbstractBlock {
        private final SequentialBlock backbone;
        private final int lowLevelChildren;
        private final Block aspp;
        private final Block lowLevel;
        private final Block decoder;
        private final int decoderInChannels;

        PlusNetwork(SequentialBlock backbone, int lowLevelChildren, Block aspp, Block lowLevel, Block decoder,
                int decoderInChannels) {
            this.backbone = addChildBlock("backbone", backbone);
            this.lowLevelChildren = lowLevelChildren;
            this.aspp = addChildBlock("aspp", aspp);
            this.lowLevel = addChildBlock("lowLevel", lowLevel);
            this.decoder = addChildBlock("decoder", decoder);
            this.decoderInChannels = decoderInChannels;
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            Shape in = inputs.singletonOrThrow().getShape();
            NDArray x = inputs.singletonOrThrow();
            NDArray low = null;
            int index = 0;
            for (Block child : backbone.getChildren().values()) {
                NDArray next = child.forward(store, new NDList(x), training, params).singletonOrThrow();
                if (x != inputs.singletonOrThrow() && x != low) {
                    x.close();
                }
                x = next;
                if (++index == lowLevelChildren) {
                    low = x;
                }
            }
            NDArray logits;
            try (NDArray features = x;
                    NDArray context = aspp.forward(store, new NDList(features), training, params).singletonOrThrow();
                    NDArray skip = low;
                    NDArray projected = lowLevel.forward(store, new NDList(skip), training, params).singletonOrThrow()) {
                Shape lowShape = skip.getShape();
                NDArray enlarged = Upsample.bilinear(context, lowShape.get(2), lowShape.get(3));
                try (NDArray joined = enlarged.concat(projected, 1)) {
                    if (enlarged != context) {
                        enlarged.close();
                    }
                    logits = decoder.forward(store, new NDList(joined), training, params).singletonOrThrow();
                }
            }
            return new NDList(toInputSize(logits, in));
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            backbone.initialize(manager, dataType, inputShapes);
            aspp.initialize(manager, dataType, backbone.getOutputShapes(inputShapes));
            Shape[] lowShapes = lowLevelShapes(inputShapes);
            lowLevel.initialize(manager, dataType, lowShapes);
            Shape low = lowShapes[0];
            decoder.initialize(manager, dataType, new Shape(low.get(0), decoderInChannels, low.get(2), low.get(3)));
        }

        /** Output shapes of the backbone's first {@code lowLevelChildren} children. */
        private Shape[] lowLevelShapes(Shape[] inputShapes) {
            Shape[] shapes = inputShapes;
            int index = 0;
            for (Block child : backbone.getChildren().values()) {
                if (index++ == lowLevelChildren) {
                    break;
                }
                shapes = child.getOutputShapes(shapes);
            }
            return shapes;
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            Shape in = inputShapes[0];
            Shape low = lowLevelShapes(inputShapes)[0];
            Shape logits = decoder.getOutputShapes(new Shape[] {
                new Shape(low.get(0), decoderInChannels, low.get(2), low.get(3))})[0];
            return new Shape[] {new Shape(in.get(0), logits.get(1), in.get(2), in.get(3))};
        }
    }
}
