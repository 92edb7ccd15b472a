package org.echomask.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.detect.AnalysisSettings;
import org.echomask.detect.Analyzer;
import org.echomask.detect.RecordingAnalysis;
import org.echomask.detect.RecordingResult;
import org.echomask.detect.RunOutputs;
import org.echomask.detect.RecordingOutputs;
import org.echomask.detect.Recordings;
import org.echomask.detect.ScorerFactory;
import org.echomask.detect.WindowSample;
import org.echomask.detect.WindowScorer;

/**
 * The analysis on Spark. The driver checks the settings ({@link Analyzer#begin}), spreads the
 * recordings over {@code min(recordings, defaultParallelism)} partitions balanced by file size
 * (largest first onto the lightest partition), and runs one {@code mapPartitions} job: each
 * partition opens the models once ({@link ScorerFactory#open}), analyses its recordings with
 * {@link Analyzer#analyse} (the local engine's code: the same per-recording files, written
 * atomically into the shared output directory, or read back when done before with the same
 * settings) and returns one small result per recording plus the partition's window sample. The
 * driver assembles the run in recording order with {@link RunOutputs}, so the run's files
 * are those the local engine writes. Paths (recordings, models, output) must be the same on every
 * node: a shared file system.
 */
public final class SparkAnalysis {
    /** Where the driver's native-memory settings for libtorch also go to executors (unless set). */
    static final List<String> EXECUTOR_ENV = List.of("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_",
            "OMP_WAIT_POLICY");

    private SparkAnalysis() {}

    /** One recording to analyse: its place in the run, its path (the same on every node), output name, size. */
    record Task(int index, String path, String name, long sizeBytes) implements Serializable {}

    /** A recording's result with its place in the run. */
    record Indexed(int index, RecordingResult result) implements Serializable {}

    /** What one partition sends back: a result per recording and its recordings' window sample. */
    record PartitionResult(List<Indexed> results, WindowSample sample) implements Serializable {}

    public static Analyzer.Result run(List<Recordings.Recording> recordings, AnalysisSettings settings, WindowScorer<?> scorer,
            ScorerFactory scorers, Analyzer.Options options, String master, Progress progress, Consumer<String> log) {
        long t0 = System.nanoTime();
        Analyzer.begin(settings, scorer, options.out());
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < recordings.size(); i++) {
            Recordings.Recording r = recordings.get(i);
            tasks.add(new Task(i, r.path().toString(), r.name(), Math.max(0, RecordingOutputs.size(r.path()))));
        }
        try (Session session = Session.open(master, log)) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.spark.sparkContext());
            List<List<Task>> groups = balance(tasks, Math.max(1, Math.min(tasks.size(), jsc.defaultParallelism())));
            log.accept(String.format(Locale.ROOT, "spark %s (Spark %s): %d recordings in %d partitions", jsc.master(),
                    jsc.version(), tasks.size(), groups.size()));
            Work work = new Work(settings, scorers, options.out().toAbsolutePath().toString(), options.batchSize(),
                    options.threads());
            List<PartitionResult> parts;
            SparkListener listener = new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    int i = end.taskInfo().index();
                    if (end.taskInfo().successful() && i >= 0 && i < groups.size()) {
                        progress.step(groups.get(i).size());
                    }
                }
            };
            progress.start("analyze on spark (recordings)", tasks.size());
            jsc.sc().addSparkListener(listener);
            try {
                parts = groups.isEmpty() ? List.of() : jsc.parallelize(groups, groups.size()).mapPartitions(work).collect();
            } catch (RuntimeException e) {
                throw new EchomaskException("spark: the analysis job failed: " + EchomaskException.rootMessage(e), e);
            } finally {
                jsc.sc().removeSparkListener(listener);
                progress.finish();
            }
            RecordingResult[] byIndex = new RecordingResult[tasks.size()];
            RunOutputs collector = new RunOutputs(settings, options.out(), log);
            for (PartitionResult p : parts) {
                for (Indexed x : p.results()) {
                    byIndex[x.index()] = x.result();
                }
                if (p.sample() != null) {
                    collector.mergeSample(p.sample());
                }
            }
            for (int i = 0; i < byIndex.length; i++) {
                if (byIndex[i] == null) {
                    throw new IllegalStateException("spark returned no result for " + recordings.get(i).path());
                }
                collector.add(recordings.get(i), byIndex[i]);
            }
            return collector.finish((System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Splits the recordings into at most {@code groups} groups of about equal bytes (longest
     * processing time first: largest recording onto the lightest group), each in run order.
     */
    static List<List<Task>> balance(List<Task> tasks, int groups) {
        List<List<Task>> out = new ArrayList<>();
        long[] load = new long[groups];
        for (int g = 0; g < groups; g++) {
            out.add(new ArrayList<>());
        }
        List<Task> bySize = tasks.stream()
                .sorted(Comparator.comparingLong(Task::sizeBytes).reversed().thenComparingInt(Task::index)).toList();
        for (Task t : bySize) {
            int best = 0;
            for (int g = 1; g < groups; g++) {
                if (load[g] < load[best]) {
                    best = g;
                }
            }
            out.get(best).add(t);
            load[best] += Math.max(1, t.sizeBytes());
        }
        out.removeIf(List::isEmpty);
        out.forEach(g -> g.sort(Comparator.comparingInt(Task::index)));
        return out;
    }

    /** The work of one partition, shipped to an executor: open the models once, analyse each recording. */
    static final class Work implements FlatMapFunction<Iterator<List<Task>>, PartitionResult> {
        private static final long serialVersionUID = 1L;
        private final AnalysisSettings settings;
        private final ScorerFactory scorers;
        private final String out;
        private final int batchSize;
        private final int threads;

        Work(AnalysisSettings settings, ScorerFactory scorers, String out, int batchSize, int threads) {
            this.settings = settings;
            this.scorers = scorers;
            this.out = out;
            this.batchSize = batchSize;
            this.threads = threads;
        }

        @Override
        public Iterator<PartitionResult> call(Iterator<List<Task>> groups) {
            List<Task> tasks = new ArrayList<>();
            groups.forEachRemaining(tasks::addAll);
            if (tasks.isEmpty()) {
                return Collections.emptyIterator();
            }
            Analyzer.Options options = new Analyzer.Options(Path.of(out), batchSize, threads);
            List<Indexed> results = new ArrayList<>(tasks.size());
            WindowSample sample = WindowSample.empty(Analyzer.SAMPLE);
            var workers = Analyzer.workers(threads);
            try (WindowScorer<?> scorer = scorers.open()) {
                for (Task t : tasks) {
                    RecordingResult r = RecordingAnalysis.analyse(new Recordings.Recording(Path.of(t.path()), t.name()),
                            settings, scorer, options, workers, s -> {});
                    if (r.sample() != null) {
                        sample = sample.merge(r.sample());
                        r = r.withoutSample();
                    }
                    results.add(new Indexed(t.index(), r));
                }
            } finally {
                if (workers != null) {
                    workers.shutdownNow();
                }
            }
            return List.of(new PartitionResult(results, sample)).iterator();
        }
    }

    /** The Spark session of a run: the running one if there is one (left running), else a new one (stopped after). */
    static final class Session implements AutoCloseable {
        final SparkSession spark;
        private final boolean owned;

        private Session(SparkSession spark, boolean owned) {
            this.spark = spark;
            this.owned = owned;
        }

        static Session open(String master, Consumer<String> log) {
            scala.Option<SparkSession> running = SparkSession.getActiveSession();
            if (running.isEmpty()) {
                running = SparkSession.getDefaultSession();
            }
            if (running.isDefined() && !running.get().sparkContext().isStopped()) {
                SparkSession s = running.get();
                if (master != null && !master.equals(s.sparkContext().master())) {
                    log.accept("note: using the running Spark session on " + s.sparkContext().master() + ", not " + master);
                }
                return new Session(s, false);
            }
            // spark-submit passes its --master as the system property spark.master; a plain JVM runs embedded.
            String m = master != null ? master : System.getProperty("spark.master", "local[*]");
            if (!m.startsWith("local") && System.getProperty("spark.jars") == null) {
                log.accept("note: executors on " + m + " need echomask's classes: run on a cluster with spark-submit and"
                        + " echomask-spark-<version>-all.jar (README, analyze)");
            }
            SparkSession.Builder b = SparkSession.builder().appName("echomask analyze").master(m);
            if (m.startsWith("local")) {
                // Embedded: no web UI, and nothing listens on or looks up anything but the loopback address.
                setIfAbsent(b, "spark.ui.enabled", "false");
                setIfAbsent(b, "spark.driver.host", "127.0.0.1");
                setIfAbsent(b, "spark.driver.bindAddress", "127.0.0.1");
            }
            for (String name : EXECUTOR_ENV) {
                String v = System.getenv(name);
                if (v != null) {
                    setIfAbsent(b, "spark.executorEnv." + name, v);
                }
            }
            try {
                return new Session(b.getOrCreate(), true);
            } catch (RuntimeException | LinkageError e) {
                throw new EchomaskException("spark: cannot start a Spark session on " + m + ": " + EchomaskException.rootMessage(e)
                        + (e instanceof IllegalAccessError || String.valueOf(e.getMessage()).contains("module java.base")
                                ? " (on Java 17 Spark needs the --add-opens options that ./echomask and spark-submit pass)" : ""), e);
            }
        }

        private static void setIfAbsent(SparkSession.Builder b, String key, String value) {
            if (System.getProperty(key) == null) {
                b.config(key, value);
            }
        }

        @Override
        public void close() {
            if (owned) {
                spark.stop();
            }
        }
    }
}
