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

/**
 * DeepLabV3 (Chen et al. 2017) for per-pixel logits: {@code (N, C, H, W) → (N, K, H, W)}.
 *
 * <p>The backbone runs at output stride 8 or 16 (its last stages dilated instead of strided). The
 * head is atrous spatial pyramid pooling — a 1×1 conv branch, one 3×3 conv branch per atrous rate,
 * and an image-pooling branch (global average → 1×1 conv → BN → ReLU, spread over the map), every
 * conv branch conv → BN → ReLU — whose concatenation is projected by 1×1 conv → BN → ReLU, then
 * dropout 0.1, 3×3 conv → BN → ReLU and a 1×1 conv to K logits, bilinearly resized to the input
 * size (align_corners = false). Convs followed by BatchNorm are Kaiming-initialised (fan-out); the
 * final 1×1 conv keeps PyTorch's default U(±1/√fan-in), as in torchvision, so training starts
 * from small logits.
 *
 * <p>Defaults ({@link #defaults()}): 1×128×128 spectrograms, few-shot training on 2 CPU cores.
 * ResNet-18 at width 0.25, output stride 8 (a 16×16 map, fine enough for call masks), ASPP with 64
 * channels and rates 2, 4, 6. The published rates 12, 24, 36 (at stride 8) were tuned for 513-pixel
 * crops, a 65×65 map; on a 16×16 map a 3×3 kernel dilated by 12 or more has all but its centre tap
 * in the zero padding for most positions, so those branches would degenerate to 1×1 convs. Rates
 * 2, 4, 6 give receptive fields of 5, 9 and 13 map pixels, the same spread relative to the map.
 */
public final class DeepLabV3 {
    /** Dropout after the ASPP projection. */
    public static final float DROPOUT = 0.1f;

    private DeepLabV3() {}

    /** The defaults for 1×128×128 input described above, with one foreground logit per pixel. */
    public static SegmenterSpec defaults() {
        BackboneSpec backbone = new BackboneSpec("resnet18", 0.25, 1, 8, 0);
        return new SegmenterSpec(backbone, 1, List.of(2, 4, 6), 64);
    }

    /** A fresh, uninitialised DeepLabV3 network (validated through {@link SegmenterSpec}). */
    public static Block create(BackboneSpec backbone, int numClasses, int[] atrousRates, int asppChannels) {
        List<Integer> rates = atrousRates == null ? null : Arrays.stream(atrousRates).boxed().toList();
        return create(new SegmenterSpec(backbone, numClasses, rates, asppChannels));
    }

    /** A fresh, uninitialised DeepLabV3 network for {@code spec}. */
    public static Block create(SegmenterSpec spec) {
        Backbone backbone = Backbones.create(spec.backbone());
        int channels = spec.asppChannels();
        SequentialBlock head = new SequentialBlock()
                .add(new Aspp(channels, spec.atrousRates(), DROPOUT))
                .add(Layers.convBnAct(channels, 3, 1, 1, 1, 1e-5f, Activation.reluBlock()))
                .add(Layers.conv(spec.numClasses(), 1, 1, 1, 1, true, Layers.PYTORCH_DEFAULT));
        return new Network(backbone.block(), head);
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
            NDArray resized = Upsample.bilinear(logits, in.get(2), in.get(3));
            if (resized != logits) {
                logits.close();
            }
            return new NDList(resized);
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
}
