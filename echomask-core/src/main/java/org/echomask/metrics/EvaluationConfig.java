package org.echomask.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.echomask.EchomaskException;

/**
 * Settings of an evaluation. {@code frequentMin} and {@code rareMax} split the classes into
 * frequency groups by their number of positives (usually in the training split, where a model
 * learns them): a class with count {@code >= frequentMin} is "frequent", one with count
 * {@code < rareMax} is "rare", any other "common". {@code rareMax <= frequentMin} keeps the groups
 * disjoint; equal thresholds leave "common" empty.
 */
public record EvaluationConfig(EvaluationTask task, int frequentMin, int rareMax) {

    public EvaluationConfig {
        if (task == null) {
            throw new EchomaskException("evaluation config: task missing");
        }
        if (rareMax < 0 || frequentMin < 0) {
            throw new EchomaskException("evaluation config: frequency thresholds must be >= 0, got frequent_min "
                    + frequentMin + " and rare_max " + rareMax);
        }
        if (rareMax > frequentMin) {
            throw new EchomaskException("evaluation config: rare_max " + rareMax + " exceeds frequent_min "
                    + frequentMin + ", so a class could be both rare and frequent");
        }
    }

    /**
     * Thresholds at the terciles of the sorted counts, so each group holds about a third of the
     * classes: the round(K/3) smallest counts are rare, the round(K/3) largest frequent. Ties can
     * move classes between groups (a tie at a threshold goes to the upper group; with all counts
     * equal every class is frequent), because a threshold cannot split equal counts.
     */
    public static EvaluationConfig relativeTo(EvaluationTask task, Map<String, Integer> classCounts) {
        Objects.requireNonNull(classCounts, "classCounts");
        if (classCounts.isEmpty()) {
            throw new EchomaskException("evaluation config: no class counts to derive frequency groups from");
        }
        int[] c = new int[classCounts.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : classCounts.entrySet()) {
            c[i++] = checkedCount(e.getKey(), e.getValue());
        }
        Arrays.sort(c);
        int k = c.length;
        int third = (int) Math.round(k / 3.0);
        int rareMax = c[Math.min(third, k - 1)];
        // With fewer than two classes a third rounds to none: nothing is frequent then.
        int frequentMin = third == 0 ? c[k - 1] + 1 : c[k - third];
        return new EvaluationConfig(task, frequentMin, rareMax);
    }

    /** "frequent", "common" or "rare" for a class with {@code count} positives. */
    public String group(int count) {
        if (count >= frequentMin) {
            return FrequencyGroups.FREQUENT;
        }
        return count < rareMax ? FrequencyGroups.RARE : FrequencyGroups.COMMON;
    }

    static int checkedCount(String label, Integer count) {
        if (count == null || count < 0) {
            throw new EchomaskException("class count of \"" + label + "\" must be a number >= 0, got " + count);
        }
        return count;
    }
}
