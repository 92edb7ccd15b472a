package org.echomask.detect;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.audio.AudioInfo;
import org.echomask.audio.AudioReaders;
import org.echomask.audio.AudioSource;
import org.echomask.audio.AudioWindows;
import org.echomask.audio.ChannelMix;
import org.echomask.audio.LastWindow;
import org.echomask.io.AtomicFiles;
import org.echomask.io.Json;
import org.echomask.label.RavenTable;

/**
 * Runs an analysis over recordings on this machine: each recording is streamed window by window
 * through a {@link WindowScorer}, post-processed, merged into detections and written
 * ({@link RecordingOutputs}); recordings already done with the same settings are read back
 * instead; a recording that fails is listed in {@code errors.csv} and the run goes on. At the end
 * come the run's files: {@value #COMBINED_TABLE}, presence per file, hour and day, {@value #ERRORS}
 * and {@value #SETTINGS}.
 *
 * <p>The steps are public so that other engines ({@link AnalysisEngine}) run the same code: they
 * call {@link #begin}, {@link #analyse} each recording where it is (one scorer per worker) and
 * assemble the run with a {@link Collector} on the driver.
 */
public final class Analyzer {
    public static final String COMBINED_TABLE = "detections.selections.txt";
    public static final String ERRORS = "errors.csv";
    public static final String SETTINGS = "settings.json";
    public static final String PRESENCE_BY_FILE = "presence_by_file.csv";
    public static final String PRESENCE_BY_HOUR = "presence_by_hour.csv";
    public static final String PRESENCE_BY_DAY = "presence_by_day.csv";
    /** Window probabilities kept (a uniform sample, {@link WindowSample}) for the summary's histogram. */
    public static final int SAMPLE = 100_000;

    private Analyzer() {}

    /**
     * How to run.
     *
     * @param out output directory
     * @param batchSize windows per forward pass
     * @param threads worker threads preparing windows (spectrograms, proposed masks); 0 = the calling thread
     */
    public record Options(Path out, int batchSize, int threads) {
        public Options {
            if (batchSize < 1 || threads < 0) {
                throw new EchomaskException("batch size must be >= 1 and threads >= 0, got " + batchSize + ", " + threads);
            }
        }
    }

    public enum Status {
        /** analysed in this run */
        ANALYSED,
        /** analysed before with the same settings: its files were read back */
        SKIPPED,
        /** could not be analysed: listed in errors.csv */
        FAILED
    }

    /** What became of one recording. */
    public record Outcome(Recordings.Recording recording, Status status, double durationS, double seconds,
            long detections, String problem) {}

    /**
     * A finished run.
     *
     * @param detectionScores score of every detection of the run
     * @param windowProbabilities a uniform sample (at most {@value #SAMPLE}) of all window probabilities
     * @param analysedAudioS audio analysed in this run (skipped recordings excluded)
     * @param wallS wall time of this run
     */
    public record Result(AnalysisSettings settings, List<Outcome> outcomes, Presence presence,
            Map<String, Long> detectionsPerLabel, double[] detectionScores, double[] windowProbabilities,
            double analysedAudioS, double wallS) {
        public long count(Status s) {
            return outcomes.stream().filter(o -> o.status() == s).count();
        }

        /** Audio seconds per wall second of this run. */
        public double realTimeFactor() {
            return wallS > 0 ? analysedAudioS / wallS : Double.NaN;
        }
    }

    /**
     * Runs the analysis on this machine, recording after recording (windows prepared on
     * {@code options.threads()} workers).
     */
    public static <P> Result run(List<Recordings.Recording> recordings, AnalysisSettings settings,
            WindowScorer<P> scorer, Options options, Progress progress, Consumer<String> log) {
        long t0 = System.nanoTime();
        begin(settings, scorer, options.out());
        Collector collector = new Collector(settings, options.out(), log);
        double[] durations = recordings.stream().mapToDouble(r -> declaredDuration(r.path())).toArray();
        double total = java.util.Arrays.stream(durations).sum();
        ExecutorService workers = workers(options.threads());
        progress.start("analyze (audio seconds)", Math.round(total));
        try {
            for (int i = 0; i < recordings.size(); i++) {
                Recordings.Recording rec = recordings.get(i);
                progress.status((i + 1) + "/" + recordings.size() + " " + rec.name());
                double[] stepped = {0};
                Consumer<Double> advance = s -> {
                    long units = Math.round(s) - Math.round(stepped[0]);
                    if (units > 0) {
                        progress.step(units);
                    }
                    stepped[0] = s;
                };
                RecordingResult r = analyse(rec, settings, scorer, options, workers, advance::accept);
                advance.accept(r.status() == Status.FAILED || durations[i] > 0 ? durations[i] : r.durationS());
                collector.add(rec, r);
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
            progress.finish();
        }
        return collector.finish((System.nanoTime() - t0) / 1e9);
    }

    /**
     * What every engine does before the first recording: checks that the scorer takes the
     * settings' windows (a settings error is said once, not once per recording) and writes
     * {@value #SETTINGS}.
     */
    public static void begin(AnalysisSettings settings, WindowScorer<?> scorer, Path out) {
        if (!scorer.labels().equals(settings.labels()) || scorer.sampleRate() != settings.sampleRate()) {
            throw new IllegalArgumentException("settings do not describe this scorer");
        }
        scorer.prepare(new float[settings.windowSamples()]);
        Json.writeFile(out.resolve(SETTINGS), settings);
    }

    /** Worker threads preparing windows, or null for none (0: prepare on the calling thread). */
    public static ExecutorService workers(int threads) {
        return threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "analyze-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * What became of one recording, with everything the run's files need from it; small (no
     * window list) and serializable, so a distributed engine sends it from a worker to the driver.
     *
     * @param durationS audio analysed (0 when failed)
     * @param seconds wall time spent on the recording
     * @param problem why it failed, else empty
     * @param startTime start time from the file name (ISO), or null
     * @param presence its share of the presence tables (null when failed)
     * @param sample its sample of window probabilities (null when failed)
     */
    public record RecordingResult(Status status, double durationS, double seconds, String problem, String startTime,
            List<Detection> detections, Presence.Part presence, WindowSample sample) implements java.io.Serializable {
        public RecordingResult {
            detections = List.copyOf(detections);
        }

        /** The same without its window sample (merged elsewhere). */
        public RecordingResult withoutSample() {
            return new RecordingResult(status, durationS, seconds, problem, startTime, detections, presence,
                    sample == null ? null : WindowSample.empty(SAMPLE));
        }
    }

    /**
     * Analyses one recording and writes its files ({@link RecordingOutputs}), or reads them back
     * when it was analysed before with the same settings; a recording that cannot be analysed is a
     * {@link Status#FAILED} result, not an exception.
     *
     * @param workers threads preparing windows, or null
     * @param advanced receives the seconds of audio covered (progress)
     */
    public static <P> RecordingResult analyse(Recordings.Recording rec, AnalysisSettings settings, WindowScorer<P> scorer,
            Options options, ExecutorService workers, java.util.function.DoubleConsumer advanced) {
        long r0 = System.nanoTime();
        List<String> labels = settings.labels();
        RecordingOutputs files = new RecordingOutputs(options.out(), rec.name());
        try {
            Optional<RecordingOutputs.Record> done = files.completed(rec.path(), settings.hash());
            List<WindowScore> windows;
            List<Detection> detections;
            RecordingOutputs.Record record;
            Status status;
            if (done.isPresent()) {
                record = done.get();
                windows = RecordingOutputs.readWindows(files.windowsCsv(), labels);
                detections = RecordingOutputs.readDetections(files.selections());
                status = Status.SKIPPED;
            } else {
                Analysed a = analyseNow(rec, settings, scorer, options, workers, advanced);
                windows = a.windows;
                detections = a.detections;
                record = a.record;
                files.write(record, labels, windows, a.raw, detections);
                status = Status.ANALYSED;
            }
            LocalDateTime start = record.startTime() == null ? null : LocalDateTime.parse(record.startTime());
            Presence.Part part = Presence.part(labels, settings.thresholdArray(), rec.name(), start, record.durationS(),
                    windows, detections);
            return new RecordingResult(status, record.durationS(), (System.nanoTime() - r0) / 1e9, "", record.startTime(),
                    detections, part, WindowSample.of(rec.name(), windows, SAMPLE));
        } catch (RuntimeException e) {
            return new RecordingResult(Status.FAILED, 0, (System.nanoTime() - r0) / 1e9, problem(rec.path(), e), null,
                    List.of(), null, null);
        }
    }

    /**
     * Assembles a run from its recordings' results, in recording order, and writes the run's files.
     * The one place both the local and distributed engines make them, so they are the same.
     */
    public static final class Collector {
        private final AnalysisSettings settings;
        private final Path out;
        private final Consumer<String> log;
        private final Presence presence;
        private final Map<String, Long> perLabel = new LinkedHashMap<>();
        private final List<Double> scores = new ArrayList<>();
        private final List<Outcome> outcomes = new ArrayList<>();
        private final List<RavenTable.FileSelections> combined = new ArrayList<>();
        private WindowSample sample = WindowSample.empty(SAMPLE);
        private double timeline;
        private double analysed;

        /** @param log receives a line per failed recording */
        public Collector(AnalysisSettings settings, Path out, Consumer<String> log) {
            this.settings = settings;
            this.out = out;
            this.log = log;
            this.presence = new Presence(settings.labels(), settings.thresholdArray());
            settings.labels().forEach(l -> perLabel.put(l, 0L));
        }

        /** Adds the next recording's result. */
        public void add(Recordings.Recording rec, RecordingResult r) {
            if (r.status() == Status.FAILED) {
                log.accept("skipped " + r.problem());
                outcomes.add(new Outcome(rec, Status.FAILED, 0, r.seconds(), 0, r.problem()));
                return;
            }
            presence.add(r.presence());
            for (Detection d : r.detections()) {
                perLabel.merge(d.label(), 1L, Long::sum);
                scores.add(d.score());
            }
            mergeSample(r.sample());
            combined.add(new RavenTable.FileSelections(rec.path(), timeline,
                    r.detections().stream().map(Detection::toSelection).toList()));
            timeline += r.durationS();
            if (r.status() == Status.ANALYSED) {
                analysed += r.durationS();
            }
            outcomes.add(new Outcome(rec, r.status(), r.durationS(), r.seconds(), r.detections().size(), ""));
        }

        /** Merges window probabilities sampled elsewhere (a worker's merged sample). */
        public void mergeSample(WindowSample s) {
            sample = sample.merge(s);
        }

        /** Writes the combined Raven table, presence CSVs and {@value #ERRORS}; returns the run. */
        public Result finish(double wallS) {
            RavenTable.writeCombined(out.resolve(COMBINED_TABLE), combined, RecordingOutputs.LABEL_COLUMN);
            presence.write(out.resolve(PRESENCE_BY_FILE), Presence.Period.FILE);
            presence.write(out.resolve(PRESENCE_BY_HOUR), Presence.Period.HOUR);
            presence.write(out.resolve(PRESENCE_BY_DAY), Presence.Period.DAY);
            writeErrors(out.resolve(ERRORS), outcomes);
            return new Result(settings, List.copyOf(outcomes), presence, perLabel,
                    scores.stream().mapToDouble(Double::doubleValue).toArray(), sample.values(), analysed, wallS);
        }
    }

    /** One recording analysed now. */
    private record Analysed(List<WindowScore> windows, List<WindowScore> raw, List<Detection> detections,
            RecordingOutputs.Record record) {}

    private static <P> Analysed analyseNow(Recordings.Recording rec, AnalysisSettings s, WindowScorer<P> scorer,
            Options options, ExecutorService workers, java.util.function.DoubleConsumer advanced) {
        long t0 = System.nanoTime();
        long size = RecordingOutputs.size(rec.path());
        String modified = RecordingOutputs.modified(rec.path());
        List<WindowScore> raw;
        AudioInfo info;
        AudioSource source = AudioReaders.open(rec.path());
        AudioWindows.Spec spec = new AudioWindows.Spec(s.channel() < 0 ? ChannelMix.MEAN : ChannelMix.select(s.channel()),
                s.sampleRate(), s.windowSamples(), s.hopSamples(), LastWindow.KEEP_SHORT, AudioWindows.Spec.DEFAULT_BLOCK);
        try (AudioWindows windows = AudioWindows.over(source, spec)) {
            info = source.info();
            raw = WindowPipeline.run(windows, s.windowSamples(), scorer, options.batchSize(), workers, advanced);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        if (raw.isEmpty()) {
            throw new EchomaskException(rec.path() + ": no audio samples");
        }
        double end = raw.get(raw.size() - 1).endS();
        double duration = Double.isFinite(info.durationSeconds()) ? Math.min(info.durationSeconds(), end) : end;
        List<WindowScore> windows = raw;
        if (s.postProcess() != PostProcess.NONE) {
            float[][] p = s.postProcess().apply(raw.stream().map(WindowScore::probabilities).toArray(float[][]::new));
            windows = new ArrayList<>(raw.size());
            for (int i = 0; i < p.length; i++) {
                windows.add(raw.get(i).withProbabilities(p[i]));
            }
        }
        double[][] band = s.bandEdges(scorer.band());
        List<Detection> detections = Detections.merge(windows, s.labels(), s.thresholdArray(), s.minGapS(), duration, band[0],
                band[1]);
        String start = RecordingTimes.parse(rec.path().getFileName().toString()).map(LocalDateTime::toString).orElse(null);
        RecordingOutputs.Record record = new RecordingOutputs.Record(rec.path().toString(), size, modified,
                s.hash(), info.sampleRate(), info.channels(), duration, raw.size(), detections.size(), start,
                (System.nanoTime() - t0) / 1e9);
        return new Analysed(windows, s.postProcess() == PostProcess.NONE ? null : raw, detections, record);
    }

    /** Declared duration from the header (0 when unreadable or unknown): progress totals only. */
    static double declaredDuration(Path p) {
        try (AudioSource s = AudioReaders.open(p)) {
            double d = s.info().durationSeconds();
            return Double.isFinite(d) ? d : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The problem as one line that names the file. */
    static String problem(Path file, RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.contains(file.toString()) ? m : file + ": " + m;
    }

    static void writeErrors(Path csv, List<Outcome> outcomes) {
        AtomicFiles.write(csv, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("recording", "problem")
                    .setRecordSeparator("\n").get())) {
                for (Outcome o : outcomes) {
                    if (o.status() == Status.FAILED) {
                        p.printRecord(o.recording().path(), o.problem());
                    }
                }
            }
        });
    }

    /** When the run was made, for summaries. */
    public static String now() {
        return Instant.now().toString();
    }
}
