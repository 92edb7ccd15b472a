package org.echomask.detect;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.echomask.EchomaskException;

/**
 * The per-label CSV files analysis takes (thresholds, bands): a header naming the required
 * columns (others ignored), trimmed cells, empty lines skipped, and every problem reported with
 * the file and line.
 */
final class LabelCsv {
    private LabelCsv() {}

    /**
     * Hands each row to {@code row}; an {@link EchomaskException} it throws is reported with the
     * file and line.
     *
     * @param what what the file holds, for messages ("thresholds")
     */
    static void read(Path csv, List<String> columns, String what, Consumer<CSVRecord> row) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(csv); CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderMap().keySet().containsAll(columns)) {
                throw new EchomaskException(csv + ": needs a header with columns " + String.join(",", columns) + "; found "
                        + parser.getHeaderNames());
            }
            for (CSVRecord r : parser) {
                try {
                    row.accept(r);
                } catch (EchomaskException e) {
                    throw new EchomaskException(csv + ": line " + parser.getCurrentLineNumber() + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new EchomaskException(csv + ": cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /** A cell as a number, or an error naming the column and the value. */
    static double number(CSVRecord r, String column) {
        try {
            return Double.parseDouble(r.get(column));
        } catch (NumberFormatException e) {
            throw new EchomaskException(column + " '" + r.get(column) + "' is not a number", e);
        }
    }
}
