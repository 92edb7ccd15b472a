package org.echomask.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.Progress;
import org.echomask.dataset.DatasetBuilder;
import org.echomask.dataset.DatasetConfig;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetMasks;
import org.echomask.dataset.MaskEvaluation;
import org.echomask.mask.ProposerConfig;
import org.echomask.dataset.DatasetSummary;
import org.echomask.dataset.ExampleSources;
import org.echomask.mask.BinaryMasks;
import org.echomask.spectrogram.SpectrogramImages;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.synth.SoundscapeGenerator;
import org.echomask.synth.SynthConfig;
import org.echomask.synth.SynthProfile;
import org.echomask.synth.SyntheticClip;
import org.echomask.synth.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: runs every pipeline stage that exists, end to end, on synthetic SSLMP-like data,
 * and prints what each stage did. Stages join as the project grows.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run every pipeline stage on synthetic hydrophone data and print what each did.",
                "Synthesise clips -> dataset with ground-truth masks (origin transform) -> the same audio under the",
                "alternative (OOD) transform -> mask proposals scored against the truth -> soft masks -> pictures.",
                "The synthetic ground truth stands in for a person's HQ masks."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "out/demo", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--quick", description = "A small run (seconds) for a first look and for tests.")
    boolean quick;

    @Option(names = "--seed", defaultValue = "7", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    private record StageResult(String stage, String result, double seconds) {}

    @Override
    public Integer call() {
        int clips = quick ? 24 : 240;
        double duration = quick ? 1.0 : 2.0;
        Progress progress = TerminalProgress.forStderr();
        List<StageResult> stages = new ArrayList<>();

        long t = System.nanoTime();
        SynthConfig synth = SynthConfig.of(SynthProfile.ORIGIN).withDuration(duration);
        Path corpus = out.resolve("synth");
        List<SyntheticCorpus.Row> rows = SynthCommand.writeCorpus(corpus, synth, seed, clips,
                SyntheticCorpus.Splits.of(0.7, 0.15), progress);
        long labelled = rows.stream().filter(r -> !r.labels().isEmpty()).count();
        stages.add(new StageResult("synth", String.format(Locale.ROOT, "%d clips x %.1f s at %d Hz, %d with calls (%s)",
                rows.size(), duration, synth.sampleRate(), labelled, corpus), secondsSince(t)));

        DatasetSummary origin = null;
        for (SpectrogramTransform transform : List.of(SpectrogramTransform.ORIGIN, SpectrogramTransform.ALTERNATIVE)) {
            t = System.nanoTime();
            Path ds = out.resolve("dataset-" + transform.name());
            DatasetSummary s = new DatasetBuilder(DatasetConfig.defaults(transform)).build("manifest",
                    corpus.resolve(SyntheticCorpus.MANIFEST).toString(),
                    ExampleSources.fromManifest(corpus.resolve(SyntheticCorpus.MANIFEST), null), ds, progress);
            double coverage = s.entries().stream().filter(DatasetEntry::hasHqMask)
                    .mapToDouble(e -> BinaryMasks.coverage(BinaryMasks.read(ds.resolve(e.hqMask())))).average().orElse(0);
            stages.add(new StageResult("dataset " + transform.name(), String.format(Locale.ROOT,
                    "%d examples %s, HQ masks cover %.1f%% of pixels, %d refused (%s)", s.entries().size(),
                    s.info().examples(), 100 * coverage, s.errors().size(), ds), secondsSince(t)));
            if (origin == null) {
                origin = s;
            }
        }

        Path originDs = out.resolve("dataset-origin");
        t = System.nanoTime();
        int threads = Runtime.getRuntime().availableProcessors();
        DatasetMasks.Report proposals = DatasetMasks.propose(originDs, ProposerConfig.preset("soundscape"), threads, progress);
        MaskEvaluation.Evaluation eval = MaskEvaluation.evaluate(originDs, List.of(MaskEvaluation.Candidate.stored()),
                threads, progress);
        stages.add(new StageResult("mask proposals", String.format(Locale.ROOT,
                "%d proposals (%s), IoU vs ground truth: %s", proposals.written(), proposals.version(),
                iouSummary(eval)), secondsSince(t)));
        t = System.nanoTime();
        DatasetMasks.Report soft = DatasetMasks.soften(originDs, "hq", 2.0, threads, progress);
        stages.add(new StageResult("soft masks", String.format(Locale.ROOT, "%d Gaussian soft masks of the HQ masks, sigma 2 px (%s)",
                soft.written(), DatasetMasks.softDirectory("hq", 2.0)), secondsSince(t)));

        t = System.nanoTime();
        SyntheticClip busiest = busiestClip(rows, synth);
        for (SpectrogramTransform transform : List.of(SpectrogramTransform.ORIGIN, SpectrogramTransform.ALTERNATIVE)) {
            SpectrogramImages.writeColour(out.resolve("example-" + transform.name() + ".png"),
                    transform.apply(busiest.mix(), busiest.sampleRate()));
        }
        stages.add(new StageResult("pictures", "clip " + busiest.id() + " " + busiest.labels() + " -> "
                + out.resolve("example-origin.png") + ", example-alternative.png", secondsSince(t)));

        printSummary(stages);
        return origin.entries().isEmpty() ? 1 : 0;
    }

    /** "all 0.80 | beluga_click 0.83 | ..." for the stored proposals, next to the all-background baseline. */
    private static String iouSummary(MaskEvaluation.Evaluation eval) {
        StringBuilder b = new StringBuilder();
        for (MaskEvaluation.Result r : eval.results()) {
            if (r.name().equals(MaskEvaluation.SIGNAL)) {
                continue;
            }
            String name = r.name().equals(MaskEvaluation.BACKGROUND) ? "all-background baseline" : "proposals";
            b.append(b.length() == 0 ? "" : "; ").append(name).append(':');
            for (MaskEvaluation.Row row : r.rows()) {
                if (!row.type().equals(MaskEvaluation.NONE)) {
                    b.append(String.format(Locale.ROOT, " %s %.2f", row.type(), row.iou()));
                }
            }
        }
        return b.toString();
    }

    /** The clip with the most labels (first such), regenerated for its pictures. */
    private SyntheticClip busiestClip(List<SyntheticCorpus.Row> rows, SynthConfig synth) {
        SyntheticCorpus.Row best = rows.get(0);
        for (SyntheticCorpus.Row r : rows) {
            if (r.labels().size() > best.labels().size()) {
                best = r;
            }
        }
        return SoundscapeGenerator.generate(best.seed(), best.index(), synth);
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void printSummary(List<StageResult> stages) {
        System.out.println();
        System.out.println("Echomask demo — stages run");
        System.out.printf(Locale.ROOT, "%-22s %8s  %s%n", "stage", "seconds", "result");
        for (StageResult s : stages) {
            System.out.printf(Locale.ROOT, "%-22s %8.1f  %s%n", s.stage(), s.seconds(), s.result());
        }
        System.out.println("Not yet in the demo (open issues): segmentation network, mask-guided classifiers, evaluation report.");
    }
}
