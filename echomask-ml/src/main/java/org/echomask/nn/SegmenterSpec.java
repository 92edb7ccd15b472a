package org.echomask.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.echomask.EchomaskException;

/**
 * A DeepLabV3 segmenter: dilated backbone, ASPP head, per-pixel logits at the input size. Saved
 * with segmentation models; all fields are required in JSON (snake_case), unknown keys are errors.
 *
 * @param backbone the feature extractor; its output stride must be 8 or 16
 * @param numClasses logits per pixel (1 for a single foreground logit)
 * @param atrousRates dilation of each 3×3 ASPP branch, in feature-map pixels
 * @param asppChannels channels of every ASPP branch, the projection and the 3×3 head conv
 */
public record SegmenterSpec(BackboneSpec backbone, int numClasses, List<Integer> atrousRates, int asppChannels) {
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
        atrousRates = List.copyOf(atrousRates);
    }

    @JsonCreator
    static SegmenterSpec fromJson(
            @JsonProperty(value = "backbone", required = true) BackboneSpec backbone,
            @JsonProperty(value = "num_classes", required = true) int numClasses,
            @JsonProperty(value = "atrous_rates", required = true) List<Integer> atrousRates,
            @JsonProperty(value = "aspp_channels", required = true) int asppChannels) {
        return new SegmenterSpec(backbone, numClasses, atrousRates, asppChannels);
    }

    public SegmenterSpec withNumClasses(int classes) {
        return new SegmenterSpec(backbone, classes, atrousRates, asppChannels);
    }

    public SegmenterSpec withBackbone(BackboneSpec spec) {
        return new SegmenterSpec(spec, numClasses, atrousRates, asppChannels);
    }

    /** One line for logs and model cards. */
    public String describe() {
        return "DeepLabV3 (" + backbone.describe() + "), " + numClasses + " class(es), ASPP rates " + atrousRates + " x "
                + asppChannels + " channels";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EchomaskException("invalid segmenter spec: " + message);
        }
    }
}
