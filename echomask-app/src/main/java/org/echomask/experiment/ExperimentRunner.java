package org.echomask.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.classify.ClassifierModel;
import org.echomask.classify.ClassifierSpec;
import org.echomask.classify.ClassifierTraining;
import org.echomask.dataset.DatasetMasks;
import org.echomask.dataset.DatasetSummary;
import org.echomask.dataset.ExampleSet;
import org.echomask.dataset.MaskEvaluation;
import org.echomask.dataset.MaskSelection;
import org.echomask.eval.ClassifierEvaluation;
import org.echomask.eval.Decision;
import org.echomask.io.Json;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.echomask.model.DatasetRef;
import org.echomask.model.Provenance;
import org.echomask.nn.DeepLabV3;
import org.echomask.nn.Layers;
import org.echomask.segment.SegmenterModel;
import org.echomask.segment.SegmenterTraining;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.train.EpochRecord;
import org.echomask.train.TrainConfig;

/**
 * Runs an experiment end to end in one directory: data, masks, the segmenter, every run (train,
 * score on the evaluation split, score again under the OOD transform), then {@code results.json}
 * and {@code report.html}. Every stage and run is marked when done, so an interrupted experiment
 * picks up where it stopped (a run killed mid-training resumes from its last epoch checkpoint).
 */
public final class ExperimentRunner {
    public static final String RESULTS_FILE = "results.json";
    public static final String REPORT_FILE = "report.html";

    /** What a stage did, for a closing summary. */
    public record Stage(String name, double seconds, String result) {}

    /** Hears about each stage as it ends. */
    @FunctionalInterface
    public interface Listener {
        void stageDone(Stage stage);
    }

    private final ExperimentConfig config;
    private final Path out;
    private final Progress progress;
    private final Listener listener;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    public ExperimentRunner(ExperimentConfig config, Path out, Progress progress, Listener listener) {
        this.config = config;
        this.out = out.toAbsolutePath().normalize();
        this.progress = progress;
        this.listener = listener;
    }

    public ExperimentResults run(List<String> command) {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        ExperimentData.Paths paths = ExperimentData.Paths.under(out);
        ExperimentConfig.Data data = config.data();

        if (data.synthetic() != null) {
            long t = System.nanoTime();
            String r = ExperimentData.corpus(data.synthetic(), paths.corpus(), progress);
            stage("synth", t, r == null ? "already there (" + paths.corpus() + ")" : r + " (" + paths.corpus() + ")");
        }
        long t = System.nanoTime();
        DatasetSummary ds = ExperimentData.dataset(data, paths.corpus(), paths.dataset(), threads, progress);
        stage("dataset " + data.transform(), t, ds == null ? "already there" : describe(ds, paths.dataset()));
        if (data.oodTransform() != null) {
            t = System.nanoTime();
            DatasetSummary ood = ExperimentData.ood(data, paths.dataset(), paths.oodDataset(), threads, progress);
            stage("dataset " + data.oodTransform() + " (OOD)", t, ood == null ? "already there" : describe(ood, paths.oodDataset()));
        }

        Map<String, List<RunSpec>> byTable = RunSpec.expand(config);
        List<RunSpec> runs = RunSpec.distinct(byTable);
        List<Path> datasets = data.oodTransform() == null ? List.of(paths.dataset()) : List.of(paths.dataset(), paths.oodDataset());
        if (runs.stream().anyMatch(r -> r.source().equals(MaskRecipe.PROPOSAL))) {
            proposals(datasets);
        } else if (config.masks().scoreProposals()) {
            proposals(List.of(paths.dataset()));
        }
        Map<String, Map<String, Double>> proposalIou = config.masks().scoreProposals() ? proposalIou(paths.dataset()) : null;
        ExperimentResults.SegmenterResult segmenter = null;
        if (runs.stream().anyMatch(r -> r.source().equals(MaskRecipe.GENERATED))) {
            segmenter = segmenter(paths.dataset(), datasets);
        }

        List<RunResult> results = new ArrayList<>();
        List<ExperimentResults.FailedRun> failed = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSpec run = runs.get(i);
            t = System.nanoTime();
            progress.status("run " + (i + 1) + "/" + runs.size() + ": " + run.id());
            try {
                RunResult r = run(run, paths);
                results.add(r);
                stage("run " + (i + 1) + "/" + runs.size(), t, String.format(Locale.ROOT, "%s: val %.3f, %s %.3f%s", r.label(),
                        r.valJointAccuracy(), config.evaluate().split(), r.test().windows().model().jointAccuracy(),
                        r.ood() == null ? "" : String.format(Locale.ROOT, ", OOD %.3f", r.ood().windows().model().jointAccuracy())));
            } catch (EchomaskException | ai.djl.engine.EngineException | IllegalArgumentException | IllegalStateException e) {
                // One run that cannot train (a recipe the data does not fit, a native error) must not
                // throw away the others: it is reported in the results and the report, and retried on
                // the next invocation since it has no mark.
                failed.add(new ExperimentResults.FailedRun(run, String.valueOf(e.getMessage())));
                stage("run " + (i + 1) + "/" + runs.size(), t, run.label() + ": FAILED: " + e.getMessage());
            }
        }
        if (results.isEmpty()) {
            throw new EchomaskException("experiment " + config.name() + ": every run failed; first: " + failed.get(0).problem());
        }

        Map<String, List<String>> tables = new LinkedHashMap<>();
        java.util.Set<String> done = new java.util.HashSet<>(results.stream().map(r -> r.run().id()).toList());
        byTable.forEach((k, v) -> {
            List<String> ids = v.stream().map(RunSpec::id).filter(done::contains).toList();
            if (!ids.isEmpty()) {
                tables.put(k, ids);
            }
        });
        ExperimentResults all = new ExperimentResults(config, command, startedAt.toString(), Instant.now().toString(),
                (System.nanoTime() - started) / 1e9, ExperimentResults.Machine.here(), proposalIou, segmenter, results, failed, tables);
        // Written with the results, not first: a rerun with other settings is refused by a stage mark,
        // and must not leave a config behind that the directory's results do not come from.
        Json.writeFile(out.resolve("experiment.json"), config);
        Json.writeFile(out.resolve(RESULTS_FILE), all);
        t = System.nanoTime();
        ExperimentReport.write(all, out.resolve(REPORT_FILE));
        stage("report", t, out.resolve(REPORT_FILE) + ", " + out.resolve(RESULTS_FILE));
        return all;
    }

    /** Proposals scored against the synthetic truth, once (kept in data/proposal-iou.json). */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Double>> proposalIou(Path dataset) {
        long t = System.nanoTime();
        Path file = dataset.resolveSibling("proposal-iou.json");
        StageStamp stamp = StageStamp.of(file, Map.of("data", config.data(), "preset", config.masks().proposalPreset()));
        if (!stamp.done()) {
            Json.writeFile(file, ProposalScores.iou(MaskEvaluation.evaluate(dataset, List.of(MaskEvaluation.Candidate.stored()),
                    threads, progress)));
            stamp.mark();
        }
        Map<String, Map<String, Double>> iou = Json.readFile(file, Map.class);
        stage("proposals vs truth", t, ProposalScores.describe(iou));
        return iou;
    }

    /** Draws the report of finished results (what {@code experiment --report-only} does). */
    public static void report(ExperimentResults results, Path file) {
        ExperimentReport.write(results, file);
    }

    private void proposals(List<Path> datasets) {
        for (Path ds : datasets) {
            long t = System.nanoTime();
            StageStamp stamp = StageStamp.of(ds.resolveSibling(ds.getFileName() + "-proposals"),
                    Map.of("data", config.data(), "preset", config.masks().proposalPreset()));
            if (stamp.done()) {
                continue;
            }
            DatasetMasks.Report r = DatasetMasks.propose(ds, ProposerConfig.preset(config.masks().proposalPreset()), threads,
                    progress);
            stamp.mark();
            stage("mask proposals", t, r.written() + " " + r.version() + " proposals (" + ds.getFileName() + ")");
        }
    }

    private ExperimentResults.SegmenterResult segmenter(Path trainData, List<Path> datasets) {
        Path model = out.resolve("models/segmenter");
        ExperimentConfig.Segmenter s = config.masks().segmenter();
        StageStamp stamp = StageStamp.of(model, Map.of("data", config.data(), "segmenter", segmenterRecipe()));
        Path resultFile = out.resolve("models/segmenter-result.json");
        if (!stamp.done()) {
            long t = System.nanoTime();
            SegmenterTraining.Outcome o = SegmenterTraining.run(new SegmenterTraining.Job(trainData,
                    DeepLabV3.defaults().withNumClasses(2), s.config(), s.limit(), model, true, List.of("experiment"),
                    SegmenterTraining.DEFAULT_LOSS), progress);
            double coverage = Double.NaN; // of the training dataset, the first
            try (SegmenterModel m = SegmenterModel.open(model)) {
                for (Path ds : datasets) {
                    ExampleSet all = ExampleSet.load(ds, e -> true, MaskSelection.NONE, threads, progress);
                    double c = m.writeGeneratedMasks(all, model, 32, progress);
                    coverage = Double.isNaN(coverage) ? c : coverage;
                }
            }
            Json.writeFile(resultFile, new ExperimentResults.SegmenterResult(o.trainMasks(), o.valMasks(), o.result().bestEpoch(),
                    o.heldOut().meanIou(), o.heldOut().meanDice(), coverage, o.result().seconds(), network()));
            stamp.mark();
            stage("segmenter", t, String.format(Locale.ROOT, network() + " on %d HQ masks: held-out IoU %.3f, Dice %.3f; "
                    + "generated masks for %d datasets", o.trainMasks(), o.heldOut().meanIou(), o.heldOut().meanDice(), datasets.size()));
        }
        return Json.readFile(resultFile, ExperimentResults.SegmenterResult.class);
    }

    private RunResult run(RunSpec run, ExperimentData.Paths paths) {
        Path dir = out.resolve("runs").resolve(run.id());
        Path model = dir.resolve("model");
        TrainConfig train = config.train().config(run.seed());
        // The training settings by what shapes results: loader threads and prefetch may change without a rerun.
        Map<String, Object> recipe = new LinkedHashMap<>(Map.of("data", config.data(), "run", run, "train", train.resultHash(),
                "evaluate", config.evaluate(), "sigma", config.masks().softSigma()));
        if (run.source().equals(MaskRecipe.GENERATED)) {
            recipe.put("segmenter", segmenterRecipe()); // other generated masks, another run
        }
        StageStamp stamp = StageStamp.of(dir, recipe);
        Path resultFile = dir.resolve("result.json");
        if (stamp.done() && Files.isRegularFile(resultFile)) {
            return Json.readFile(resultFile, RunResult.class);
        }
        DatasetRef ref = DatasetRef.open(paths.dataset());
        SpectrogramTransform transform = ref.info().transform();
        ClassifierSpec spec = run.classifier(transform, ref.info().labels(), config.masks().softSigma());
        boolean packaged = Files.isRegularFile(model.resolve("model.json"));
        if (!packaged) {
            ClassifierTraining.run(new ClassifierTraining.Job(paths.dataset(), spec, train, false, model, true,
                    List.of("experiment", config.name(), run.id())), progress);
        }
        ClassifierEvaluation.Settings settings = new ClassifierEvaluation.Settings(config.evaluate().split(),
                Decision.parse(config.evaluate().decision()), config.evaluate().clipLevel(), 64, threads, run.seed());
        try (ClassifierModel m = ClassifierModel.open(model)) {
            ClassifierEvaluation.Report test = ClassifierEvaluation.run(m, paths.dataset(), transform.name(), settings, progress);
            ClassifierEvaluation.write(test, spec.labels(), dir.resolve("eval"));
            ClassifierEvaluation.Report ood = null;
            if (config.data().oodTransform() != null) {
                ood = ClassifierEvaluation.run(m, paths.oodDataset(), config.data().oodTransform(), settings, progress);
                ClassifierEvaluation.write(ood, spec.labels(), dir.resolve("eval-ood"));
            }
            // What the trainer recorded in the package (also when an earlier invocation trained it).
            Provenance trained = m.opened().provenance();
            List<EpochRecord> history = trained.history().stream()
                    .map(row -> Json.mapper().convertValue(row, EpochRecord.class)).toList();
            int best = trained.bestEpoch();
            RunResult r = new RunResult(run, run.label(), Layers.trainableParameterCount(m.block()),
                    history.stream().mapToDouble(EpochRecord::seconds).sum(),
                    history.stream().mapToDouble(EpochRecord::trainExamplesPerSecond).average().orElse(0), best,
                    best < 1 ? Double.NaN : history.get(best - 1).valScore(),
                    new RunResult.Curves(history.stream().map(EpochRecord::trainLoss).toList(),
                            history.stream().map(EpochRecord::valLoss).toList(),
                            history.stream().map(EpochRecord::valScore).toList()), test, ood);
            Json.writeFile(resultFile, r);
            stamp.mark();
            return r;
        }
    }

    private static String network() {
        var spec = DeepLabV3.defaults();
        return (spec.decoder().equals("plus") ? "DeepLabV3+ " : "DeepLabV3 ") + spec.backbone().architecture() + " w"
                + spec.backbone().widthMultiplier() + ", loss " + SegmenterTraining.DEFAULT_LOSS;
    }

    /** What decides the generated masks: the experiment's segmenter settings, the network layout and the loss. */
    private Map<String, Object> segmenterRecipe() {
        return Map.of("settings", config.masks().segmenter(), "layout", DeepLabV3.defaults(), "loss", SegmenterTraining.DEFAULT_LOSS);
    }

    private static String describe(DatasetSummary s, Path dir) {
        return String.format(Locale.ROOT, "%d examples %s, %d recordings refused (%s)", s.entries().size(),
                s.info().examples(), s.errors().size(), dir);
    }

    private void stage(String name, long t0, String result) {
        listener.stageDone(new Stage(name, (System.nanoTime() - t0) / 1e9, result));
    }
}
