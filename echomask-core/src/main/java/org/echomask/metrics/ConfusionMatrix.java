package org.echomask.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.label.LabelSet;
import org.echomask.label.PowerSet;

/**
 * Confusion over label combinations: {@code counts[t][p]} examples whose true combination is
 * {@code combinations[t]} were predicted as {@code combinations[p]}. Names are those of
 * {@link PowerSet} ("none", "a", "a+b" with labels in label order).
 */
public record ConfusionMatrix(List<String> combinations, int[][] counts) {
    /** Up to this many labels every combination gets a row (2^4 = 16), so tables line up across runs. */
    public static final int FULL_POWER_SET_MAX_LABELS = 4;

    public ConfusionMatrix {
        combinations = List.copyOf(combinations);
        if (counts.length != combinations.size()) {
            throw new EchomaskException("confusion matrix: " + counts.length + " rows for " + combinations.size()
                    + " combinations");
        }
        int[][] copy = new int[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            if (counts[t].length != combinations.size()) {
                throw new EchomaskException("confusion matrix: row " + t + " has " + counts[t].length
                        + " columns for " + combinations.size() + " combinations");
            }
            copy[t] = counts[t].clone();
        }
        counts = copy;
    }

    /**
     * The confusion of {@code predicted} against {@code truth}. For K <= 4 all 2^K combinations in
     * PowerSet order; for larger K only those that occur in truth or predictions (2^10 rows for a
     * 10-label set would be almost all zeros), most frequent in truth first, then by name.
     */
    public static ConfusionMatrix of(List<String> labels, boolean[][] truth, boolean[][] predicted) {
        if (labels.size() <= FULL_POWER_SET_MAX_LABELS) {
            PowerSet powerSet = new PowerSet(LabelSet.of(labels));
            int[][] counts = new int[powerSet.size()][powerSet.size()];
            for (int i = 0; i < truth.length; i++) {
                counts[LabelCombinations.index(truth[i])][LabelCombinations.index(predicted[i])]++;
            }
            return new ConfusionMatrix(powerSet.names(), counts);
        }
        Map<String, Integer> inTruth = new HashMap<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        String[] t = new String[truth.length];
        String[] p = new String[truth.length];
        for (int i = 0; i < truth.length; i++) {
            t[i] = LabelCombinations.name(labels, truth[i]);
            p[i] = LabelCombinations.name(labels, predicted[i]);
            inTruth.merge(t[i], 1, Integer::sum);
            index.put(t[i], 0);
            index.put(p[i], 0);
        }
        List<String> names = index.keySet().stream()
                .sorted(Comparator.<String>comparingInt(c -> -inTruth.getOrDefault(c, 0)).thenComparing(c -> c))
                .toList();
        for (int c = 0; c < names.size(); c++) {
            index.put(names.get(c), c);
        }
        int[][] counts = new int[names.size()][names.size()];
        for (int i = 0; i < truth.length; i++) {
            counts[index.get(t[i])][index.get(p[i])]++;
        }
        return new ConfusionMatrix(names, counts);
    }

    /** Examples of true combination {@code trueName} predicted as {@code predictedName}; 0 for a name not listed. */
    public int count(String trueName, String predictedName) {
        int t = combinations.indexOf(trueName);
        int p = combinations.indexOf(predictedName);
        return t < 0 || p < 0 ? 0 : counts[t][p];
    }

    @Override
    public int[][] counts() {
        return Arrays.stream(counts).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && combinations.equals(m.combinations)
                && Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return combinations.hashCode() * 31 + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix[combinations=" + combinations + ", counts=" + Arrays.deepToString(counts) + "]";
    }
}
