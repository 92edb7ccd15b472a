package org.echomask.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.echomask.EchomaskException;
import org.echomask.label.LabelSet;
import org.echomask.label.PowerSet;

/**
 * The output of a classifier: independent labels ({@link #MULTILABEL}, K sigmoid outputs, BCE) or
 * one class per label combination ({@link #MULTICLASS}, 2^K softmax outputs over the power set,
 * cross-entropy). Both convert to per-label probabilities and a predicted label set, so the two
 * can be evaluated side by side.
 */
public enum Task {
    MULTILABEL,
    MULTICLASS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Task parse(String s) {
        for (Task t : values()) {
            if (t.id().equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new EchomaskException("unknown task '" + s + "' (expected multilabel or multiclass)");
    }

    /** Network outputs for {@code labels}: K or 2^K. */
    public int outputs(LabelSet labels) {
        return this == MULTILABEL ? labels.size() : new PowerSet(labels).size();
    }

    /** The training target row of an example with {@code present} labels: multi-hot or one-hot over the power set. */
    public float[] target(LabelSet labels, Collection<String> present) {
        float[] multiHot = multiHot(labels, present);
        if (this == MULTILABEL) {
            return multiHot;
        }
        PowerSet ps = new PowerSet(labels);
        float[] oneHot = new float[ps.size()];
        oneHot[ps.fromMultiHot(multiHot)] = 1f;
        return oneHot;
    }

    /** Per-label probabilities from a score row (sigmoids as they are; power-set marginals for multiclass). */
    public float[] labelProbabilities(LabelSet labels, float[] scores) {
        return this == MULTILABEL ? scores.clone() : new PowerSet(labels).marginals(scores);
    }

    /**
     * The predicted labels: sigmoid above {@code threshold} for multilabel, the most probable
     * combination for multiclass (which can be "none").
     */
    public List<String> predict(LabelSet labels, float[] scores, double threshold) {
        if (this == MULTICLASS) {
            return new PowerSet(labels).argmaxSubset(scores).stream().sorted().toList();
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            if (scores[k] >= threshold) {
                out.add(labels.name(k));
            }
        }
        return out;
    }

    static float[] multiHot(LabelSet labels, Collection<String> present) {
        float[] v = new float[labels.size()];
        for (String p : present) {
            int i = labels.names().indexOf(p);
            if (i < 0) {
                throw new EchomaskException("label '" + p + "' is not one of the model's labels " + labels.names());
            }
            v[i] = 1f;
        }
        return v;
    }
}
