package org.echomask.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.echomask.detect.Analyzer;
import org.echomask.detect.Presence;
import org.echomask.report.Formats;
import org.echomask.report.HtmlReport;
import org.echomask.report.Plots;

/**
 * {@code summary.html} of an analysis: the run in numbers, detections per label, a presence
 * timeline per label and histograms of the scores. Public so that other engines (Spark) write the
 * same page from the same {@link Analyzer.Result}.
 */
public final class AnalysisSummary {
    public static final String FILE = "summary.html";
    /** Timeline charts drawn at most (labels with the most detections first). */
    static final int MAX_TIMELINES = 12;
    /** Hours drawn at most on an hourly timeline; longer runs are drawn by day. */
    static final int MAX_HOURS = 24 * 62;
    static final int MAX_RECORDING_ROWS = 200;

    private AnalysisSummary() {}

    public static void write(Path file, Analyzer.Result r, List<String> models, String generatedAt) {
        HtmlReport page = new HtmlReport("Echomask analysis").note("generated " + generatedAt).version(org.echomask.Version.toolkit());
        var s = r.settings();
        double audioH = r.outcomes().stream().mapToDouble(Analyzer.Outcome::durationS).sum() / 3600;
        page.paragraph(String.format(Locale.ROOT,
                "%d recordings: %d analysed, %d already done with the same settings (skipped), %d failed (errors.csv). "
                        + "%.2f h of audio in all; this run analysed %.2f h in %s, %.1f× real time.",
                r.outcomes().size(), r.count(Analyzer.Status.ANALYSED), r.count(Analyzer.Status.SKIPPED),
                r.count(Analyzer.Status.FAILED), audioH, r.analysedAudioS() / 3600, Formats.seconds(r.wallS()),
                r.realTimeFactor()));
        List<List<String>> settings = new ArrayList<>();
        for (String m : models) {
            settings.add(List.of("model", m));
        }
        settings.add(List.of("window / hop", fmt(s.windowS()) + " s / " + fmt(s.hopS()) + " s at " + s.sampleRate() + " Hz"));
        settings.add(List.of("post-processing", s.postProcess().id()));
        settings.add(List.of("merge gap", fmt(s.minGapS()) + " s"));
        settings.add(List.of("settings hash", s.hash()));
        page.table("Settings", List.of("setting", "value"), settings);

        List<Presence.Row> files = r.presence().rows(Presence.Period.FILE);
        List<List<String>> perLabel = new ArrayList<>();
        for (int j = 0; j < s.labels().size(); j++) {
            String label = s.labels().get(j);
            long windows = 0;
            long positive = 0;
            long present = 0;
            for (Presence.Row row : files) {
                if (row.label().equals(label)) {
                    windows += row.windows();
                    positive += row.positiveWindows();
                    present += row.present() ? 1 : 0;
                }
            }
            perLabel.add(List.of(label, fmt(s.thresholds().get(j)), Long.toString(r.detectionsPerLabel().get(label)),
                    Long.toString(present), Long.toString(positive), Formats.pct1(windows == 0 ? Double.NaN : positive / (double) windows)));
        }
        page.heading("Detections");
        page.table("Per label (a label is present in a recording when one of its windows reaches the threshold)",
                List.of("label", "threshold", "detections", "recordings present", "positive windows", "share of windows"),
                perLabel);

        timelines(page, r);

        page.heading("Scores");
        page.imageRow(List.of("Score (highest window probability) of each detection",
                        "Window probabilities of all labels" + (r.windowProbabilities().length >= Analyzer.SAMPLE
                                ? String.format(Locale.ROOT, " (a uniform sample of %,d)", Analyzer.SAMPLE) : "")),
                List.of(Plots.histogram("Detection scores", "score", r.detectionScores(), 0, 1, 20),
                        Plots.histogram("Window probabilities", "probability", r.windowProbabilities(), 0, 1, 50)));

        List<List<String>> recs = new ArrayList<>();
        for (Analyzer.Outcome o : r.outcomes().subList(0, Math.min(MAX_RECORDING_ROWS, r.outcomes().size()))) {
            recs.add(List.of(o.recording().name(), o.status().name().toLowerCase(Locale.ROOT), Formats.seconds(o.durationS()),
                    Long.toString(o.detections()), Formats.seconds(o.seconds()), o.problem()));
        }
        page.heading("Recordings");
        page.table(r.outcomes().size() > MAX_RECORDING_ROWS ? "First " + MAX_RECORDING_ROWS + " of " + r.outcomes().size()
                : "", List.of("recording", "status", "duration", "detections", "time taken", "problem"), recs);
        page.write(file);
    }

    /** One chart per label: share of positive windows per hour (or day) on the recorders' clock, else per recording. */
    private static void timelines(HtmlReport page, Analyzer.Result r) {
        page.heading("Presence timeline");
        List<String> labels = r.settings().labels().stream()
                .sorted(Comparator.comparingLong((String l) -> -r.detectionsPerLabel().get(l))).limit(MAX_TIMELINES).toList();
        List<Presence.Row> allHours = r.presence().rows(Presence.Period.HOUR);
        List<Presence.Row> hours = allHours.stream().filter(x -> !x.period().equals(Presence.UNKNOWN)).toList();
        Presence.Period period;
        List<String> axis;
        if (hours.isEmpty()) {
            period = Presence.Period.FILE;
            axis = r.outcomes().stream().filter(o -> o.status() != Analyzer.Status.FAILED).map(o -> o.recording().name()).toList();
            page.paragraph("No recording has a start time in its file name, so the timeline runs over recordings in run order.");
        } else {
            List<LocalDateTime> times = hours.stream().map(x -> LocalDateTime.parse(x.period() + ":00")).sorted().toList();
            LocalDateTime first = times.get(0);
            LocalDateTime last = times.get(times.size() - 1);
            long span = ChronoUnit.HOURS.between(first, last) + 1;
            axis = new ArrayList<>();
            if (span <= MAX_HOURS) {
                period = Presence.Period.HOUR;
                DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH':00'", Locale.ROOT);
                for (long h = 0; h < span; h++) {
                    axis.add(f.format(first.plusHours(h)));
                }
            } else {
                period = Presence.Period.DAY;
                for (LocalDate d = first.toLocalDate(); !d.isAfter(last.toLocalDate()); d = d.plusDays(1)) {
                    axis.add(d.toString());
                }
            }
            page.paragraph("Times are on the recorders' clock, from the file names; gaps are periods without recordings"
                    + (allHours.size() > hours.size()
                            ? "; recordings without a start time are not drawn." : "."));
        }
        if (axis.isEmpty()) {
            page.paragraph("No windows were analysed.");
            return;
        }
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < axis.size(); i++) {
            position.put(axis.get(i), i);
        }
        String unit = period == Presence.Period.FILE ? "recording" : period == Presence.Period.HOUR ? "hour" : "day";
        String xLabel = unit + " (1 = " + axis.get(0) + ", " + axis.size() + " = " + axis.get(axis.size() - 1) + ")";
        List<String> captions = new ArrayList<>();
        List<byte[]> charts = new ArrayList<>();
        List<Presence.Row> periodRows = period == Presence.Period.HOUR ? allHours : r.presence().rows(period);
        for (String label : labels) {
            double[] y = new double[axis.size()];
            java.util.Arrays.fill(y, Double.NaN);
            for (Presence.Row row : periodRows) {
                Integer i = position.get(row.period());
                if (i != null && row.label().equals(label) && row.windows() > 0) {
                    y[i] = row.positiveWindows() / (double) row.windows();
                }
            }
            captions.add(label + ": share of windows at or above the threshold per " + unit);
            charts.add(Plots.lines(label, xLabel, "share of positive windows", List.of(label), List.of(y)));
        }
        page.imageRow(captions, charts);
        if (r.settings().labels().size() > labels.size()) {
            page.paragraph("Timelines of the " + labels.size() + " labels with the most detections; presence_by_*.csv hold all.");
        }
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
