package org.echomask.metrics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.echomask.EchomaskException;
import org.echomask.label.LabelSet;

/**
 * N examples over K labels: the truth, per-label probabilities (or any finite scores; only their
 * order matters, for AUC and AP) and the decisions. Label names follow {@link LabelSet}'s rules,
 * because the confusion matrix names label combinations the way {@code PowerSet} does.
 *
 * <p>The arrays are copied on the way in and on the way out, so an instance cannot change after
 * validation; equality compares contents.
 */
public record ScoredExamples(List<String> labels, List<String> ids, boolean[][] truth, double[][] probabilities,
        boolean[][] predicted) {

    public ScoredExamples {
        if (labels == null || ids == null || truth == null || probabilities == null || predicted == null) {
            throw new EchomaskException("scored examples: labels, ids, truth, probabilities and predicted are all required");
        }
        try {
            labels = LabelSet.of(labels).names();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EchomaskException("scored examples: invalid labels " + labels + ": " + e.getMessage(), e);
        }
        int n = truth.length;
        if (n < 1) {
            throw new EchomaskException("scored examples: no examples (at least 1 needed)");
        }
        if (ids.size() != n) {
            throw new EchomaskException("scored examples: " + ids.size() + " ids for " + n + " rows of truth");
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || !seen.add(id)) {
                throw new EchomaskException("scored examples: example id " + (id == null ? "null" : "\"" + id + "\" appears twice"));
            }
        }
        ids = List.copyOf(ids);
        int k = labels.size();
        truth = copy(truth, n, k, "truth", ids);
        predicted = copy(predicted, n, k, "predicted", ids);
        probabilities = copy(probabilities, n, k, ids);
    }

    public int size() {
        return truth.length;
    }

    @Override
    public boolean[][] truth() {
        return copy(truth);
    }

    @Override
    public double[][] probabilities() {
        return Arrays.stream(probabilities).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public boolean[][] predicted() {
        return copy(predicted);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredExamples s && labels.equals(s.labels) && ids.equals(s.ids)
                && Arrays.deepEquals(truth, s.truth) && Arrays.deepEquals(probabilities, s.probabilities)
                && Arrays.deepEquals(predicted, s.predicted);
    }

    @Override
    public int hashCode() {
        return ((labels.hashCode() * 31 + ids.hashCode()) * 31 + Arrays.deepHashCode(truth)) * 31
                + Arrays.deepHashCode(predicted);
    }

    @Override
    public String toString() {
        return "ScoredExamples[" + truth.length + " examples over " + labels + "]";
    }

    static boolean[][] copy(boolean[][] rows) {
        return Arrays.stream(rows).map(boolean[]::clone).toArray(boolean[][]::new);
    }

    private static boolean[][] copy(boolean[][] rows, int n, int k, String what, List<String> ids) {
        checkRows(rows.length, n, what);
        boolean[][] out = new boolean[n][];
        for (int i = 0; i < n; i++) {
            checkRow(rows[i] == null ? -1 : rows[i].length, k, what, ids.get(i));
            out[i] = rows[i].clone();
        }
        return out;
    }

    private static double[][] copy(double[][] rows, int n, int k, List<String> ids) {
        checkRows(rows.length, n, "probabilities");
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            checkRow(rows[i] == null ? -1 : rows[i].length, k, "probabilities", ids.get(i));
            out[i] = rows[i].clone();
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(out[i][j])) {
                    throw new EchomaskException("scored examples: probability " + j + " of example \"" + ids.get(i)
                            + "\" is " + out[i][j] + " (must be finite)");
                }
            }
        }
        return out;
    }

    private static void checkRows(int rows, int n, String what) {
        if (rows != n) {
            throw new EchomaskException("scored examples: " + what + " has " + rows + " rows, truth has " + n);
        }
    }

    private static void checkRow(int length, int k, String what, String id) {
        if (length != k) {
            throw new EchomaskException("scored examples: " + what + " of example \"" + id + "\" has "
                    + (length < 0 ? "no row" : length + " values") + " for " + k + " labels");
        }
    }
}
