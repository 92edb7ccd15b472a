package org.echomask.label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.echomask.EchomaskException;

/**
 * Multi-class encoding of a multi-label problem: one class per subset of the K labels, 2^K in all,
 * "none" included. Class index bit i is label i of the {@link LabelSet}, so index 0 is "none" and
 * index 2^K - 1 is every label. Class names join the labels with '+' in label-set order
 * ("beluga_whistle+porpoise_click"). Immutable.
 */
public final class PowerSet {
    /** 2^16 classes is already far beyond what a softmax head can learn from annotated audio. */
    public static final int MAX_LABELS = 16;
    public static final String JOIN = "+";

    private final LabelSet labels;
    private final List<String> names;

    public PowerSet(LabelSet labels) {
        this.labels = Objects.requireNonNull(labels, "labels");
        int k = labels.size();
        if (k > MAX_LABELS) {
            throw new EchomaskException("a power set of " + k + " labels would have 2^" + k
                    + " classes; at most " + MAX_LABELS + " labels are supported (use multi-label outputs instead)");
        }
        List<String> n = new ArrayList<>(1 << k);
        for (int i = 0; i < 1 << k; i++) {
            n.add(i == 0 ? LabelSet.NONE : String.join(JOIN, subset(i)));
        }
        this.names = Collections.unmodifiableList(n);
    }

    public LabelSet labels() {
        return labels;
    }

    /** Number of classes, 2^K. */
    public int size() {
        return 1 << labels.size();
    }

    /** Class names by index: "none", then subsets in index order. */
    public List<String> names() {
        return names;
    }

    public String name(int index) {
        checkIndex(index);
        return names.get(index);
    }

    /** The labels of class {@code index}, in label-set order. */
    public Set<String> subset(int index) {
        checkIndex(index);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            if ((index & (1 << i)) != 0) {
                out.add(labels.name(i));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The class of a set of labels (empty: "none"). */
    public int index(Collection<String> subset) {
        int index = 0;
        for (String l : subset) {
            index |= 1 << labels.indexOf(l);
        }
        return index;
    }

    /** The class of a name such as "none" or "a+b" (labels in any order). */
    public int indexOfName(String name) {
        String s = name.strip();
        if (s.equals(LabelSet.NONE)) {
            return 0;
        }
        return index(List.of(s.split("\\" + JOIN, -1)).stream().map(String::strip).toList());
    }

    /** The class of a multi-hot vector; entries at or above 0.5 count as present (so soft targets work). */
    public int fromMultiHot(float[] multiHot) {
        labels.checkLength(multiHot.length);
        int index = 0;
        for (int i = 0; i < multiHot.length; i++) {
            if (Float.isNaN(multiHot[i])) {
                throw new IllegalArgumentException("multi-hot entry " + i + " is NaN");
            }
            if (multiHot[i] >= 0.5f) {
                index |= 1 << i;
            }
        }
        return index;
    }

    /** The multi-hot vector of class {@code index}. */
    public float[] toMultiHot(int index) {
        checkIndex(index);
        float[] v = new float[labels.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (index >> i) & 1;
        }
        return v;
    }

    /**
     * Per-label marginal probabilities of a distribution over the classes:
     * p(label k) = sum of the probabilities of the classes whose subset holds k.
     */
    public float[] marginals(float[] classProbs) {
        checkLength(classProbs);
        int k = labels.size();
        double[] sum = new double[k];
        for (int c = 0; c < classProbs.length; c++) {
            double p = classProbs[c];
            for (int i = 0; i < k; i++) {
                if ((c & (1 << i)) != 0) {
                    sum[i] += p;
                }
            }
        }
        float[] out = new float[k];
        for (int i = 0; i < k; i++) {
            out[i] = (float) sum[i];
        }
        return out;
    }

    /** The most probable class (the lowest index on ties). */
    public int argmax(float[] classProbs) {
        checkLength(classProbs);
        int best = 0;
        for (int c = 1; c < classProbs.length; c++) {
            if (classProbs[c] > classProbs[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The labels of the most probable class. */
    public Set<String> argmaxSubset(float[] classProbs) {
        return subset(argmax(classProbs));
    }

    private void checkLength(float[] classProbs) {
        if (classProbs.length != size()) {
            throw new IllegalArgumentException("vector of length " + classProbs.length + " for a power set of "
                    + size() + " classes over " + labels.names());
        }
        for (int c = 0; c < classProbs.length; c++) {
            if (Float.isNaN(classProbs[c])) {
                throw new IllegalArgumentException("probability of class \"" + names.get(c) + "\" is NaN");
            }
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("power-set class " + index + " outside 0.." + (size() - 1));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PowerSet other && labels.equals(other.labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + 7;
    }

    @Override
    public String toString() {
        return "PowerSet" + labels.names();
    }
}
