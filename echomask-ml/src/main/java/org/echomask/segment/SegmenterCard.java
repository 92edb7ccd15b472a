package org.echomask.segment;

import org.echomask.EchomaskException;
import org.echomask.model.ModelCard;
import org.echomask.model.ModelPackage;
import org.echomask.nn.SegmenterSpec;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * {@code model.json} of a segmentation package.
 *
 * @param format package layout version
 * @param kind always {@value #KIND}
 * @param spec the network (DeepLabV3 layout)
 * @param transform spectrogram transform of the training data
 * @param inputHeight spectrogram rows
 * @param inputWidth spectrogram columns
 * @param threshold signal probability at or above which a pixel is in the mask
 * @param toolkitVersion Echomask version that wrote it
 */
public record SegmenterCard(int format, String kind, SegmenterSpec spec, SpectrogramTransform transform,
        int inputHeight, int inputWidth, double threshold, String toolkitVersion) implements ModelCard {
    public static final String KIND = "segmenter";

    public SegmenterCard {
        if (!KIND.equals(kind)) {
            throw new EchomaskException("model.json: kind '" + kind + "' is not a segmenter");
        }
        if (spec == null || transform == null || inputHeight < 16 || inputWidth < 16) {
            throw new EchomaskException("model.json: spec, transform and an input size >= 16x16 are required");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new EchomaskException("model.json: threshold must be in (0, 1), got " + threshold);
        }
    }

    public static SegmenterCard of(SegmenterSpec spec, SpectrogramTransform transform, int height, int width) {
        return new SegmenterCard(ModelPackage.FORMAT, KIND, spec, transform, height, width, 0.5,
                org.echomask.Version.toolkit());
    }
}
