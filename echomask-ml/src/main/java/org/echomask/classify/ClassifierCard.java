package org.echomask.classify;

import org.echomask.EchomaskException;
import org.echomask.dataset.InputRecipe;
import org.echomask.model.ModelCard;
import org.echomask.model.ModelPackage;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * {@code model.json} of a classifier package: the network recipe, the spectrogram transform its
 * inputs must be rendered with, the window and mask recipe of its training examples, and the
 * decision threshold for multilabel outputs. Together they are all that applying the model to
 * new audio needs: nothing is looked up in the training dataset.
 *
 * @param format package layout version
 * @param kind always {@value #KIND}
 * @param spec architecture (head and loss by name), labels, masks, input size and the training augmentation
 *     pipeline (for the record; inference does not augment)
 * @param transform spectrogram transform of the training data
 * @param input window, hop and mask recipe of the training examples; null in packages written before
 *     cards carried it (analysis then looks for them where those packages kept them, see
 *     {@code detect.TrainingRecipe})
 * @param threshold probability at or above which a label is predicted (multilabel)
 * @param toolkitVersion Echomask version that wrote it
 */
public record ClassifierCard(int format, String kind, ClassifierSpec spec, SpectrogramTransform transform,
        InputRecipe input, double threshold, String toolkitVersion) implements ModelCard {
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
        if (input != null && !input.mask().equals(spec.maskRecipe(input.mask().proposer()))) {
            throw new EchomaskException("model.json: the input's mask recipe " + input.mask() + " disagrees with the"
                    + " classifier's mask input " + spec.maskInput().id() + " from '" + spec.maskSource() + "'");
        }
    }

    public static ClassifierCard of(ClassifierSpec spec, SpectrogramTransform transform, InputRecipe input) {
        if (input == null) {
            throw new EchomaskException("a new classifier card needs its input recipe");
        }
        return new ClassifierCard(ModelPackage.FORMAT, KIND, spec, transform, input, 0.5, org.echomask.Version.toolkit());
    }
}
