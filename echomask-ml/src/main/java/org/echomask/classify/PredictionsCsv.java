package org.echomask.classify;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.echomask.io.AtomicFiles;

/**
 * {@code predictions.csv}: id, true labels, predicted labels (';'-joined, empty = none) and one
 * probability column per label ({@code p_<label>}), written atomically.
 */
public final class PredictionsCsv {
    private PredictionsCsv() {}

    public static void write(Path file, List<String> labels, List<ClassifierModel.Prediction> predictions) {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                List<String> header = new ArrayList<>(List.of("id", "true_labels", "predicted_labels"));
                labels.forEach(l -> header.add("p_" + l));
                p.printRecord(header);
                for (ClassifierModel.Prediction x : predictions) {
                    List<Object> row = new ArrayList<>(List.of(x.id(), String.join(";", x.trueLabels()),
                            String.join(";", x.predicted())));
                    for (float v : x.labelProbabilities()) {
                        row.add(String.format(Locale.ROOT, "%.6f", v));
                    }
                    p.printRecord(row);
                }
                p.flush();
            }
        });
    }
}
