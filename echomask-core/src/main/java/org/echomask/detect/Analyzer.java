package org.echomask.detect;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.audio.AudioReaders;
import org.echomask.audio.AudioSource;
import org.echomask.io.AtomicFiles;
import org.echomask.io.Json;

/**
 * Runs an analysis over recordings on this machine: each recording is streamed window by window
 * through a {@link WindowScorer}, post-processed, merged into detections and written
 * ({@link RecordingOutputs}); recordings already done with the same settings are read back
 * instead; a recording that fails is listed in {@code errors.csv} and the run goes on. At the end
 * come the run's files: {@value #COMBINED_TABLE}, presence per file, hour and day, {@value #ERRORS}
 * and {@value RunOutputs#SETTINGS}.
 *
 * <p>The steps are public so that other engines ({@link AnalysisEngine}) run the same code: they
 * call {@link #begin}, {@link #analyse} each recording where it is (one scorer per worker) and
 * assemble the run with a {@link Collector} on the driver.
 */
public final class Analyzer {
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
        RunOutputs collector = new RunOutputs(settings, options.out(), log);
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
                RecordingResult r = RecordingAnalysis.analyse(rec, settings, scorer, options, workers, advance::accept);
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
     * {@value RunOutputs#SETTINGS}.
     */
    public static void begin(AnalysisSettings settings, WindowScorer<?> scorer, Path out) {
        if (!scorer.labels().equals(settings.labels()) || scorer.sampleRate() != settings.sampleRate()) {
            throw new IllegalArgumentException("settings do not describe this scorer");
        }
        scorer.prepare(new float[settings.windowSamples()]);
        // A run killed while writing leaves temporary files; a resumed run removes them.
        AtomicFiles.removeStrays(out);
        AtomicFiles.removeStrays(out.resolve(RecordingOutputs.DIR));
        Json.writeFile(out.resolve(RunOutputs.SETTINGS), settings);
    }

    /** Worker threads preparing windows, or null for none (0: prepare on the calling thread). */
    public static ExecutorService workers(int threads) {
        return threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "analyze-worker");
            t.setDaemon(true);
            return t;
        });
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

    /** When the run was made, for summaries. */
    public static String now() {
        return Instant.now().toString();
    }
}
