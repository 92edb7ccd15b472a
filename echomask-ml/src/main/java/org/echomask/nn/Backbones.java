package org.echomask.nn;

import java.util.List;

/**
 * Builds the feature extractors named by a {@link BackboneSpec}, from scratch (random
 * initialisation as torchvision; no pretrained weights exist offline).
 *
 * <p>Every backbone maps {@code (N, inChannels, H, W)} to a feature map {@code (N, C,
 * ceil(H/s), ceil(W/s))}, s = output stride. The CNNs take any size (ConvNeXt zero-pads to a
 * multiple of 32); the transformers need H and W divisible by their patch size and equal to the
 * size they were initialised with (learned position embeddings). The transformers lay their patch
 * tokens out as the map; their class/distillation tokens are dropped.
 */
public final class Backbones {
    private static final List<String> NAMES = List.of("resnet18", "resnet34", "resnet50", "convnext", "vit", "deit",
            "mobilenetv3", "mobilenetv3-small");

    /** Layout of ViT-B/16 and DeiT-Tiny: embedding size, layers, heads (head size 64 in both). */
    private static final int VIT_DIM = 768;
    private static final int DEIT_DIM = 192;
    private static final int TRANSFORMER_DEPTH = 12;
    private static final int HEAD_DIM = 64;

    private Backbones() {}

    /** The architectures whose {@link Backbone} has a stride-4 {@link Backbone.LowLevel} tap. */
    private static final List<String> LOW_LEVEL = List.of("resnet18", "resnet34", "resnet50", "mobilenetv3",
            "mobilenetv3-small");

    /** The architecture names, in a stable order. */
    public static List<String> names() {
        return NAMES;
    }

    /** The architectures with a stride-4 low-level tap (what the DeepLabV3+ decoder reads). */
    public static List<String> lowLevelNames() {
        return LOW_LEVEL;
    }

    /** Whether {@code architecture}'s backbone has a stride-4 low-level tap. */
    public static boolean hasLowLevel(String architecture) {
        return LOW_LEVEL.contains(architecture);
    }

    /** A fresh, uninitialised network for {@code spec}; initialise it with the input shape it will see. */
    public static Backbone create(BackboneSpec spec) {
        return switch (spec.architecture()) {
            case "resnet18", "resnet34", "resnet50" -> ResNets.create(spec);
            case "convnext" -> ConvNeXt.create(spec);
            case "vit" -> transformer(spec, VIT_DIM, false);
            case "deit" -> transformer(spec, DEIT_DIM, true);
            case "mobilenetv3" -> MobileNetV3.create(spec, MobileNetV3.LARGE);
            case "mobilenetv3-small" -> MobileNetV3.create(spec, MobileNetV3.SMALL);
            default -> throw new IllegalStateException("no factory for " + spec.architecture());
        };
    }

    private static Backbone transformer(BackboneSpec spec, int layoutDim, boolean distillationToken) {
        int dim = Layers.divisible(layoutDim * spec.widthMultiplier());
        int heads = heads(dim);
        int depth = spec.depth() == 0 ? TRANSFORMER_DEPTH : spec.depth();
        VisionTransformer block = new VisionTransformer(spec.inChannels(), spec.outputStride(), dim, depth, heads,
                4 * dim, distillationToken);
        return new Backbone(block, dim, spec.outputStride(), spec.describe());
    }

    /**
     * Attention heads for an embedding size: as many as keep the layouts' head size of 64 (12 for
     * ViT-B, 3 for DeiT-Tiny), fewer when that does not divide the size; a narrowed transformer
     * thus keeps wide heads rather than many tiny ones.
     */
    static int heads(int dim) {
        int heads = Math.max(1, (int) Math.round(dim / (double) HEAD_DIM));
        while (dim % heads != 0) {
            heads--;
        }
        return heads;
    }
}
