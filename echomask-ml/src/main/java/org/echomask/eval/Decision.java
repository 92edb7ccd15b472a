package org.echomask.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.echomask.EchomaskException;

/**
 * How per-label probabilities become a predicted label set at evaluation time.
 * {@link #MODEL} keeps the model's own rule (sigmoid threshold for multilabel, most probable
 * combination for multiclass); {@link #ARGMAX} picks the single most probable label, for data
 * where every example holds exactly one class (species cuts such as the Watkins set), as a
 * species classifier is scored there.
 */
public enum Decision {
    MODEL,
    ARGMAX;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decision parse(String s) {
        for (Decision d : values()) {
            if (d.id().equalsIgnoreCase(s)) {
                return d;
            }
        }
        throw new EchomaskException("unknown decision rule '" + s + "' (expected model or argmax)");
    }

    /** The single label with the highest probability (the first of equals). */
    public static List<String> argmax(List<String> labels, float[] probabilities) {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        List<String> out = new ArrayList<>(1);
        out.add(labels.get(best));
        return out;
    }
}
