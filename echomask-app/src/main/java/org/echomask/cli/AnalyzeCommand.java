package org.echomask.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.echomask.EchomaskException;
import org.echomask.detect.AnalysisEngine;
import org.echomask.detect.AnalysisSettings;
import org.echomask.detect.Analyzer;
import org.echomask.detect.ClassThresholds;
import org.echomask.detect.Fingerprints;
import org.echomask.detect.LabelBand;
import org.echomask.detect.ModelScorer;
import org.echomask.detect.PostProcess;
import org.echomask.detect.Recordings;
import org.echomask.detect.TrainingRecipe;
import org.echomask.classify.ClassifierCard;
import org.echomask.model.ModelPackage;
import org.echomask.train.InferenceThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code echomask analyze}: run trained classifiers over long recordings and write detections. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Run one or more trained classifiers over recordings of any length, window by window.",
                "Writes per recording OUT/recordings/<name>.selections.txt (Raven detections),",
                "<name>.windows.csv (probabilities per window) and <name>.json; for the run",
                "detections.selections.txt (combined Raven table), presence_by_file/hour/day.csv,",
                "errors.csv, settings.json and summary.html. Rerunning skips recordings already done",
                "with the same models and settings.",
                "--engine spark distributes the recordings over Apache Spark executors (same files);",
                "it needs the echomask-spark module and Spark on the class path: ./echomask adds them,",
                "or run echomask-spark-<version>-all.jar with spark-submit (see README)."})
final class AnalyzeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, split = ",",
            description = "Classifier package(s) (directory or .zip); several = an ensemble (mean of probabilities).")
    List<Path> models;

    @Option(names = "--weights", split = ",", converter = Bounds.NonNegativeReal.class,
            description = "Ensemble weight per model, >= 0 (default: equal).")
    List<Double> weights;

    @Option(names = "--in", required = true, arity = "1..*",
            description = "Recordings (WAV or FLAC, any name) and/or directories searched for *.wav, *.flac.")
    List<Path> inputs;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--window-s", converter = Bounds.WindowSeconds.class,
            description = "Window length in seconds (default: the training data's).")
    Double windowS;

    @Option(names = "--hop-s", converter = Bounds.WindowSeconds.class,
            description = "Hop between windows in seconds (default: the training data's, or half a window).")
    Double hopS;

    @Option(names = "--threshold", converter = Bounds.Fraction.class,
            description = "Decision threshold in [0, 1] for every label (default: the model's, 0.5 unless set).")
    Double threshold;

    @Option(names = "--thresholds", description = "CSV with columns label,threshold: per-label thresholds (others: --threshold).")
    Path thresholdsFile;

    @Option(names = "--label-bands", description = "CSV with columns label,low_hz,high_hz: the band a label's detections get"
            + " when they carry no mask extent (image-only models, empty masks); others span the transform's band.")
    Path labelBandsFile;

    @Option(names = "--post-process", defaultValue = "none", converter = Enums.PostProcesses.class,
            completionCandidates = Enums.PostProcesses.class,
            description = "none, or file-mean: p'(i,j) = p(i,j) * mean over the file's windows k of p(k,j). Default: ${DEFAULT-VALUE}.")
    PostProcess postProcess;

    @Option(names = "--min-gap-s", defaultValue = "0", converter = Bounds.NonNegativeReal.class,
            description = "Also merge detections of a label at most this many seconds apart. Default: ${DEFAULT-VALUE}.")
    double minGapS;

    @Mixin
    ChannelOption channel;

    @Option(names = "--batch-size", defaultValue = "32", converter = Bounds.Positive.class,
            description = "Windows per forward pass (>= 1). Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--threads", converter = Bounds.NonNegative.class,
            description = "Threads computing spectrograms and masks; 0 = the calling thread (default: all cores; with --engine spark: 1 per task).")
    Integer threads;

    @Option(names = "--inference-threads", converter = Bounds.Positive.class,
            description = "libtorch threads running the networks (default: a quarter of the"
            + " cores, at least 1, as the spectrogram threads need the rest; with --engine spark: 1, as tasks run side by side).")
    Integer inferenceThreads;

    @Option(names = "--engine", defaultValue = LOCAL,
            description = "local (this JVM) or spark (Apache Spark: recordings distributed over executors, models loaded once per partition). Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--master", description = "Spark master URL with --engine spark, e.g. local[2] or spark://host:7077"
            + " (default: spark-submit's --master, else local[*]).")
    String master;

    static final String LOCAL = "local";

    @Override
    public Integer call() {
        PostProcess post = postProcess;
        AnalysisEngine distributed = engine();
        if (weights != null && weights.size() != models.size()) {
            throw new EchomaskException(weights.size() + " weights for " + models.size() + " models");
        }
        double[] w = weights == null ? models.stream().mapToDouble(m -> 1.0).toArray()
                : weights.stream().mapToDouble(Double::doubleValue).toArray();
        List<Recordings.Recording> recordings = Recordings.find(inputs);
        if (recordings.isEmpty()) {
            throw new EchomaskException("no recordings (*.wav, *.flac) in " + inputs);
        }
        int torchThreads = inferenceThreads != null ? inferenceThreads
                : distributed != null ? 1 : InferenceThreads.forAnalysis(Runtime.getRuntime().availableProcessors());
        try (ModelScorer scorer = ModelScorer.open(models, w, torchThreads, note -> System.err.println("note: " + note))) {
            AnalysisSettings settings = settings(scorer, post, w);
            System.err.printf(Locale.ROOT, "analysing %d recordings with %d model(s): %s s windows every %s s at %d Hz%n",
                    recordings.size(), models.size(), settings.windowS(), settings.hopS(), settings.sampleRate());
            java.util.function.Consumer<String> log = line -> System.err.println("echomask: " + line);
            Analyzer.Result r = distributed == null
                    ? Analyzer.run(recordings, settings, scorer, new Analyzer.Options(out, batchSize,
                            threads == null ? Runtime.getRuntime().availableProcessors() : threads),
                            TerminalProgress.forStderr(), log)
                    : distributed.run(recordings, settings, scorer, ModelScorer.factory(models, w, torchThreads),
                            new Analyzer.Options(out, batchSize, threads == null ? 1 : threads), master,
                            TerminalProgress.forStderr(), log);
            AnalysisSummary.write(out.resolve(AnalysisSummary.FILE), r, scorer.describe(), Analyzer.now());
            long detections = r.detectionsPerLabel().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "%d recordings: %d analysed, %d skipped (done before), %d failed; %d detections -> %s%n",
                    r.outcomes().size(), r.count(Analyzer.Status.ANALYSED), r.count(Analyzer.Status.SKIPPED),
                    r.count(Analyzer.Status.FAILED), detections, out);
            System.out.printf(Locale.ROOT, "analysed %.3f h of audio in %.1f s: %.1f x real time%n", r.analysedAudioS() / 3600,
                    r.wallS(), r.realTimeFactor());
            return r.count(Analyzer.Status.FAILED) == r.outcomes().size() ? 1 : 0;
        }
    }

    /** The distributed engine asked for, or null for the local one; a clear error when it is not on the class path. */
    private AnalysisEngine engine() {
        if (engine.equals(LOCAL)) {
            if (master != null) {
                throw new EchomaskException("--master " + master + " is for --engine spark");
            }
            return null;
        }
        java.util.Optional<AnalysisEngine> found;
        try {
            found = AnalysisEngine.find(engine);
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            throw new EchomaskException("--engine " + engine + ": the engine on the class path cannot load (" + e.getMessage()
                    + "); is Apache Spark 4.1 (Scala 2.13) on the class path too?", e);
        }
        return found.orElseThrow(() -> new EchomaskException("--engine " + engine + ": no such engine on the class path"
                + (engine.equals("spark") ? ". The Spark engine lives in the echomask-spark module and needs Apache Spark 4.1"
                        + " (Scala 2.13) beside it: run ./echomask analyze --engine spark ... from the repository (it builds"
                        + " and adds both), or spark-submit echomask-spark/target/echomask-spark-<version>-all.jar (see README)"
                        : "; engines: local, spark")));
    }

    private AnalysisSettings settings(ModelScorer scorer, PostProcess post, double[] w) {
        List<ModelPackage.Opened<ClassifierCard>> opened = scorer.packages();
        double window;
        double hop;
        if (windowS != null) {
            window = windowS;
            hop = hopS != null ? hopS : window / 2;
        } else {
            TrainingRecipe.Window tw = TrainingRecipe.window(opened.get(0));
            window = tw.windowS();
            hop = hopS != null ? hopS : tw.hopS();
            System.err.println((tw.guessed() ? "warning: window " : "note: window ") + window + " s from " + tw.source());
            for (int i = 1; i < opened.size(); i++) {
                TrainingRecipe.Window other = TrainingRecipe.window(opened.get(i));
                if (Math.abs(other.windowS() - window) > 1e-9) {
                    System.err.println("warning: " + models.get(i) + " was trained on " + other.windowS()
                            + " s windows; all models get " + window + " s windows");
                }
            }
        }
        int spectrogramHop = opened.stream().mapToInt(o -> o.card().transform().hop()).min().orElse(1);
        Bounds.checkAnalysisWindow(windowS != null ? "--window-s" : "the window from the model", window,
                hopS != null ? "--hop-s" : "the hop from the model", hop, scorer.sampleRate(), spectrogramHop);
        List<String> labels = scorer.labels();
        Map<String, Double> overrides = thresholdsFile == null ? Map.of() : ClassThresholds.read(thresholdsFile);
        double[] thr = ClassThresholds.of(labels, threshold != null ? threshold : scorer.cardThreshold(), overrides);
        List<String> abs = new ArrayList<>();
        List<String> prints = new ArrayList<>();
        for (Path m : models) {
            abs.add(m.toAbsolutePath().normalize().toString());
            prints.add(Fingerprints.of(m));
        }
        return new AnalysisSettings(abs, prints, java.util.Arrays.stream(w).boxed().toList(), labels, window, hop,
                scorer.sampleRate(), channel.channel, java.util.Arrays.stream(thr).boxed().toList(), post, minGapS,
                labelBandsFile == null ? List.of() : LabelBand.read(labelBandsFile));
    }
}
