package org.echomask.metrics;

import java.util.ArrayList;
import java.util.List;
import org.echomask.label.LabelSet;
import org.echomask.label.PowerSet;

/**
 * Label combinations (one example's label vector as a whole) for any K, named and ordered like
 * {@link PowerSet} without its 2^K table: "none" or the labels joined with '+' in label order;
 * ordered by power-set index, bit i = label i, so the last label is the most significant.
 */
final class LabelCombinations {
    private LabelCombinations() {}

    static String name(List<String> labels, boolean[] row) {
        List<String> on = new ArrayList<>();
        for (int k = 0; k < row.length; k++) {
            if (row[k]) {
                on.add(labels.get(k));
            }
        }
        return on.isEmpty() ? LabelSet.NONE : String.join(PowerSet.JOIN, on);
    }

    /** Power-set order: compare as binary numbers whose most significant bit is the last label. */
    static int compare(boolean[] a, boolean[] b) {
        for (int k = a.length - 1; k >= 0; k--) {
            if (a[k] != b[k]) {
                return a[k] ? 1 : -1;
            }
        }
        return 0;
    }

    /** The power-set index of a row; only for K small enough for {@link PowerSet}. */
    static int index(boolean[] row) {
        int index = 0;
        for (int k = 0; k < row.length; k++) {
            if (row[k]) {
                index |= 1 << k;
            }
        }
        return index;
    }

    /** Number of true labels in a row (its polyphony). */
    static int count(boolean[] row) {
        int c = 0;
        for (boolean b : row) {
            if (b) {
                c++;
            }
        }
        return c;
    }
}
