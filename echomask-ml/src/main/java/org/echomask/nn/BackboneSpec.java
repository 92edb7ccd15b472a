package org.echomask.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import org.echomask.EchomaskException;

/**
 * Which feature extractor to build, validated when created (or read from JSON) so that a bad
 * combination fails before any training starts. {@link Backbones#create} turns it into a network.
 *
 * <p>JSON (snake_case): {@code architecture}, {@code width_multiplier}, {@code in_channels} and
 * {@code output_stride} are required, {@code depth} is optional (0 = the layout's depth).
 *
 * @param architecture one of {@link Backbones#names()}
 * @param widthMultiplier scales every channel / embedding size (each rounded to a multiple of 8,
 *     at least 8); 1.0 is the published layout
 * @param inChannels 1 (a spectrogram) or 3 (an RGB-like image)
 * @param outputStride input pixels per feature-map pixel: 32 for the CNNs, 8 or 16 by dilating
 *     the last stages of ResNets and MobileNetV3s, the patch size (8, 16 or 32) for the transformers
 * @param depth 0 for the layout's depth; otherwise encoder layers for vit/deit, or blocks of the
 *     third stage for convnext (the other stages get a third of it, at least 1)
 */
public record BackboneSpec(String architecture, double widthMultiplier, int inChannels, int outputStride, int depth) {
    private static final int MAX_DEPTH = 48;

    public BackboneSpec {
        require(architecture != null && Backbones.names().contains(architecture),
                "unknown architecture '" + architecture + "'; known: " + String.join(", ", Backbones.names()));
        require(Double.isFinite(widthMultiplier) && widthMultiplier > 0 && widthMultiplier <= 4,
                "width_multiplier must be in (0, 4]: " + widthMultiplier);
        require(inChannels == 1 || inChannels == 3, "in_channels must be 1 or 3: " + inChannels);
        List<Integer> strides = supportedStrides(architecture);
        require(strides.contains(outputStride), architecture + " supports output_stride " + strides + ", not "
                + outputStride + (isTransformer(architecture) ? " (the output stride is the patch size)" : ""));
        require(depth == 0 || (depthAdjustable(architecture) && depth >= 1 && depth <= MAX_DEPTH),
                depthAdjustable(architecture) ? "depth must be 0 (layout) or 1.." + MAX_DEPTH + ": " + depth
                        : architecture + " has a fixed depth; depth must be 0, got " + depth);
    }

    /** The JSON constructor: depth may be left out. */
    @JsonCreator
    static BackboneSpec fromJson(
            @JsonProperty(value = "architecture", required = true) String architecture,
            @JsonProperty(value = "width_multiplier", required = true) double widthMultiplier,
            @JsonProperty(value = "in_channels", required = true) int inChannels,
            @JsonProperty(value = "output_stride", required = true) int outputStride,
            @JsonProperty("depth") Integer depth) {
        return new BackboneSpec(architecture, widthMultiplier, inChannels, outputStride, depth == null ? 0 : depth);
    }

    /**
     * The published layout: width 1.0, 3 input channels, natural output stride (32; 16 for the
     * transformers), full depth. What parameter counts are compared with torchvision on.
     */
    public static BackboneSpec fullSize(String architecture) {
        requireKnown(architecture);
        return new BackboneSpec(architecture, 1.0, 3, naturalStride(architecture), 0);
    }

    /**
     * A configuration practical for training from scratch on 2 CPU cores with 1×128×128
     * spectrograms, natural output stride: ResNets at width 0.25 (16-channel stem), ConvNeXt at
     * width 0.25 with (2, 2, 6, 2) blocks, ViT and DeiT 192 wide (3 heads of 64) with 4 layers,
     * MobileNetV3-Large at width 0.4, MobileNetV3-Small at full width. Chosen so that a forward +
     * backward pass costs within about 3× of ResNet-18 at width 0.25; measured costs are in the
     * package documentation ({@code BackboneBench}, {@code bench/backbones.sh}).
     */
    public static BackboneSpec defaults(String architecture) {
        requireKnown(architecture);
        return switch (architecture) {
            case "resnet18", "resnet34", "resnet50" -> new BackboneSpec(architecture, 0.25, 1, 32, 0);
            case "convnext" -> new BackboneSpec(architecture, 0.25, 1, 32, 6);
            case "vit" -> new BackboneSpec(architecture, 0.25, 1, 16, 4);
            case "deit" -> new BackboneSpec(architecture, 1.0, 1, 16, 4);
            case "mobilenetv3" -> new BackboneSpec(architecture, 0.4, 1, 32, 0);
            case "mobilenetv3-small" -> new BackboneSpec(architecture, 1.0, 1, 32, 0);
            default -> throw new IllegalStateException("no defaults for " + architecture);
        };
    }

    public BackboneSpec withInChannels(int channels) {
        return new BackboneSpec(architecture, widthMultiplier, channels, outputStride, depth);
    }

    public BackboneSpec withOutputStride(int stride) {
        return new BackboneSpec(architecture, widthMultiplier, inChannels, stride, depth);
    }

    public BackboneSpec withWidthMultiplier(double width) {
        return new BackboneSpec(architecture, width, inChannels, outputStride, depth);
    }

    public BackboneSpec withDepth(int layers) {
        return new BackboneSpec(architecture, widthMultiplier, inChannels, outputStride, layers);
    }

    /** One line for logs and model cards, e.g. {@code resnet18 x0.25, 1-channel input, output stride 8}. */
    public String describe() {
        return architecture + " x" + trim(widthMultiplier) + ", " + inChannels + "-channel input, output stride "
                + outputStride + (depth == 0 ? "" : ", depth " + depth);
    }

    static boolean isTransformer(String architecture) {
        return architecture.equals("vit") || architecture.equals("deit");
    }

    private static boolean depthAdjustable(String architecture) {
        return isTransformer(architecture) || architecture.equals("convnext");
    }

    private static int naturalStride(String architecture) {
        return isTransformer(architecture) ? 16 : 32;
    }

    private static List<Integer> supportedStrides(String architecture) {
        if (architecture.startsWith("resnet") || architecture.startsWith("mobilenetv3") || isTransformer(architecture)) {
            return List.of(8, 16, 32);
        }
        return List.of(32);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : Double.toString(value);
    }

    private static void requireKnown(String architecture) {
        require(Backbones.names().contains(architecture),
                "unknown architecture '" + architecture + "'; known: " + String.join(", ", Backbones.names()));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EchomaskException("invalid backbone spec: " + message);
        }
    }
}
