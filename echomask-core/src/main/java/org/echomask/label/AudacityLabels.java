package org.echomask.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.echomask.io.AtomicFiles;

/**
 * Audacity label tracks ("Export Labels"): one line {@code start<TAB>end<TAB>label} per label,
 * optionally followed by a frequency line {@code \<TAB>low<TAB>high} (a literal backslash) for
 * spectral selections. A point label has start == end. Audacity writes -1 for an unset band edge;
 * that, and a label without a frequency line, read as NaN.
 *
 * <p>Numbers: a dot decimal always; a decimal comma ("0,25") is accepted too, because Audacity's
 * own importer accepts it and old Audacity versions wrote it under comma locales. Fields are tab
 * separated, so a comma can never be a field separator here and the reading is unambiguous.
 * Writing always uses dots and six decimals, as Audacity does. Every label must be non-blank.
 */
public final class AudacityLabels {
    private AudacityLabels() {}

    public static List<Selection> read(Path path) {
        List<String> lines = TextTables.readLines(path);
        List<Selection> out = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l);
            int lineNo = l + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("\\")) {
                throw new AnnotationFileException(path, lineNo, null, "frequency line without a label line before it");
            }
            String[] f = line.split("\t", 3);
            if (f.length < 3) {
                throw new AnnotationFileException(path, lineNo, null,
                        "expected start<TAB>end<TAB>label, found " + f.length + " field(s)");
            }
            double start = TextTables.parseNumber(f[0], true, path, lineNo, "start");
            double end = TextTables.parseNumber(f[1], true, path, lineNo, "end");
            String label = f[2].strip();
            if (label.isEmpty()) {
                throw new AnnotationFileException(path, lineNo, "label", "empty label");
            }
            String bad = LabelSet.problemWith(label);
            if (bad != null) {
                throw new AnnotationFileException(path, lineNo, "label", bad);
            }
            double low = Double.NaN;
            double high = Double.NaN;
            if (l + 1 < lines.size() && lines.get(l + 1).startsWith("\\")) {
                l++;
                String[] g = lines.get(l).split("\t", -1);
                if (g.length != 3 || !g[0].strip().equals("\\")) {
                    throw new AnnotationFileException(path, l + 1, null,
                            "expected a frequency line \\<TAB>low<TAB>high");
                }
                low = frequency(g[1], path, l + 1, "low frequency");
                high = frequency(g[2], path, l + 1, "high frequency");
            }
            try {
                out.add(new Selection(start, end, low, high, label));
            } catch (IllegalArgumentException e) {
                throw new AnnotationFileException(path, lineNo, null, e.getMessage(), e);
            }
        }
        return out;
    }

    /** Writes the labels; a frequency line follows each selection with at least one band edge. */
    public static void write(Path path, List<Selection> selections) {
        StringBuilder sb = new StringBuilder();
        for (Selection s : selections) {
            String label = s.label().replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
            sb.append(fixed6(s.begin())).append('\t').append(fixed6(s.end())).append('\t').append(label).append('\n');
            if (!Double.isNaN(s.lowFreqHz()) || !Double.isNaN(s.highFreqHz())) {
                sb.append("\\\t").append(fixed6(edge(s.lowFreqHz()))).append('\t')
                        .append(fixed6(edge(s.highFreqHz()))).append('\n');
            }
        }
        AtomicFiles.writeString(path, sb.toString());
    }

    private static double frequency(String text, Path path, int lineNo, String column) {
        double v = TextTables.parseNumber(text, true, path, lineNo, column);
        return v < 0 ? Double.NaN : v;
    }

    private static double edge(double hz) {
        return Double.isNaN(hz) ? -1 : hz;
    }

    private static String fixed6(double x) {
        return String.format(Locale.ROOT, "%.6f", x);
    }
}
