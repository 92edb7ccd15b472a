package org.echomask.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.io.AtomicFiles;
import org.echomask.io.Json;

/**
 * The run's history as {@code metrics.csv} and {@code metrics.json} in the run directory, both
 * rewritten atomically after every epoch, so a plot or a tail never reads half a file.
 * Columns: epoch, train_loss, val_loss, val_&lt;metric&gt;, learning_rate, seconds,
 * train_examples_per_s, heap_used_mb, rss_mb. The JSON is a list of objects with the same keys;
 * values that are not finite are written as null there and as Java spells them (NaN, Infinity) in
 * the CSV.
 */
public final class MetricsFiles {
    public static final String CSV = "metrics.csv";
    public static final String JSON = "metrics.json";

    private MetricsFiles() {}

    public static List<String> columns(String metricName) {
        return List.of("epoch", "train_loss", "val_loss", "val_" + metricName, "learning_rate", "seconds",
                "train_examples_per_s", "heap_used_mb", "rss_mb");
    }

    public static void write(Path runDir, String metricName, List<EpochRecord> history) {
        List<String> columns = columns(metricName);
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        List<Map<String, Object>> json = new ArrayList<>(history.size());
        for (EpochRecord r : history) {
            double[] values = {r.trainLoss(), r.valLoss(), r.valScore(), r.learningRate(), r.seconds(),
                r.trainExamplesPerSecond(), r.heapUsedMb(), r.rssMb()};
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(columns.get(0), r.epoch());
            csv.append(r.epoch());
            for (int i = 0; i < values.length; i++) {
                // Shortest round-trip decimal: the CSV carries the exact double (NaN, Infinity as Java spells them).
                csv.append(',').append(Double.toString(values[i]));
                row.put(columns.get(i + 1), Double.isFinite(values[i]) ? values[i] : null);
            }
            csv.append('\n');
            json.add(row);
        }
        AtomicFiles.writeString(runDir.resolve(CSV), csv.toString());
        Json.writeFile(runDir.resolve(JSON), json);
    }
}
