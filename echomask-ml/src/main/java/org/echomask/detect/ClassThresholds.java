package org.echomask.detect;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        Map<String, Double> out = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(csv); CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderMap().containsKey("label") || !parser.getHeaderMap().containsKey("threshold")) {
                throw new EchomaskException(csv + ": needs a header with columns label,threshold; found "
                        + parser.getHeaderNames());
            }
            for (CSVRecord r : parser) {
                String label = r.get("label");
                double t;
                try {
                    t = Double.parseDouble(r.get("threshold"));
                } catch (NumberFormatException e) {
                    throw new EchomaskException(csv + ": line " + parser.getCurrentLineNumber() + ": threshold '"
                            + r.get("threshold") + "' is not a number", e);
                }
                if (out.put(label, t) != null) {
                    throw new EchomaskException(csv + ": label '" + label + "' appears twice");
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new EchomaskException(csv + ": cannot read thresholds: " + e.getMessage(), e);
        }
        return out;
    }

    private static void check(double t, String what) {
        if (!(t > 0 && t <= 1)) {
            throw new EchomaskException(what + " must be in (0, 1], got " + t);
        }
    }
}
