package org.echomask.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.echomask.EchomaskException;

/**
 * Splits the labels into frequency groups by a count per label (training positives, or the test
 * support) and averages the per-class scores inside each group, because a macro F1 over all labels
 * hides whether a model only learns the common classes.
 */
public final class FrequencyGroups {
    public static final String FREQUENT = "frequent";
    public static final String COMMON = "common";
    public static final String RARE = "rare";
    /** Keys of {@link Evaluation#frequencyGroups()}, always all three, in this order. */
    public static final List<String> NAMES = List.of(FREQUENT, COMMON, RARE);

    private FrequencyGroups() {}

    /**
     * The groups of {@code labels} by {@code classCounts} (every label needs a count; a count for
     * an unknown label is refused too, as it means the counts belong to another label set).
     */
    public static Map<String, GroupMetrics> of(List<String> labels, Map<String, ClassMetrics> perClass,
            EvaluationConfig config, Map<String, Integer> classCounts) {
        for (String key : classCounts.keySet()) {
            if (!labels.contains(key)) {
                throw new EchomaskException("class counts name \"" + key + "\", which is not one of the labels " + labels);
            }
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        NAMES.forEach(g -> members.put(g, new ArrayList<>()));
        for (String label : labels) {
            if (!classCounts.containsKey(label)) {
                throw new EchomaskException("class counts lack label \"" + label + "\" (counts given for "
                        + classCounts.keySet() + ")");
            }
            int count = EvaluationConfig.checkedCount(label, classCounts.get(label));
            members.get(config.group(count)).add(label);
        }
        Map<String, GroupMetrics> out = new LinkedHashMap<>();
        members.forEach((group, in) -> out.put(group, new GroupMetrics(in,
                mean(in, perClass, ClassMetrics::f1), mean(in, perClass, ClassMetrics::precision),
                mean(in, perClass, ClassMetrics::recall))));
        return out;
    }

    private static double mean(List<String> labels, Map<String, ClassMetrics> perClass,
            ToDoubleFunction<ClassMetrics> metric) {
        if (labels.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (String l : labels) {
            sum += metric.applyAsDouble(perClass.get(l));
        }
        return sum / labels.size();
    }
}
