package org.echomask.dataset;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.echomask.EchomaskException;
import org.echomask.io.AtomicFiles;
import org.echomask.label.LabelSet;

/**
 * The {@code manifest.csv} of a dataset directory: one row per example. The fixed columns come
 * first; columns added by later stages (e.g. mask proposals) are kept as extras, in order.
 * Labels are ';'-separated ({@link LabelSet#SEPARATOR}) and sorted; an empty cell means no label.
 */
public final class DatasetManifest {
    public static final String FILE_NAME = "manifest.csv";
    static final List<String> COLUMNS = List.of("id", "recording", "start_s", "end_s", "labels", "split", "group",
            "array", "image", "hq_mask");

    private DatasetManifest() {}

    /**
     * Reads a dataset's manifest; a UTF-8 byte-order mark is accepted, and any problem is an
     * {@link EchomaskException} naming the file and line.
     */
    public static List<DatasetEntry> read(Path manifest) {
        ManifestCsv.Table csv = ManifestCsv.read(manifest, false);
        List<String> header = csv.header();
        for (String c : COLUMNS) {
            if (!header.contains(c)) {
                throw new EchomaskException(manifest + ": not a dataset manifest, column '" + c + "' missing (has " + header + ")");
            }
        }
        List<String> extras = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        List<DatasetEntry> out = new ArrayList<>();
        for (ManifestCsv.Row r : csv.rows()) {
            try {
                Map<String, String> extra = new LinkedHashMap<>();
                for (String e : extras) {
                    extra.put(e, r.get(e));
                }
                out.add(new DatasetEntry(r.get("id"), r.get("recording"), seconds(r.get("start_s"), "start_s"),
                        seconds(r.get("end_s"), "end_s"), parseLabels(r.get("labels")), r.get("split"),
                        r.get("group"), r.get("array"), r.get("image"), r.get("hq_mask"), extra));
            } catch (IllegalArgumentException e) {
                throw new EchomaskException(manifest + ", line " + r.line() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static double seconds(String cell, String column) {
        try {
            double v = Double.parseDouble(cell.strip());
            if (Double.isFinite(v) && !cell.strip().matches(".*[^0-9eE+.-].*")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(column + " is not a number of seconds: \"" + cell + "\"");
    }

    /** Writes the manifest atomically; extra columns are the union over entries, in first-seen order. */
    public static void write(Path manifest, List<DatasetEntry> entries) {
        Set<String> extras = new LinkedHashSet<>();
        entries.forEach(e -> extras.addAll(e.extra().keySet()));
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(extras);
        AtomicFiles.write(manifest, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                p.printRecord(header);
                for (DatasetEntry e : entries) {
                    List<Object> row = new ArrayList<>(Arrays.asList(e.id(), e.recording(), seconds(e.startS()),
                            seconds(e.endS()), String.join(";", e.labels()), e.split(), e.group(), e.array(), e.image(),
                            e.hqMask()));
                    for (String x : extras) {
                        row.add(e.extra().getOrDefault(x, ""));
                    }
                    p.printRecord(row);
                }
                p.flush();
            }
        });
    }

    /**
     * The labels of a manifest cell: ';'-separated, as {@link #write} writes them. ',' and '|' are
     * read as separators too, for manifests written by hand or by older versions; no label may
     * contain any of them (nor '+', see {@link LabelSet#problemWith}), so the reading is never
     * ambiguous. "", "none" and "-" mean no label.
     *
     * @throws IllegalArgumentException naming the label that breaks the rule
     */
    public static List<String> parseLabels(String cell) {
        String s = cell == null ? "" : cell.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("none") || s.equals("-")) {
            return List.of();
        }
        List<String> labels = Arrays.stream(s.split("[;,|]")).map(String::trim).filter(x -> !x.isEmpty()).sorted()
                .distinct().toList();
        for (String l : labels) {
            String problem = LabelSet.problemWith(l);
            if (problem != null) {
                throw new IllegalArgumentException(problem + " (in labels \"" + cell + "\")");
            }
        }
        return labels;
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.6f", s).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
