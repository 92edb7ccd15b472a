package org.echomask.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.echomask.EchomaskException;

/**
 * A DeepLabV3 segmenter: dilated backbone, ASPP head, optionally the DeepLabV3+ decoder, per-pixel
 * logits at the input size. Saved with segmentation models; JSON is snake_case and unknown keys are
 * errors. Every field is required except {@code decoder}, which packages written before it existed
 * lack: they load as {@value #DECODER_NONE}, the network they were trained with.
 *
 * @param backbone the feature extractor; its output stride must be 8 or 16
 * @param numClasses logits per pixel (1 for a single foreground logit)
 * @param atrousRates dilation of each 3×3 ASPP branch, in feature-map pixels
 * @param asppChannels channels of every ASPP branch, the projection and the 3×3 head convs (and
 *     of the decoder's two 3×3 convs)
 * @param decoder {@value #DECODER_NONE} (DeepLabV3: logits at the backbone's stride, resized) or
 *     {@value #DECODER_PLUS} (DeepLabV3+: ASPP output upsampled to the backbone's stride-4 features
 *     and refined with them; ResNets and MobileNetV3s only)
 */
public record SegmenterSpec(BackboneSpec backbone, int numClasses, List<Integer> atrousRates, int asppChannels,
        String decoder) {
    /** No decoder: DeepLabV3. */
    public static final String DECODER_NONE = "none";
    /** The DeepLabV3+ decoder with a stride-4 skip connection. */
    public static final String DECODER_PLUS = "plus";

    private static final int MAX_RATE = 64;

    public SegmenterSpec {
        require(backbone != null, "backbone is required");
        require(backbone.outputStride() == 8 || backbone.outputStride() == 16,
                "the backbone's output_stride must be 8 or 16 (dilated), got " + backbone.outputStride() + " for "
                        + backbone.architecture());
        require(numClasses >= 1, "num_classes must be >= 1: " + numClasses);
        require(atrousRates != null && !atrousRates.isEmpty(), "atrous_rates needs at least one rate");
        for (Integer rate : atrousRates) {
            require(rate != null && rate >= 1 && rate <= MAX_RATE, "atrous rates must be in 1.." + MAX_RATE + ": "
                    + atrousRates);
        }
        require(asppChannels >= 8, "aspp_channels must be >= 8: " + asppChannels);
        require(DECODER_NONE.equals(decoder) || DECODER_PLUS.equals(decoder),
                "decoder must be '" + DECODER_NONE + "' or '" + DECODER_PLUS + "', got '" + decoder + "'");
        require(!DECODER_PLUS.equals(decoder) || Backbones.hasLowLevel(backbone.architecture()),
                "the '" + DECODER_PLUS + "' decoder needs a stride-4 feature map, which " + backbone.architecture()
                        + " does not offer; use decoder 'none' or one of " + String.join(", ", Backbones.lowLevelNames()));
        atrousRates = List.copyOf(atrousRates);
    }

    /** A DeepLabV3 without decoder ({@value #DECODER_NONE}). */
    public SegmenterSpec(BackboneSpec backbone, int numClasses, List<Integer> atrousRates, int asppChannels) {
        this(backbone, numClasses, atrousRates, asppChannels, DECODER_NONE);
    }

    @JsonCreator
    static SegmenterSpec fromJson(
            @JsonProperty(value = "backbone", required = true) BackboneSpec backbone,
            @JsonProperty(value = "num_classes", required = true) int numClasses,
            @JsonProperty(value = "atrous_rates", required = true) List<Integer> atrousRates,
            @JsonProperty(value = "aspp_channels", required = true) int asppChannels,
            @JsonProperty("decoder") String decoder) {
        return new SegmenterSpec(backbone, numClasses, atrousRates, asppChannels, decoder == null ? DECODER_NONE : decoder);
    }

    public SegmenterSpec withNumClasses(int classes) {
        return new SegmenterSpec(backbone, classes, atrousRates, asppChannels, decoder);
    }

    public SegmenterSpec withBackbone(BackboneSpec spec) {
        return new SegmenterSpec(spec, numClasses, atrousRates, asppChannels, decoder);
    }

    public SegmenterSpec withDecoder(String kind) {
        return new SegmenterSpec(backbone, numClasses, atrousRates, asppChannels, kind);
    }

    /** Whether the DeepLabV3+ decoder is on. */
    public boolean plusDecoder() {
        return DECODER_PLUS.equals(decoder);
    }

    /** Channels of the decoder's 1×1 projection of the low-level features: 48 (the paper's) scaled by the width. */
    public int lowLevelChannels() {
        return Layers.divisible(DeepLabV3.LOW_LEVEL_CHANNELS * backbone.widthMultiplier());
    }

    /** One line for logs and model cards. */
    public String describe() {
        return (plusDecoder() ? "DeepLabV3+" : "DeepLabV3") + " (" + backbone.describe() + "), " + numClasses
                + " class(es), ASPP rates " + atrousRates + " x " + asppChannels + " channels"
                + (plusDecoder() ? ", stride-4 decoder with " + lowLevelChannels() + " low-level channels" : "");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EchomaskException("invalid segmenter spec: " + message);
        }
    }
}
