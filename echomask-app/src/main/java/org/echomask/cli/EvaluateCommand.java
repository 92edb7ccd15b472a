package org.echomask.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.Progress;
import org.echomask.classify.ClassifierModel;
import org.echomask.dataset.DatasetInfo;
import org.echomask.dataset.DatasetRerender;
import org.echomask.dataset.InputRecipe;
import org.echomask.eval.ClassifierEvaluation;
import org.echomask.eval.Decision;
import org.echomask.eval.EvaluationMasks;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.echomask.metrics.Evaluation;
import org.echomask.model.DatasetRef;
import org.echomask.report.Plots;
import org.echomask.spectrogram.SpectrogramTransform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code echomask evaluate}: a classifier's metrics on a dataset split, beside the trivial baselines. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a trained classifier on a dataset split: joint accuracy, macro/micro F1, hamming loss,",
                "ROC-AUC, average precision, per-class and confusion over label combinations, next to the majority-",
                "combination and label-prior baselines. Writes OUT/metrics.json, predictions.csv, confusion.png.",
                "--transform re-renders the dataset's audio with another transform first (the out-of-distribution test);",
                "the masks the model reads are made again the way they were made for training."})
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ScoringOptions scoring;

    @Option(names = "--split", defaultValue = "test", converter = Enums.SplitsOrAll.class, completionCandidates = Enums.SplitsOrAll.class,
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--transform", converter = Enums.Transforms.class, completionCandidates = Enums.Transforms.class,
            description = "Re-render the audio with this transform (built-in name or JSON file): the OOD test.")
    SpectrogramTransform transform;

    @Option(names = "--decision", defaultValue = "model", converter = Enums.Decisions.class,
            completionCandidates = Enums.Decisions.class, description = "model (the model's threshold or most probable combination) or argmax (one label per example). Default: ${DEFAULT-VALUE}.")
    Decision decision;

    @Option(names = "--clip-level", description = "Also score whole recordings (mean of their windows' probabilities).")
    boolean clipLevel;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() {
        Progress progress = TerminalProgress.forStderr();
        int n = scoring.threads.resolve();
        Path dataset = scoring.dataset;
        DatasetRef data = DatasetRef.open(dataset);
        try (ClassifierModel m = ClassifierModel.open(scoring.model)) {
            data.requireLabels(m.spec().labels());
            Path scored = dataset;
            String transformName = data.info().transform().name();
            if (transform != null) {
                SpectrogramTransform t = transform;
                scored = out.resolve("dataset-" + t.name());
                if (!Files.isRegularFile(scored.resolve(DatasetInfo.FILE_NAME))
                        || !DatasetRef.open(scored).info().transform().equals(t)) {
                    System.out.println("re-rendering " + dataset + " with transform " + t.name() + " -> " + scored);
                    DatasetRerender.rerender(dataset, t, scored, n, progress);
                }
                transformName = t.name();
            }
            PredictCommand.warnAboutFit(m.opened().warnings(), DatasetRef.open(scored).transformDifferences(m.card().transform()));
            EvaluationMasks.ensure(m.spec(), m.opened().hasSegmenter() ? m.opened().segmenterDir() : null,
                    proposer(m, dataset), scored, n, progress);
            ClassifierEvaluation.Report report = ClassifierEvaluation.run(m, scored, transformName,
                    new ClassifierEvaluation.Settings(split.equals(Enums.SplitsOrAll.ALL) ? null : split, decision, clipLevel,
                            scoring.batchSize, n, 1), progress);
            ClassifierEvaluation.write(report, m.spec().labels(), out);
            var cm = report.windows().model().confusion();
            Plots.writePng(out.resolve("confusion.png"), Plots.confusionMatrix(report.name(), cm.combinations(), cm.counts()));
            if (report.clips() != null) {
                var cc = report.clips().model().confusion();
                Plots.writePng(out.resolve("confusion-clips.png"), Plots.confusionMatrix(report.name() + " (clips)",
                        cc.combinations(), cc.counts()));
            }
            print(report);
            System.out.println("-> " + out.resolve(ClassifierEvaluation.METRICS_FILE) + ", "
                    + ClassifierEvaluation.PREDICTIONS_FILE + ", confusion.png");
            return 0;
        }
    }

    /**
     * The proposer config of a proposal-mask model: the one its card records; for older packages
     * the one the evaluated dataset's proposals were made with (else null: nothing to remake with).
     */
    private static ProposerConfig proposer(ClassifierModel m, Path dataset) {
        if (!MaskRecipe.PROPOSAL.equals(m.spec().maskSource())) {
            return null;
        }
        if (m.card().input() != null) {
            return m.card().input().mask().proposer();
        }
        return Files.isRegularFile(InputRecipe.proposerFile(dataset)) ? InputRecipe.proposer(dataset) : null;
    }

    static void print(ClassifierEvaluation.Report r) {
        System.out.printf(Locale.ROOT, "%s on %s (%s split, transform %s, decision %s)%n", r.name(), r.dataset(), r.split(),
                r.transform(), r.decision());
        printLevel("examples", r.windows());
        if (r.clips() != null) {
            printLevel("recordings", r.clips());
        }
    }

    private static void printLevel(String what, ClassifierEvaluation.Level level) {
        System.out.printf(Locale.ROOT, "  %-40s %6s %9s %9s %8s %8s%n", what + " (n=" + level.model().n() + ")", "joint",
                "macro-F1", "micro-F1", "hamming", "AUC");
        List<Evaluation> rows = new ArrayList<>(List.of(level.model()));
        rows.addAll(level.baselines());
        for (Evaluation e : rows) {
            System.out.printf(Locale.ROOT, "  %-40s %6.3f %9.3f %9.3f %8.3f %8.3f%n", e.name(), e.jointAccuracy(), e.macroF1(),
                    e.microF1(), e.hammingLoss(), e.rocAucMacro());
        }
    }
}
