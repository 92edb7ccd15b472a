package org.echomask.metrics;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scores of one model (or baseline) on one test set, made by {@link Evaluator}. Serialised with
 * {@code org.echomask.io.Json} under snake_case keys (joint_accuracy, macro_f1, per_class, ...);
 * metrics that are undefined are NaN here and null in JSON, and read back as NaN, so a
 * write/read round trip gives an equal object. Maps keep their order (labels, then the groups
 * frequent, common, rare).
 *
 * <p>{@code rocAucMacro} and {@code averagePrecisionMacro} are the means over the labels where the
 * per-class value is defined (NaN if none is); sklearn instead raises (AUC) or counts 0 (AP) for a
 * label without positives.
 */
public record Evaluation(String name, int n, List<String> labels, String task, double jointAccuracy, double macroF1,
        double microF1, double macroPrecision, double macroRecall, double hammingLoss,
        @JsonSerialize(using = NanAsNull.Writer.class) @JsonDeserialize(using = NanAsNull.Reader.class)
        double rocAucMacro,
        @JsonSerialize(using = NanAsNull.Writer.class) @JsonDeserialize(using = NanAsNull.Reader.class)
        double averagePrecisionMacro,
        Map<String, ClassMetrics> perClass, ConfusionMatrix confusion, Map<String, GroupMetrics> frequencyGroups,
        List<PolyphonyMetrics> polyphony) {

    public Evaluation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(confusion, "confusion");
        labels = List.copyOf(labels);
        perClass = ordered(perClass);
        frequencyGroups = ordered(frequencyGroups);
        polyphony = List.copyOf(polyphony);
    }

    /** The same scores under another name (e.g. a baseline labelled for a results table). */
    public Evaluation withName(String name) {
        return new Evaluation(name, n, labels, task, jointAccuracy, macroF1, microF1, macroPrecision, macroRecall,
                hammingLoss, rocAucMacro, averagePrecisionMacro, perClass, confusion, frequencyGroups, polyphony);
    }

    /**
     * Macro F1 over the labels that occur in the truth (support > 0), NaN if none does: what
     * "macro-F1 over the classes present" means where a test set lacks some classes (tape-grouped
     * splits), since a class with no support and no predictions has F1 0 in {@link #macroF1()}.
     * Derived from {@link #perClass()}, so it is not a JSON field of its own.
     */
    public double macroF1Present() {
        return perClass.values().stream().filter(c -> c.support() > 0).mapToDouble(ClassMetrics::f1).average()
                .orElse(Double.NaN);
    }

    /** Map.copyOf would lose the order that makes the JSON readable. */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        return Collections.unmodifiableMap(copy);
    }
}
