package org.echomask.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.echomask.EchomaskException;
import org.echomask.io.AtomicFiles;

/**
 * Raven Pro selection tables: tab-separated text, one header row, columns in any order.
 *
 * <p>Reading: column names match trimmed and case-insensitively; columns other than the standard
 * ones and the label column are kept in {@link Selection#extra()} under their header name
 * (including a combined table's "Begin File", "Begin Path" and "File Offset (s)"). Raven writes one
 * row per view (e.g. "Waveform 1" and "Spectrogram 1") with the same selection number; those rows
 * collapse into one selection, preferring the spectrogram row. Two rows with the same number but
 * different times or labels are an error, since that is what concatenating two tables produces.
 * Empty frequency cells read as NaN; a missing Channel as 1.
 *
 * <p>Writing: the standard columns, the label column, then the extra columns (the union over all
 * selections in first-seen order, empty where a selection lacks one), one "Spectrogram 1" row per
 * selection numbered from 1, numbers with at most 6 decimals and no exponent, NaN as an empty cell.
 */
public final class RavenTable {
    public static final String SELECTION = "Selection";
    public static final String VIEW = "View";
    public static final String CHANNEL = "Channel";
    public static final String BEGIN_TIME = "Begin Time (s)";
    public static final String END_TIME = "End Time (s)";
    public static final String LOW_FREQ = "Low Freq (Hz)";
    public static final String HIGH_FREQ = "High Freq (Hz)";
    public static final String BEGIN_FILE = "Begin File";
    public static final String BEGIN_PATH = "Begin Path";
    public static final String FILE_OFFSET = "File Offset (s)";
    /** Written before the label column, in this order. */
    public static final List<String> STANDARD_COLUMNS =
            List.of(SELECTION, VIEW, CHANNEL, BEGIN_TIME, END_TIME, LOW_FREQ, HIGH_FREQ);
    /** Label columns tried in this order when none is named. */
    public static final List<String> LABEL_COLUMNS =
            List.of("Species", "Annotation", "Label", "Class", "Call Type", "Sound Type", "Category", "Type");
    /** Label column of {@link #write(Path, List)}. */
    public static final String DEFAULT_LABEL_COLUMN = "Annotation";
    private static final String WRITTEN_VIEW = "Spectrogram 1";
    /** Times of two view rows of one selection agree to Raven's printed precision. */
    private static final double SAME_TIME_S = 1e-6;

    private RavenTable() {}

    /** A recording's selections for {@link #writeCombined}: times relative to the recording. */
    public record FileSelections(Path recording, double timelineOffset, List<Selection> selections) {
        /**
         * @param timelineOffset where the recording starts in the table's combined timeline, seconds
         *     (the sum of the durations of the files before it, as Raven counts for a file sequence)
         */
        public FileSelections {
            Objects.requireNonNull(recording, "recording");
            if (!(timelineOffset >= 0) || Double.isInfinite(timelineOffset)) {
                throw new IllegalArgumentException("timeline offset must be finite and >= 0: " + timelineOffset);
            }
            selections = List.copyOf(selections);
        }
    }

    /** Reads a table, taking labels from the first column of {@link #LABEL_COLUMNS} present. */
    public static List<Selection> read(Path table) {
        return read(table, null);
    }

    /** Reads a table with labels from {@code labelColumn} (null: the first of {@link #LABEL_COLUMNS} present). */
    public static List<Selection> read(Path table, String labelColumn) {
        return parse(table, labelColumn, null);
    }

    /**
     * Reads a single-class table (e.g. a detector's output, with no label column) giving every
     * selection {@code label}; all non-standard columns go to extra.
     */
    public static List<Selection> readAs(Path table, String label) {
        if (label == null || label.isBlank() || LabelSet.problemWith(label) != null) {
            throw new IllegalArgumentException(label == null || label.isBlank() ? "label must not be blank"
                    : LabelSet.problemWith(label));
        }
        return parse(table, null, label);
    }

    /** Reads several tables (one per recording, usually), in the given order. */
    public static Map<Path, List<Selection>> readAll(List<Path> tables, String labelColumn) {
        Map<Path, List<Selection>> out = new LinkedHashMap<>();
        for (Path t : tables) {
            out.put(t, read(t, labelColumn));
        }
        return out;
    }

    /**
     * Splits a combined multi-file table by its "Begin Path" (else "Begin File") column, moving
     * each selection to its file's own time axis when "File Offset (s)" is present (begin = offset,
     * end = offset + duration). Keys keep the table's spelling, as the paths may be another
     * machine's.
     */
    public static Map<String, List<Selection>> splitByFile(List<Selection> selections) {
        Map<String, List<Selection>> out = new LinkedHashMap<>();
        for (Selection s : selections) {
            String file = extraValue(s, BEGIN_PATH);
            if (file == null || file.isBlank()) {
                file = extraValue(s, BEGIN_FILE);
            }
            if (file == null || file.isBlank()) {
                throw new EchomaskException("selection at " + s.begin() + " s has no \"" + BEGIN_PATH + "\" or \""
                        + BEGIN_FILE + "\" value; this is not a combined multi-file table");
            }
            String offset = extraValue(s, FILE_OFFSET);
            Selection local = s;
            if (offset != null && !offset.isBlank()) {
                double o = TextTables.parseNumber(offset, false, null, 0, FILE_OFFSET);
                local = s.withTimes(o, o + s.duration());
            }
            out.computeIfAbsent(file, k -> new ArrayList<>()).add(local);
        }
        return out;
    }

    /** Writes a standard table with the label in {@link #DEFAULT_LABEL_COLUMN}. */
    public static void write(Path table, List<Selection> selections) {
        write(table, selections, DEFAULT_LABEL_COLUMN);
    }

    public static void write(Path table, List<Selection> selections, String labelColumn) {
        write(table, selections, labelColumn, null, null);
    }

    /**
     * Writes a standard table with a score column (e.g. a detector's confidence) right after the
     * label column; {@code scoreColumn} null writes none and then {@code scores} is ignored.
     */
    public static void write(Path table, List<Selection> selections, String labelColumn, String scoreColumn,
            double[] scores) {
        checkLabelColumn(labelColumn);
        List<String> fixed = new ArrayList<>(STANDARD_COLUMNS);
        fixed.add(labelColumn);
        if (scoreColumn != null) {
            checkLabelColumn(scoreColumn);
            if (scores == null || scores.length != selections.size()) {
                throw new IllegalArgumentException("need one score per selection: " + selections.size()
                        + " selections, " + (scores == null ? "no" : scores.length) + " scores");
            }
            fixed.add(scoreColumn);
        }
        List<String> extras = extraColumns(selections, fixed);
        StringBuilder sb = header(fixed, extras);
        for (int i = 0; i < selections.size(); i++) {
            Selection s = selections.get(i);
            List<String> row = standardCells(i + 1, s, 0);
            row.add(s.label());
            if (scoreColumn != null) {
                row.add(TextTables.formatNumber(scores[i]));
            }
            appendRow(sb, row, s, extras);
        }
        AtomicFiles.writeString(table, sb.toString());
    }

    /**
     * Writes one table over several recordings, as Raven does for a file sequence: Begin/End Time
     * on the combined timeline (offset + time in file), "Begin Path" the recording and
     * "File Offset (s)" the begin time within it. Selections are numbered across all files.
     */
    public static void writeCombined(Path table, List<FileSelections> files, String labelColumn) {
        checkLabelColumn(labelColumn);
        List<String> fixed = new ArrayList<>(STANDARD_COLUMNS);
        fixed.add(labelColumn);
        fixed.add(BEGIN_PATH);
        fixed.add(FILE_OFFSET);
        List<Selection> all = files.stream().flatMap(f -> f.selections().stream()).toList();
        List<String> extras = extraColumns(all, withReserved(fixed, BEGIN_FILE));
        StringBuilder sb = header(fixed, extras);
        int number = 1;
        for (FileSelections f : files) {
            for (Selection s : f.selections()) {
                List<String> row = standardCells(number++, s, f.timelineOffset());
                row.add(s.label());
                row.add(f.recording().toString());
                row.add(TextTables.formatNumber(s.begin()));
                appendRow(sb, row, s, extras);
            }
        }
        AtomicFiles.writeString(table, sb.toString());
    }

    // ---- reading ----

    private record Row(int lineNo, String view, Selection selection) {}

    private static List<Selection> parse(Path path, String labelColumn, String fixedLabel) {
        List<String> lines = TextTables.readLines(path);
        int h = 0;
        while (h < lines.size() && lines.get(h).isBlank()) {
            h++;
        }
        if (h == lines.size()) {
            throw new AnnotationFileException(path, 0, null, "empty file, expected a Raven selection table header");
        }
        List<String> header = TextTables.splitTabs(lines.get(h)).stream().map(String::strip).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                continue; // a stray trailing tab in the header names no column
            }
            if (index.putIfAbsent(TextTables.key(header.get(c)), c) != null) {
                throw new AnnotationFileException(path, h + 1, header.get(c), "column appears twice in the header");
            }
        }
        int begin = require(index, BEGIN_TIME, path, h, header);
        int end = require(index, END_TIME, path, h, header);
        Integer labelIdx = fixedLabel != null ? null : labelIndex(index, labelColumn, path, h, header);
        Set<Integer> known = new LinkedHashSet<>();
        for (String c : STANDARD_COLUMNS) {
            Integer i = index.get(TextTables.key(c));
            if (i != null) {
                known.add(i);
            }
        }
        if (labelIdx != null) {
            known.add(labelIdx);
        }
        Integer selIdx = index.get(TextTables.key(SELECTION));
        Integer viewIdx = index.get(TextTables.key(VIEW));
        Integer chanIdx = index.get(TextTables.key(CHANNEL));
        Integer lowIdx = index.get(TextTables.key(LOW_FREQ));
        Integer highIdx = index.get(TextTables.key(HIGH_FREQ));

        Map<Long, Row> bySelection = new LinkedHashMap<>();
        long rowCount = 0;
        for (int l = h + 1; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) {
                continue;
            }
            int lineNo = l + 1;
            rowCount++;
            List<String> cells = new ArrayList<>(TextTables.splitTabs(line));
            while (cells.size() > header.size() && cells.get(cells.size() - 1).isBlank()) {
                cells.remove(cells.size() - 1);
            }
            if (cells.size() > header.size()) {
                throw new AnnotationFileException(path, lineNo, null,
                        cells.size() + " fields but the header has " + header.size() + " columns");
            }
            while (cells.size() < header.size()) {
                cells.add("");
            }
            long number = selIdx == null ? rowCount : integer(cells.get(selIdx), path, lineNo, header.get(selIdx));
            String view = viewIdx == null ? "" : cells.get(viewIdx).strip();
            int channel = chanIdx == null || cells.get(chanIdx).isBlank() ? 1
                    : (int) integer(cells.get(chanIdx), path, lineNo, header.get(chanIdx));
            double b = TextTables.parseNumber(cells.get(begin), false, path, lineNo, header.get(begin));
            double e = TextTables.parseNumber(cells.get(end), false, path, lineNo, header.get(end));
            double lo = optionalNumber(cells, lowIdx, header, path, lineNo);
            double hi = optionalNumber(cells, highIdx, header, path, lineNo);
            String label = fixedLabel != null ? fixedLabel : cells.get(labelIdx).strip();
            if (label.isEmpty()) {
                throw new AnnotationFileException(path, lineNo, header.get(labelIdx), "empty label");
            }
            String bad = LabelSet.problemWith(label);
            if (bad != null) {
                throw new AnnotationFileException(path, lineNo, fixedLabel != null ? null : header.get(labelIdx), bad);
            }
            Map<String, String> extra = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (!known.contains(c) && !header.get(c).isEmpty()) {
                    extra.put(header.get(c), cells.get(c));
                }
            }
            Selection s;
            try {
                s = new Selection(b, e, lo, hi, label, channel, extra);
            } catch (IllegalArgumentException ex) {
                throw new AnnotationFileException(path, lineNo, null, ex.getMessage(), ex);
            }
            Row row = new Row(lineNo, view, s);
            Row seen = bySelection.putIfAbsent(number, row);
            if (seen != null) {
                bySelection.put(number, mergeViews(seen, row, number, path));
            }
        }
        return bySelection.values().stream().map(Row::selection).toList();
    }

    /** Keeps one of two rows of the same selection number; they must describe the same event. */
    private static Row mergeViews(Row a, Row b, long number, Path path) {
        Selection x = a.selection();
        Selection y = b.selection();
        if (Math.abs(x.begin() - y.begin()) > SAME_TIME_S || Math.abs(x.end() - y.end()) > SAME_TIME_S
                || !x.label().equals(y.label())) {
            throw new AnnotationFileException(path, b.lineNo(), SELECTION, "selection " + number
                    + " also appears on line " + a.lineNo() + " with different times or label;"
                    + " selection numbers must be unique apart from Raven's one row per view");
        }
        boolean bIsSpectrogram = b.view().toLowerCase(Locale.ROOT).startsWith("spectrogram");
        boolean aIsSpectrogram = a.view().toLowerCase(Locale.ROOT).startsWith("spectrogram");
        return bIsSpectrogram && !aIsSpectrogram ? b : a;
    }

    private static int require(Map<String, Integer> index, String column, Path path, int h, List<String> header) {
        Integer i = index.get(TextTables.key(column));
        if (i == null) {
            throw new AnnotationFileException(path, h + 1, column, "required column missing; columns are " + header);
        }
        return i;
    }

    private static int labelIndex(Map<String, Integer> index, String labelColumn, Path path, int h,
            List<String> header) {
        if (labelColumn != null) {
            Integer i = index.get(TextTables.key(labelColumn));
            if (i == null) {
                throw new AnnotationFileException(path, h + 1, labelColumn,
                        "label column missing; columns are " + header);
            }
            return i;
        }
        for (String c : LABEL_COLUMNS) {
            Integer i = index.get(TextTables.key(c));
            if (i != null) {
                return i;
            }
        }
        throw new AnnotationFileException(path, h + 1, null, "no label column: looked for " + LABEL_COLUMNS
                + " among columns " + header + "; name the label column, or give one label for the whole table");
    }

    private static long integer(String text, Path path, int lineNo, String column) {
        String t = text.strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new AnnotationFileException(path, lineNo, column, "not an integer: \"" + text + "\"");
        }
    }

    private static double optionalNumber(List<String> cells, Integer idx, List<String> header, Path path, int lineNo) {
        if (idx == null || cells.get(idx).isBlank()) {
            return Double.NaN;
        }
        return TextTables.parseNumber(cells.get(idx), false, path, lineNo, header.get(idx));
    }

    private static String extraValue(Selection s, String column) {
        for (Map.Entry<String, String> e : s.extra().entrySet()) {
            if (TextTables.key(e.getKey()).equals(TextTables.key(column))) {
                return e.getValue();
            }
        }
        return null;
    }

    // ---- writing ----

    private static void checkLabelColumn(String column) {
        if (column == null || column.isBlank() || !column.strip().equals(column)
                || column.contains("\t") || column.contains("\n") || column.contains("\r")) {
            throw new IllegalArgumentException("bad column name: \"" + column + "\"");
        }
        for (String c : STANDARD_COLUMNS) {
            if (TextTables.key(c).equals(TextTables.key(column))) {
                throw new IllegalArgumentException("\"" + column + "\" is a standard Raven column");
            }
        }
    }

    private static List<String> withReserved(List<String> fixed, String more) {
        List<String> out = new ArrayList<>(fixed);
        out.add(more);
        return out;
    }

    /** Union of the selections' extra columns, first-seen order, minus those the table already has. */
    private static List<String> extraColumns(List<Selection> selections, List<String> reserved) {
        Set<String> taken = new LinkedHashSet<>();
        reserved.forEach(c -> taken.add(TextTables.key(c)));
        List<String> out = new ArrayList<>();
        for (Selection s : selections) {
            for (String c : s.extra().keySet()) {
                if (!c.isBlank() && taken.add(TextTables.key(c))) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static StringBuilder header(List<String> fixed, List<String> extras) {
        StringBuilder sb = new StringBuilder();
        List<String> all = new ArrayList<>(fixed);
        all.addAll(extras);
        for (int i = 0; i < all.size(); i++) {
            sb.append(i == 0 ? "" : "\t").append(TextTables.tabField(all.get(i)));
        }
        return sb.append('\n');
    }

    private static List<String> standardCells(int number, Selection s, double offset) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(number));
        row.add(WRITTEN_VIEW);
        row.add(Integer.toString(s.channel()));
        row.add(TextTables.formatNumber(offset + s.begin()));
        row.add(TextTables.formatNumber(offset + s.end()));
        row.add(TextTables.formatNumber(s.lowFreqHz()));
        row.add(TextTables.formatNumber(s.highFreqHz()));
        return row;
    }

    private static void appendRow(StringBuilder sb, List<String> row, Selection s, List<String> extras) {
        for (String c : extras) {
            row.add(s.extra().getOrDefault(c, ""));
        }
        for (int i = 0; i < row.size(); i++) {
            sb.append(i == 0 ? "" : "\t").append(TextTables.tabField(row.get(i)));
        }
        sb.append('\n');
    }
}
