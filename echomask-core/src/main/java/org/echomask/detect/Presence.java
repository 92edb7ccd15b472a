package org.echomask.detect;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.echomask.io.AtomicFiles;

/**
 * Presence of each label per recording, per hour and per day, accumulated one recording at a
 * time. A label is present in a period when at least one of its windows there is positive
 * (probability at or above the label's threshold). A window belongs to the hour and day of its
 * midpoint on the recorder's clock; recordings without a start time in their name go to the
 * period {@value #UNKNOWN}.
 */
public final class Presence {
    public static final String UNKNOWN = "unknown";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH':00'", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /** How presence is grouped. */
    public enum Period {
        FILE, HOUR, DAY
    }

    /**
     * One label in one period.
     *
     * @param period the recording (by file), {@code yyyy-MM-ddTHH:00} (hour), {@code yyyy-MM-dd} (day) or unknown
     * @param start recording start time, by file only (ISO, or unknown)
     * @param durationS recording duration, by file only (NaN otherwise)
     * @param label the class
     * @param recordings recordings contributing windows to the period
     * @param windows windows in the period
     * @param positiveWindows windows at or above the threshold
     * @param detections detections (merged runs), by file only (-1 otherwise)
     * @param maxProbability highest window probability
     */
    public record Row(String period, String start, double durationS, String label, int recordings, long windows,
            long positiveWindows, long detections, double maxProbability) implements java.io.Serializable {
        public boolean present() {
            return positiveWindows > 0;
        }
    }

    private final List<String> labels;
    private final double[] thresholds;
    private final List<Row> files = new ArrayList<>();
    private final Map<String, Stats[]> hours = new TreeMap<>(UNKNOWN_LAST);
    private final Map<String, Stats[]> days = new TreeMap<>(UNKNOWN_LAST);

    private static final Comparator<String> UNKNOWN_LAST =
            Comparator.comparing((String s) -> s.equals(UNKNOWN)).thenComparing(Comparator.naturalOrder());

    public Presence(List<String> labels, double[] thresholds) {
        if (labels.size() != thresholds.length) {
            throw new IllegalArgumentException(labels.size() + " labels but " + thresholds.length + " thresholds");
        }
        this.labels = List.copyOf(labels);
        this.thresholds = thresholds.clone();
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * One recording's share of the presence tables: its rows by file, hour and day. Small and
     * serializable, so a distributed engine computes it next to the recording and the driver adds
     * it with {@link #add(Part)}; the tables are the same as when the windows are added here.
     *
     * @param recording the recording's name
     */
    public record Part(String recording, List<Row> files, List<Row> hours, List<Row> days) implements java.io.Serializable {
        public Part {
            files = List.copyOf(files);
            hours = List.copyOf(hours);
            days = List.copyOf(days);
        }
    }

    /** One recording's {@link Part}; {@code start} is null when unknown. */
    public static Part part(List<String> labels, double[] thresholds, String recording, LocalDateTime start,
            double durationS, List<WindowScore> windows, List<Detection> detections) {
        Presence one = new Presence(labels, thresholds);
        one.addWindows(recording, start, durationS, windows, detections);
        return new Part(recording, one.rows(Period.FILE), one.rows(Period.HOUR), one.rows(Period.DAY));
    }

    /** Adds one recording's windows and detections; {@code start} is null when unknown. */
    public void add(String recording, LocalDateTime start, double durationS, List<WindowScore> windows,
            List<Detection> detections) {
        add(part(labels, thresholds, recording, start, durationS, windows, detections));
    }

    /** Adds one recording's {@link Part} (made with this presence's labels and thresholds). */
    public void add(Part part) {
        files.addAll(part.files());
        merge(hours, part.hours(), part.recording());
        merge(days, part.days(), part.recording());
    }

    private void merge(Map<String, Stats[]> into, List<Row> rows, String recording) {
        for (Row r : rows) {
            int j = labels.indexOf(r.label());
            if (j < 0) {
                throw new IllegalArgumentException("label " + r.label() + " is not one of " + labels);
            }
            Stats s = into.computeIfAbsent(r.period(), x -> Stats.array(labels.size()))[j];
            s.windows += r.windows();
            s.positive += r.positiveWindows();
            s.max = Double.isNaN(s.max) ? r.maxProbability() : Math.max(s.max, r.maxProbability());
            s.recordings.add(recording);
        }
    }

    private void addWindows(String recording, LocalDateTime start, double durationS, List<WindowScore> windows,
            List<Detection> detections) {
        int k = labels.size();
        Stats[] file = Stats.array(k);
        for (WindowScore w : windows) {
            String hour = UNKNOWN;
            String day = UNKNOWN;
            if (start != null) {
                LocalDateTime mid = start.plusNanos(Math.round((w.startS() + w.endS()) / 2 * 1e9));
                hour = HOUR.format(mid);
                day = DAY.format(mid);
            }
            Stats[] h = hours.computeIfAbsent(hour, x -> Stats.array(k));
            Stats[] d = days.computeIfAbsent(day, x -> Stats.array(k));
            for (int j = 0; j < k; j++) {
                float p = w.probabilities()[j];
                boolean positive = p >= thresholds[j];
                file[j].add(p, positive, recording);
                h[j].add(p, positive, recording);
                d[j].add(p, positive, recording);
            }
        }
        Map<String, Long> perLabel = new LinkedHashMap<>();
        for (Detection det : detections) {
            perLabel.merge(det.label(), 1L, Long::sum);
        }
        String startText = start == null ? UNKNOWN : start.toString();
        for (int j = 0; j < k; j++) {
            files.add(new Row(recording, startText, durationS, labels.get(j), 1, file[j].windows, file[j].positive,
                    perLabel.getOrDefault(labels.get(j), 0L), file[j].max()));
        }
    }

    /** The rows of one grouping, periods in time order (unknown last), labels in label order. */
    public List<Row> rows(Period period) {
        if (period == Period.FILE) {
            return List.copyOf(files);
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, Stats[]> e : (period == Period.HOUR ? hours : days).entrySet()) {
            for (int j = 0; j < labels.size(); j++) {
                Stats s = e.getValue()[j];
                out.add(new Row(e.getKey(), "", Double.NaN, labels.get(j), s.recordings.size(), s.windows, s.positive,
                        -1, s.max()));
            }
        }
        return out;
    }

    /** Writes one grouping as CSV, atomically. */
    public void write(Path csv, Period period) {
        List<String> header = switch (period) {
            case FILE -> List.of("recording", "start", "duration_s", "label", "windows", "positive_windows", "detections",
                    "present", "max_probability");
            case HOUR -> List.of("hour", "label", "recordings", "windows", "positive_windows", "present", "max_probability");
            case DAY -> List.of("day", "label", "recordings", "windows", "positive_windows", "present", "max_probability");
        };
        List<Row> rows = rows(period);
        AtomicFiles.write(csv, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                    .setRecordSeparator("\n").get())) {
                for (Row r : rows) {
                    List<Object> cells = new ArrayList<>();
                    cells.add(r.period());
                    if (period == Period.FILE) {
                        cells.add(r.start());
                        cells.add(number(r.durationS()));
                        cells.add(r.label());
                    } else {
                        cells.add(r.label());
                        cells.add(r.recordings());
                    }
                    cells.add(r.windows());
                    cells.add(r.positiveWindows());
                    if (period == Period.FILE) {
                        cells.add(r.detections());
                    }
                    cells.add(r.present() ? 1 : 0);
                    cells.add(number(r.maxProbability()));
                    p.printRecord(cells);
                }
            }
        });
    }

    static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Counts of one label in one period. */
    private static final class Stats {
        long windows;
        long positive;
        double max = Double.NaN;
        final Set<String> recordings = new HashSet<>();

        static Stats[] array(int k) {
            Stats[] s = new Stats[k];
            for (int j = 0; j < k; j++) {
                s[j] = new Stats();
            }
            return s;
        }

        void add(float p, boolean isPositive, String recording) {
            windows++;
            positive += isPositive ? 1 : 0;
            max = Double.isNaN(max) ? p : Math.max(max, p);
            recordings.add(recording);
        }

        double max() {
            return max;
        }
    }
}
