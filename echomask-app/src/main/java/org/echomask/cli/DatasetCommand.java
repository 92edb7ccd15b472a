package org.echomask.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.EchomaskException;
import org.echomask.dataset.DatasetBuilder;
import org.echomask.dataset.DatasetConfig;
import org.echomask.dataset.DatasetError;
import org.echomask.dataset.DatasetSummary;
import org.echomask.dataset.ExampleSources;
import org.echomask.dataset.HqMasksReport;
import org.echomask.dataset.RecordingPlan;
import org.echomask.spectrogram.SpectrogramTransform;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Build a dataset directory from a manifest, class folders or Raven tables.",
                "Writes manifest.csv, arrays/*.npy, images/*.png, and masks/hq/*.png for synthetic data.",
                "Bad recordings and annotation tables are listed in DS/errors.csv and skipped; exit code 1 only if nothing usable remains.",
                "Rebuilding into DS keeps its HQ masks that still fit; the others go to DS/masks/hq-orphaned/.",
                "A failure to write DS (e.g. a full disk) stops the run with exit code 1 and leaves DS as it was."})
final class DatasetCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Dataset directory to create (replaced atomically if it is a dataset).")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--manifest", description = "CSV with path (relative to it), label(s), optional split and group/tape columns.")
        Path manifest;

        @Option(names = "--folders", description = "Directory with one sub-folder of audio per class.")
        Path folders;

        @Option(names = "--raven", description = "Directory of Raven selection tables (use with --audio).")
        Path raven;
    }

    @Option(names = "--audio", description = "Directory of recordings matching the --raven tables by file name.")
    Path audio;

    @Option(names = "--label-column", description = "Raven column holding the label (default: first of Species, Annotation, Label, Class...).")
    String labelColumn;

    @Option(names = "--group-column", description = "Manifest column whose groups never straddle splits (default: group, tape, site...).")
    String groupColumn;

    @Option(names = "--transform", defaultValue = "origin", converter = Enums.Transforms.class,
            completionCandidates = Enums.Transforms.class,
            description = "Built-in transform name (${COMPLETION-CANDIDATES}) or a JSON file. Default: ${DEFAULT-VALUE}.")
    SpectrogramTransform transform;

    @Option(names = "--window-s", defaultValue = "0", converter = Bounds.ExampleSeconds.class, description = "Example length in seconds; 0 = whole recordings. Default: ${DEFAULT-VALUE}.")
    double windowS;

    @Option(names = "--hop-s", converter = Bounds.PositiveReal.class, description = "Hop between windows in seconds (default: the window length).")
    Double hopS;

    @Mixin
    ChannelOption channel;

    @Option(names = "--train", defaultValue = "0.7", converter = Bounds.Fraction.class, description = "Train share when the source gives no split. Default: ${DEFAULT-VALUE}.")
    double train;

    @Option(names = "--val", defaultValue = "0.15", converter = Bounds.Fraction.class, description = "Val share when the source gives no split (rest is test). Default: ${DEFAULT-VALUE}.")
    double val;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the grouped split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--no-images", description = "Do not write images/*.png.")
    boolean noImages;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        DatasetConfig config = new DatasetConfig(transform, windowS, hopS == null ? windowS : hopS, train, val, seed,
                channel.channel, !noImages, threads.resolve());
        String kind;
        String path;
        List<RecordingPlan> plans;
        List<DatasetError> sourceProblems = List.of();
        if (source.manifest != null) {
            kind = "manifest";
            path = source.manifest.toString();
            plans = ExampleSources.fromManifest(source.manifest, groupColumn);
        } else if (source.folders != null) {
            kind = "folders";
            path = source.folders.toString();
            plans = ExampleSources.fromFolders(source.folders);
        } else {
            if (audio == null) {
                throw new EchomaskException("--raven needs --audio DIR with the recordings");
            }
            kind = "raven";
            path = source.raven.toString();
            ExampleSources.Found found = ExampleSources.fromRaven(source.raven, audio, labelColumn);
            plans = found.plans();
            sourceProblems = found.problems();
        }
        DatasetSummary summary = new DatasetBuilder(config).build(kind, path, plans, sourceProblems, out,
                TerminalProgress.forStderr());
        print(summary);
        return summary.entries().isEmpty() ? 1 : 0;
    }

    private void print(DatasetSummary s) {
        System.out.printf(Locale.ROOT, "dataset %s: %d examples from %d recordings in %.1f s (transform %s, %d labels)%n",
                out, s.entries().size(), s.entries().stream().map(e -> e.recording()).distinct().count(), s.seconds(),
                s.info().transform().name(), s.info().labels().size());
        System.out.println("  splits: " + s.info().examples());
        System.out.println("  labels: " + String.join(", ", s.info().labels()));
        if (s.info().synthetic()) {
            System.out.println("  HQ masks: synthetic ground truth for every example (masks/hq/)");
        }
        HqMasksReport hq = s.hqMasks();
        if (hq.kept() > 0 || !hq.orphaned().isEmpty()) {
            System.out.println("  HQ masks of the previous build: " + hq.kept() + " kept (same example, same spectrogram)"
                    + (hq.orphaned().isEmpty() ? "" : ", " + hq.orphaned().size() + " no longer fit and were moved to "
                    + out.resolve("masks/hq-orphaned") + " (listed in its orphans.csv):"));
            for (DatasetError e : hq.orphaned().subList(0, Math.min(10, hq.orphaned().size()))) {
                System.out.println("    " + e.path() + ": " + e.problem());
            }
        }
        if (!s.errors().isEmpty()) {
            System.out.println("  left out " + s.errors().size() + " recording(s) or annotation file(s), listed in "
                    + out.resolve("errors.csv") + ":");
            for (DatasetError e : s.errors().subList(0, Math.min(10, s.errors().size()))) {
                System.out.println("    " + e.path() + ": " + e.problem());
            }
        }
        if (s.entries().isEmpty()) {
            System.err.println("echomask: no usable examples");
        }
    }
}
