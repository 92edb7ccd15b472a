package org.echomask.detect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;

/** Per-label decision thresholds: one default, optionally overridden per label from a CSV file. */
public final class ClassThresholds {
    private ClassThresholds() {}

    /**
     * One threshold per label: {@code overrides} where given, {@code defaultValue} elsewhere.
     * Unknown labels in the overrides and values outside (0, 1] are errors.
     */
    public static double[] of(List<String> labels, double defaultValue, Map<String, Double> overrides) {
        check(defaultValue, "default threshold");
        for (String l : overrides.keySet()) {
            if (!labels.contains(l)) {
                throw new EchomaskException("threshold for unknown label '" + l + "'; the models' labels are " + labels);
            }
        }
        double[] out = new double[labels.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = overrides.getOrDefault(labels.get(j), defaultValue);
            check(out[j], "threshold of " + labels.get(j));
        }
        return out;
    }

    /** Reads a CSV with columns {@code label,threshold} (header required, other columns ignored). */
    public static Map<String, Double> read(Path csv) {
        Map<String, Double> out = new LinkedHashMap<>();
        LabelCsv.read(csv, List.of("label", "threshold"), "thresholds", r -> {
            if (out.put(r.get("label"), LabelCsv.number(r, "threshold")) != null) {
                throw new EchomaskException("label '" + r.get("label") + "' appears twice");
            }
        });
        return out;
    }

    private static void check(double t, String what) {
        if (!(t > 0 && t <= 1)) {
            throw new EchomaskException(what + " must be in (0, 1], got " + t);
        }
    }
}
