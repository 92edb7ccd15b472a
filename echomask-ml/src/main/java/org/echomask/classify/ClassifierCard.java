package org.echomask.classify;

import org.echomask.EchomaskException;
import org.echomask.model.ModelPackage;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * {@code model.json} of a classifier package: the network recipe, the spectrogram transform its
 * inputs must be rendered with, and the decision threshold for multilabel outputs.
 *
 * @param format package layout version
 * @param kind always {@value #KIND}
 * @param spec architecture, labels, masks and input size
 * @param transform spectrogram transform of the training data
 * @param threshold probability at or above which a label is predicted (multilabel)
 * @param toolkitVersion Echomask version that wrote it
 */
public record ClassifierCard(int format, String kind, ClassifierSpec spec, SpectrogramTransform transform,
        double threshold, String toolkitVersion) {
    public static final String KIND = "classifier";

    public ClassifierCard {
        if (!KIND.equals(kind)) {
            throw new EchomaskException("model.json: kind '" + kind + "' is not a classifier");
        }
        if (spec == null || transform == null) {
            throw new EchomaskException("model.json: spec and transform are required");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new EchomaskException("model.json: threshold must be in (0, 1), got " + threshold);
        }
    }

    public static ClassifierCard of(ClassifierSpec spec, SpectrogramTransform transform) {
        return new ClassifierCard(ModelPackage.FORMAT, KIND, spec, transform, 0.5, org.echomask.Version.toolkit());
    }
}
