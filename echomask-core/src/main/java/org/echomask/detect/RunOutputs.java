package org.echomask.detect;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.echomask.io.AtomicFiles;
import org.echomask.label.RavenTable;

/**
 * Assembles a run from its recordings' results, in recording order, and writes the run's files.
 * The one place both the local and distributed engines make them, so they are the same.
 */
public final class RunOutputs {
    public static final String COMBINED_TABLE = "detections.selections.txt";
    public static final String ERRORS = "errors.csv";
    public static final String SETTINGS = "settings.json";
    public static final String PRESENCE_BY_FILE = "presence_by_file.csv";
    public static final String PRESENCE_BY_HOUR = "presence_by_hour.csv";
    public static final String PRESENCE_BY_DAY = "presence_by_day.csv";

    private final AnalysisSettings settings;
    private final Path out;
    private final Consumer<String> log;
    private final Presence presence;
    private final Map<String, Long> perLabel = new LinkedHashMap<>();
    private final List<Double> scores = new ArrayList<>();
    private final List<Analyzer.Outcome> outcomes = new ArrayList<>();
    private final List<RavenTable.FileSelections> combined = new ArrayList<>();
    private WindowSample sample = WindowSample.empty(Analyzer.SAMPLE);
    private double timeline;
    private double analysed;

    /** @param log receives a line per failed recording */
    public RunOutputs(AnalysisSettings settings, Path out, Consumer<String> log) {
        this.settings = settings;
        this.out = out;
        this.log = log;
        this.presence = new Presence(settings.labels(), settings.thresholdArray());
        settings.labels().forEach(l -> perLabel.put(l, 0L));
    }

    /** Adds the next recording's result. */
    public void add(Recordings.Recording rec, RecordingResult r) {
        if (r.status() == Analyzer.Status.FAILED) {
            log.accept("skipped " + r.problem());
            outcomes.add(new Analyzer.Outcome(rec, Analyzer.Status.FAILED, 0, r.seconds(), 0, r.problem()));
            return;
        }
        presence.add(r.presence());
        for (Detection d : r.detections()) {
            perLabel.merge(d.label(), 1L, Long::sum);
            scores.add(d.score());
        }
        mergeSample(r.sample());
        combined.add(new RavenTable.FileSelections(rec.path(), timeline,
                r.detections().stream().map(d -> d.toSelection(settings.ravenChannel())).toList()));
        timeline += r.durationS();
        if (r.status() == Analyzer.Status.ANALYSED) {
            analysed += r.durationS();
        }
        outcomes.add(new Analyzer.Outcome(rec, r.status(), r.durationS(), r.seconds(), r.detections().size(), ""));
    }

    /** Merges window probabilities sampled elsewhere (a worker's merged sample). */
    public void mergeSample(WindowSample s) {
        sample = sample.merge(s);
    }

    /** Writes the combined Raven table, presence CSVs and {@value #ERRORS}; returns the run. */
    public Analyzer.Result finish(double wallS) {
        RavenTable.writeCombined(out.resolve(COMBINED_TABLE), combined, RecordingOutputs.LABEL_COLUMN);
        presence.write(out.resolve(PRESENCE_BY_FILE), Presence.Period.FILE);
        presence.write(out.resolve(PRESENCE_BY_HOUR), Presence.Period.HOUR);
        presence.write(out.resolve(PRESENCE_BY_DAY), Presence.Period.DAY);
        writeErrors(out.resolve(ERRORS), outcomes);
        return new Analyzer.Result(settings, List.copyOf(outcomes), presence, perLabel,
                scores.stream().mapToDouble(Double::doubleValue).toArray(), sample.values(), analysed, wallS);
    }

    static void writeErrors(Path csv, List<Analyzer.Outcome> outcomes) {
        AtomicFiles.write(csv, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("recording", "problem")
                    .setRecordSeparator("\n").get())) {
                for (Analyzer.Outcome o : outcomes) {
                    if (o.status() == Analyzer.Status.FAILED) {
                        p.printRecord(o.recording().path(), o.problem());
                    }
                }
            }
        });
    }
}
