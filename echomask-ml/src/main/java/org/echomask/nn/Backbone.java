package org.echomask.nn;

import ai.djl.nn.Block;
import java.util.Objects;

/**
 * A feature extractor ready to put in a larger network: its block maps {@code (N, C_in, H, W)} to a
 * feature map {@code (N, outChannels, ceil(H / outputStride), ceil(W / outputStride))}.
 * Every architecture (CNNs and transformers alike) ends in a feature map, so pooling, token
 * fusion, segmentation heads and Grad-CAM treat them the same way.
 *
 * @param block the network
 * @param outChannels channels of the feature map
 * @param outputStride input pixels per feature-map pixel along each axis
 * @param description the spec it was built from, for logs and model cards
 * @param lowLevel where a stride-4 feature map can be read inside {@code block} (the DeepLabV3+
 *     decoder's skip connection); null when the architecture offers none
 */
public record Backbone(Block block, int outChannels, int outputStride, String description, LowLevel lowLevel) {
    public Backbone {
        Objects.requireNonNull(block, "block");
        if (outChannels < 1 || outputStride < 1) {
            throw new IllegalArgumentException("bad backbone: " + outChannels + " channels, stride " + outputStride);
        }
    }

    /** A backbone without a low-level tap. */
    public Backbone(Block block, int outChannels, int outputStride, String description) {
        this(block, outChannels, outputStride, description, null);
    }

    /**
     * A low-level feature map inside a backbone whose block is a {@code SequentialBlock}: the
     * output of its first {@code children} children, {@code channels} wide, at {@code stride}.
     */
    public record LowLevel(int children, int channels, int stride) {
        public LowLevel {
            if (children < 1 || channels < 1 || stride < 1) {
                throw new IllegalArgumentException("bad low-level tap: " + children + " children, " + channels
                        + " channels, stride " + stride);
            }
        }
    }
}
