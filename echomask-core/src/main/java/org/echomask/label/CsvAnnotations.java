package org.echomask.label;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.echomask.io.AtomicFiles;
import org.echomask.io.CsvErrors;
import org.echomask.io.CsvLines;

/**
 * Annotations as CSV: {@code recording,begin_s,end_s,low_hz,high_hz,label} plus any other
 * columns (kept in {@link Selection#extra()}). Header names match case-insensitively with
 * punctuation folded to '_' ("Begin Time (s)" = begin_time_s), and common aliases are accepted
 * (see {@link #ALIASES}); where a file has several aliases of one column, the first alias in that
 * list wins and the others are kept as extra columns. Frequency columns and cells are optional
 * (NaN when empty). A file whose header has semicolons and no commas is read as semicolon
 * separated (spreadsheets under comma-decimal locales), and then decimal commas are accepted.
 */
public final class CsvAnnotations {
    public static final String RECORDING = "recording";
    public static final String BEGIN = "begin_s";
    public static final String END = "end_s";
    public static final String LOW = "low_hz";
    public static final String HIGH = "high_hz";
    public static final String LABEL = "label";
    /** Accepted header names per column (after folding), in priority order. */
    public static final Map<String, List<String>> ALIASES = aliases();

    private CsvAnnotations() {}

    /** Reads a CSV over several recordings, grouped by recording in first-seen order. */
    public static Map<String, List<Selection>> read(Path csv) {
        Parsed p = parse(csv, true);
        return p.byRecording;
    }

    /**
     * Reads a CSV for one recording; a recording column may be present but must then hold a single
     * value throughout.
     */
    public static List<Selection> readSingle(Path csv) {
        Parsed p = parse(csv, false);
        if (p.byRecording.size() > 1) {
            throw new AnnotationFileException(csv, 0, p.recordingColumn, "expected annotations of one recording, found "
                    + p.byRecording.size() + ": " + p.byRecording.keySet());
        }
        return p.byRecording.isEmpty() ? List.of() : p.byRecording.values().iterator().next();
    }

    /** Writes selections per recording; extra columns follow, union in first-seen order. */
    public static void write(Path csv, Map<String, List<Selection>> byRecording) {
        List<Selection> all = byRecording.values().stream().flatMap(List::stream).toList();
        List<String> extras = extraColumns(all);
        List<String> header = new ArrayList<>(List.of(RECORDING, BEGIN, END, LOW, HIGH, LABEL));
        header.addAll(extras);
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(header);
            for (Map.Entry<String, List<Selection>> e : byRecording.entrySet()) {
                for (Selection s : e.getValue()) {
                    List<String> row = new ArrayList<>(List.of(e.getKey(), TextTables.formatNumber(s.begin()),
                            TextTables.formatNumber(s.end()), TextTables.formatNumber(s.lowFreqHz()),
                            TextTables.formatNumber(s.highFreqHz()), s.label()));
                    for (String c : extras) {
                        row.add(s.extra().getOrDefault(c, ""));
                    }
                    printer.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(csv, out.toString());
    }

    private record Parsed(Map<String, List<Selection>> byRecording, String recordingColumn) {}

    private static Parsed parse(Path csv, boolean needRecording) {
        String text = TextTables.readText(csv);
        CsvLines lines = new CsvLines(text);
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        boolean semicolons = firstLine.indexOf(',') < 0 && firstLine.indexOf(';') >= 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(semicolons ? ';' : ',')
                .setIgnoreEmptyLines(true).get();
        Map<String, List<Selection>> out = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            var it = parser.iterator();
            if (!it.hasNext()) {
                throw new AnnotationFileException(csv, 0, null, "empty file, expected a header row");
            }
            CSVRecord headerRecord = it.next();
            int headerLine = lines.lineOf(headerRecord.getCharacterPosition());
            List<String> header = headerRecord.stream().map(String::strip).toList();
            Map<String, Integer> roles = roles(header);
            for (String required : needRecording ? List.of(RECORDING, BEGIN, END, LABEL) : List.of(BEGIN, END, LABEL)) {
                if (!roles.containsKey(required)) {
                    throw new AnnotationFileException(csv, headerLine, required, "required column missing (accepted names: "
                            + ALIASES.get(required) + "); columns are " + header);
                }
            }
            Set<Integer> used = new HashSet<>(roles.values());
            while (it.hasNext()) {
                CSVRecord r = it.next();
                int line = lines.lineOf(r.getCharacterPosition());
                if (r.size() == 1 && r.get(0).isBlank()) {
                    continue;
                }
                if (r.size() != header.size()) {
                    throw new AnnotationFileException(csv, line, null,
                            r.size() + " fields but the header has " + header.size() + " columns");
                }
                String recording = roles.containsKey(RECORDING) ? r.get(roles.get(RECORDING)).strip() : "";
                if (needRecording && recording.isEmpty()) {
                    throw new AnnotationFileException(csv, line, header.get(roles.get(RECORDING)), "empty recording");
                }
                double b = number(r, roles.get(BEGIN), header, csv, line, semicolons, true);
                double e = number(r, roles.get(END), header, csv, line, semicolons, true);
                double lo = number(r, roles.get(LOW), header, csv, line, semicolons, false);
                double hi = number(r, roles.get(HIGH), header, csv, line, semicolons, false);
                String label = r.get(roles.get(LABEL)).strip();
                if (label.isEmpty()) {
                    throw new AnnotationFileException(csv, line, header.get(roles.get(LABEL)), "empty label");
                }
                String bad = LabelSet.problemWith(label);
                if (bad != null) {
                    throw new AnnotationFileException(csv, line, header.get(roles.get(LABEL)), bad);
                }
                Map<String, String> extra = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    if (!used.contains(c) && !header.get(c).isEmpty()) {
                        extra.put(header.get(c), r.get(c));
                    }
                }
                try {
                    out.computeIfAbsent(recording, k -> new ArrayList<>())
                            .add(new Selection(b, e, lo, hi, label, 1, extra));
                } catch (IllegalArgumentException ex) {
                    throw new AnnotationFileException(csv, line, null, ex.getMessage(), ex);
                }
            }
            return new Parsed(out, roles.containsKey(RECORDING) ? header.get(roles.get(RECORDING)) : null);
        } catch (IOException | UncheckedIOException e) {
            throw new AnnotationFileException(csv, 0, null, "malformed CSV: " + CsvErrors.describe(e), e);
        }
    }

    /** Column index per role: for each role the highest-priority alias present. */
    private static Map<String, Integer> roles(List<String> header) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            byName.putIfAbsent(fold(header.get(c)), c);
        }
        Map<String, Integer> roles = new LinkedHashMap<>();
        ALIASES.forEach((role, names) -> names.stream().filter(byName::containsKey).findFirst()
                .ifPresent(n -> roles.put(role, byName.get(n))));
        return roles;
    }

    private static double number(CSVRecord r, Integer idx, List<String> header, Path csv, int line,
            boolean commaDecimal, boolean required) {
        if (idx == null || (!required && r.get(idx).isBlank())) {
            return Double.NaN;
        }
        return TextTables.parseNumber(r.get(idx), commaDecimal, csv, line, header.get(idx));
    }

    private static List<String> extraColumns(List<Selection> selections) {
        Set<String> taken = new HashSet<>();
        ALIASES.values().forEach(taken::addAll);
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Selection s : selections) {
            for (String c : s.extra().keySet()) {
                String f = fold(c);
                if (!f.isEmpty() && !taken.contains(f) && seen.add(f)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Lower case, runs of non-alphanumerics to one '_', no leading/trailing '_'. */
    static String fold(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return s.replaceAll("^_+|_+$", "");
    }

    private static Map<String, List<String>> aliases() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(RECORDING, List.of("recording", "file", "filename", "file_name", "path", "audio", "audio_file",
                "begin_path", "begin_file"));
        m.put(BEGIN, List.of("begin_s", "begin", "start_s", "start", "begin_time_s", "begin_time", "start_time_s",
                "start_time", "onset_s", "onset"));
        m.put(END, List.of("end_s", "end", "stop_s", "stop", "end_time_s", "end_time", "stop_time_s", "stop_time"));
        m.put(LOW, List.of("low_hz", "low", "low_freq_hz", "low_freq", "low_frequency", "freq_low", "min_freq",
                "fmin", "f_min"));
        m.put(HIGH, List.of("high_hz", "high", "high_freq_hz", "high_freq", "high_frequency", "freq_high",
                "max_freq", "fmax", "f_max"));
        m.put(LABEL, List.of("label", "labels", "species", "class", "annotation", "category", "call_type"));
        return java.util.Collections.unmodifiableMap(m);
    }
}
