package org.echomask.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.echomask.EchomaskException;
import org.echomask.io.CsvErrors;
import org.echomask.io.CsvLines;

/**
 * The CSV layer of the manifests (a dataset's {@code manifest.csv} and the source manifests of
 * {@code echomask dataset --manifest}): UTF-8 with or without a byte-order mark (spreadsheets
 * write one), and every problem an {@link EchomaskException} naming the file and the line, never
 * a parser's exception: a short row, a long row, an unclosed quote, a repeated column name.
 */
final class ManifestCsv {
    private ManifestCsv() {}

    /** A data row: its 1-based line in the file and its cells by column name. */
    record Row(int line, Map<String, String> cells) {
        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** The header (blank column names dropped) and the rows; blank lines skipped. */
    record Table(List<String> header, List<Row> rows) {}

    /**
     * @param trim strip spaces around cells and names (hand-written source manifests); a dataset's
     *     own manifest is read as written
     */
    static Table read(Path manifest, boolean trim) {
        String text = decode(manifest);
        CsvLines lines = new CsvLines(text);
        List<String> header = null;
        List<Integer> columns = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int lastLine = 0;
        try (CSVParser csv = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            Iterator<CSVRecord> it = csv.iterator();
            while (it.hasNext()) {
                CSVRecord r = it.next();
                int line = lines.lineOf(r.getCharacterPosition());
                lastLine = line;
                List<String> cells = r.stream().map(c -> trim ? c.strip() : c).toList();
                if (header == null) {
                    header = cells;
                    Set<String> seen = new HashSet<>();
                    for (int c = 0; c < cells.size(); c++) {
                        String name = cells.get(c);
                        if (name.isBlank()) {
                            continue; // a trailing separator in the header names no column
                        }
                        if (!seen.add(name)) {
                            throw new EchomaskException(manifest + ", line " + line + ": column \"" + name
                                    + "\" appears twice in the header");
                        }
                        columns.add(c);
                    }
                    continue;
                }
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                if (cells.size() < header.size()) {
                    throw new EchomaskException(manifest + ", line " + line + ": " + cells.size()
                            + " field(s) but the header has " + header.size() + " columns " + header);
                }
                for (int c = header.size(); c < cells.size(); c++) {
                    if (!cells.get(c).isBlank()) {
                        throw new EchomaskException(manifest + ", line " + line + ": " + cells.size()
                                + " fields but the header has " + header.size() + " columns " + header);
                    }
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int c : columns) {
                    row.put(header.get(c), cells.get(c));
                }
                rows.add(new Row(line, row));
            }
        } catch (EchomaskException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // commons-csv: an unclosed quote, or text after a closing quote.
            throw new EchomaskException(manifest + ": malformed CSV after line " + lastLine + ": "
                    + CsvErrors.describe(e), e);
        }
        if (header == null) {
            throw new EchomaskException(manifest + ": empty file, expected a header row");
        }
        List<String> names = columns.stream().map(header::get).toList();
        return new Table(names, rows);
    }

    private static String decode(Path manifest) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifest);
        } catch (IOException e) {
            throw new EchomaskException(manifest + ": cannot read manifest: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new EchomaskException(manifest + ": not UTF-8 text; save the manifest as UTF-8 CSV", e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
