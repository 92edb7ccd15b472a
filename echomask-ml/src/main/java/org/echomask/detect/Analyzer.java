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
import java.util.Random;
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
 */
public final class Analyzer {
    public static final String COMBINED_TABLE = "detections.selections.txt";
    public static final String ERRORS = "errors.csv";
    public static final String SETTINGS = "settings.json";
    public static final String PRESENCE_BY_FILE = "presence_by_file.csv";
    public static final String PRESENCE_BY_HOUR = "presence_by_hour.csv";
    public static final String PRESENCE_BY_DAY = "presence_by_day.csv";
    /** Window probabilities kept (a uniform sample) for the summary's histogram. */
    static final int SAMPLE = 100_000;

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
        ANALYSED, SKIPPED, FAILED
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

    public static <P> Result run(List<Recordings.Recording> recordings, AnalysisSettings settings,
            WindowScorer<P> scorer, Options options, Progress progress, Consumer<String> log) {
        long t0 = System.nanoTime();
        if (!scorer.labels().equals(settings.labels()) || scorer.sampleRate() != settings.sampleRate()) {
            throw new IllegalArgumentException("settings do not describe this scorer");
        }
        // A window the models cannot take is a settings error: say it once, not once per recording.
        scorer.prepare(new float[settings.windowSamples()]);
        Json.writeFile(options.out().resolve(SETTINGS), settings);
        List<String> labels = settings.labels();
        Presence presence = new Presence(labels, settings.thresholdArray());
        Map<String, Long> perLabel = new LinkedHashMap<>();
        labels.forEach(l -> perLabel.put(l, 0L));
        List<Double> scores = new ArrayList<>();
        Reservoir sample = new Reservoir(SAMPLE, new Random(42));
        List<Outcome> outcomes = new ArrayList<>();
        List<RavenTable.FileSelections> combined = new ArrayList<>();
        double timeline = 0;
        double analysed = 0;
        double[] durations = recordings.stream().mapToDouble(r -> declaredDuration(r.path())).toArray();
        double total = java.util.Arrays.stream(durations).sum();
        ExecutorService workers = options.threads() == 0 ? null : Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "analyze-worker");
            t.setDaemon(true);
            return t;
        });
        progress.start("analyze (audio seconds)", Math.round(total));
        try {
            for (int i = 0; i < recordings.size(); i++) {
                Recordings.Recording rec = recordings.get(i);
                progress.status((i + 1) + "/" + recordings.size() + " " + rec.name());
                RecordingOutputs files = new RecordingOutputs(options.out(), rec.name());
                long r0 = System.nanoTime();
                double[] stepped = {0};
                Consumer<Double> advance = s -> {
                    long units = Math.round(s) - Math.round(stepped[0]);
                    if (units > 0) {
                        progress.step(units);
                    }
                    stepped[0] = s;
                };
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
                        Analysed a = analyse(rec, settings, scorer, options, workers, advance::accept);
                        windows = a.windows;
                        detections = a.detections;
                        record = a.record;
                        files.write(record, labels, windows, a.raw, detections);
                        status = Status.ANALYSED;
                        analysed += record.durationS();
                    }
                    advance.accept(durations[i] > 0 ? durations[i] : record.durationS());
                    LocalDateTime start = record.startTime() == null ? null : LocalDateTime.parse(record.startTime());
                    presence.add(rec.name(), start, record.durationS(), windows, detections);
                    for (Detection d : detections) {
                        perLabel.merge(d.label(), 1L, Long::sum);
                        scores.add(d.score());
                    }
                    for (WindowScore w : windows) {
                        for (float p : w.probabilities()) {
                            sample.add(p);
                        }
                    }
                    combined.add(new RavenTable.FileSelections(rec.path(), timeline,
                            detections.stream().map(Detection::toSelection).toList()));
                    timeline += record.durationS();
                    outcomes.add(new Outcome(rec, status, record.durationS(), (System.nanoTime() - r0) / 1e9,
                            detections.size(), ""));
                } catch (RuntimeException e) {
                    String problem = problem(rec.path(), e);
                    log.accept("skipped " + problem);
                    advance.accept(durations[i]);
                    outcomes.add(new Outcome(rec, Status.FAILED, 0, (System.nanoTime() - r0) / 1e9, 0, problem));
                }
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
            progress.finish();
        }
        RavenTable.writeCombined(options.out().resolve(COMBINED_TABLE), combined, RecordingOutputs.LABEL_COLUMN);
        presence.write(options.out().resolve(PRESENCE_BY_FILE), Presence.Period.FILE);
        presence.write(options.out().resolve(PRESENCE_BY_HOUR), Presence.Period.HOUR);
        presence.write(options.out().resolve(PRESENCE_BY_DAY), Presence.Period.DAY);
        writeErrors(options.out().resolve(ERRORS), outcomes);
        return new Result(settings, outcomes, presence, perLabel, scores.stream().mapToDouble(Double::doubleValue).toArray(),
                sample.values(), analysed, (System.nanoTime() - t0) / 1e9);
    }

    /** One recording analysed now. */
    private record Analysed(List<WindowScore> windows, List<WindowScore> raw, List<Detection> detections,
            RecordingOutputs.Record record) {}

    private static <P> Analysed analyse(Recordings.Recording rec, AnalysisSettings s, WindowScorer<P> scorer,
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
        int k = s.labels().size();
        double[] band = scorer.band();
        double[] low = new double[k];
        double[] high = new double[k];
        java.util.Arrays.fill(low, band[0]);
        java.util.Arrays.fill(high, band[1]);
        List<Detection> detections = Detections.merge(windows, s.labels(), s.thresholdArray(), s.minGapS(), duration, low,
                high);
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

    /** A uniform sample of a stream of values (Vitter's algorithm R), seeded so runs repeat. */
    static final class Reservoir {
        private final double[] values;
        private final Random random;
        private long seen;

        Reservoir(int capacity, Random random) {
            this.values = new double[capacity];
            this.random = random;
        }

        void add(double v) {
            if (seen < values.length) {
                values[(int) seen] = v;
            } else {
                long j = (long) (random.nextDouble() * (seen + 1));
                if (j < values.length) {
                    values[(int) j] = v;
                }
            }
            seen++;
        }

        double[] values() {
            return java.util.Arrays.copyOf(values, (int) Math.min(seen, values.length));
        }
    }

    /** When the run was made, for summaries. */
    public static String now() {
        return Instant.now().toString();
    }
}
