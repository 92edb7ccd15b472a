package org.echomask.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.Progress;
import org.echomask.dataset.DatasetMasks;
import org.echomask.experiment.ExperimentConfig;
import org.echomask.experiment.ExperimentResults;
import org.echomask.experiment.ExperimentRunner;
import org.echomask.experiment.RunResult;
import org.echomask.io.Json;
import org.echomask.mask.MaskRecipe;
import org.echomask.spectrogram.SpectrogramImages;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.synth.SoundscapeGenerator;
import org.echomask.synth.SynthConfig;
import org.echomask.synth.SyntheticClip;
import org.echomask.synth.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: the whole pipeline on synthetic SSLMP-like data, run as the built-in experiment
 * {@code demo} (or {@code demo-quick}), then pictures and a closing summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on synthetic hydrophone data and print what each stage did:",
                "synthesise clips -> dataset (origin transform) -> the same audio under the alternative (OOD) transform",
                "-> mask proposals scored against the truth -> few-shot segmenter -> generated masks -> image-only",
                "baseline and mask-guided classifiers (soft masks) -> scores on the test split, origin and OOD ->",
                "OUT/report.html. The synthetic ground truth stands in for a person's HQ masks."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "out/demo", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--quick", description = "A small run (about 15 s: 32 one-second clips, 2 epochs) for a first look and for tests.")
    boolean quick;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the synthetic corpus. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Progress progress = TerminalProgress.forStderr();
        ExperimentConfig config = ExperimentConfig.load(quick ? "demo-quick" : "demo").withSyntheticSeed(seed);
        List<ExperimentRunner.Stage> stages = new ArrayList<>();
        ExperimentResults results = new ExperimentRunner(config, out, progress, s -> {
            stages.add(s);
            ExperimentCommand.printStage(s);
        }).run(Main.lastArgs());
        Path dataset = out.resolve("data/dataset");

        long t = System.nanoTime();
        int threads = Runtime.getRuntime().availableProcessors();
        DatasetMasks.Report soft = DatasetMasks.soften(dataset, MaskRecipe.HQ, config.masks().softSigma(), threads, progress);
        stages.add(new ExperimentRunner.Stage("soft masks", seconds(t), String.format(Locale.ROOT,
                "%d Gaussian soft masks of the HQ masks written for viewing, sigma %.0f px (%s)", soft.written(),
                config.masks().softSigma(), DatasetMasks.softDirectory(MaskRecipe.HQ, config.masks().softSigma()))));

        t = System.nanoTime();
        SyntheticClip busiest = busiestClip(out.resolve("data/synth"));
        for (String name : List.of(config.data().transform(), config.data().oodTransform())) {
            SpectrogramImages.writeColour(out.resolve("example-" + name + ".png"),
                    SpectrogramTransform.load(name).apply(busiest.mix(), busiest.sampleRate()));
        }
        stages.add(new ExperimentRunner.Stage("pictures", seconds(t), "clip " + busiest.id() + " " + busiest.labels() + " -> "
                + out.resolve("example-" + config.data().transform() + ".png") + ", example-" + config.data().oodTransform() + ".png"));

        printSummary(stages, results, out.resolve(ExperimentRunner.REPORT_FILE), seconds(start));
        return 0;
    }

    /** The clip with the most labels (first such), regenerated for its pictures. */
    private static SyntheticClip busiestClip(Path corpus) {
        List<SyntheticCorpus.Row> rows = SyntheticCorpus.readManifest(corpus.resolve(SyntheticCorpus.MANIFEST));
        SyntheticCorpus.Row best = rows.get(0);
        for (SyntheticCorpus.Row r : rows) {
            if (r.labels().size() > best.labels().size()) {
                best = r;
            }
        }
        SynthConfig synth = Json.readFile(corpus.resolve(SyntheticCorpus.CONFIG), SynthConfig.class);
        return SoundscapeGenerator.generate(best.seed(), best.index(), synth);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void printSummary(List<ExperimentRunner.Stage> stages, ExperimentResults results, Path report,
            double totalS) {
        System.out.println();
        System.out.println("Echomask demo — stages run");
        System.out.printf(Locale.ROOT, "%-26s %8s  %s%n", "stage", "seconds", "result");
        for (ExperimentRunner.Stage s : stages) {
            System.out.printf(Locale.ROOT, "%-26s %8.1f  %s%n", s.name(), s.seconds(), s.result());
        }
        System.out.println();
        String split = results.experiment().evaluate().split();
        System.out.printf(Locale.ROOT, "Classifiers (%s split; HQ masks = the synthetic ground truth standing in for a person's)%n", split);
        System.out.printf(Locale.ROOT, "%-52s %9s %9s %9s %9s%n", "model", "joint acc", "macro-F1", "hamming", "OOD joint");
        for (RunResult r : results.runs()) {
            var m = r.test().windows().model();
            System.out.printf(Locale.ROOT, "%-52s %9.3f %9.3f %9.3f %9.3f%n", r.label(), m.jointAccuracy(), m.macroF1(),
                    m.hammingLoss(), r.ood() == null ? Double.NaN : r.ood().windows().model().jointAccuracy());
        }
        RunResult first = results.runs().get(0);
        for (var b : first.test().windows().baselines()) {
            System.out.printf(Locale.ROOT, "%-52s %9.3f %9.3f %9.3f%n", b.name(), b.jointAccuracy(), b.macroF1(), b.hammingLoss());
        }
        System.out.printf(Locale.ROOT, "%nTotal %.1f s. Report: %s%n", totalS, report);
    }
}
