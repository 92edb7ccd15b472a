package org.echomask.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.EchomaskException;
import org.echomask.dataset.DatasetMasks;
import org.echomask.dataset.MaskEvaluation;
import org.echomask.io.Json;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code echomask masks propose|soften|evaluate}: mask files of a dataset, tracked in its manifest. */
@Command(name = "masks", mixinStandardHelpOptions = true,
        description = {"Mask proposals, soft masks and their evaluation for a dataset directory.",
                "Masks are tracked in DS/manifest.csv: proposal_mask + proposal_config (version tag),",
                "soft_<kind>_s<sigma> for soft masks; see docs/results.md for measured quality."},
        subcommands = {MasksCommand.Propose.class, MasksCommand.Soften.class, MasksCommand.Evaluate.class})
final class MasksCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    static void requireDataset(Path ds) {
        if (!Files.isRegularFile(ds.resolve("manifest.csv"))) {
            throw new EchomaskException(ds + ": not a dataset directory (no manifest.csv); make one with echomask dataset");
        }
    }

    /** The config from a JSON file or a preset, with an optional threshold override. */
    static ProposerConfig config(Path file, String preset, Double threshold) {
        ProposerConfig c;
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new EchomaskException(file + ": proposer config file not found");
            }
            try {
                c = Json.readFile(file, ProposerConfig.class);
            } catch (RuntimeException e) {
                throw e instanceof EchomaskException ee ? ee : new EchomaskException(file + ": " + e.getMessage(), e);
            }
        } else {
            c = preset(preset == null ? "default" : preset);
        }
        return threshold == null ? c : withThreshold(c, threshold);
    }

    static ProposerConfig preset(String name) {
        try {
            return ProposerConfig.preset(name);
        } catch (IllegalArgumentException e) {
            throw new EchomaskException(e.getMessage(), e);
        }
    }

    static ProposerConfig withThreshold(ProposerConfig c, double t) {
        try {
            return c.withThreshold(t);
        } catch (IllegalArgumentException e) {
            throw new EchomaskException(e.getMessage(), e);
        }
    }

    static void printFailures(List<DatasetMasks.Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        System.out.println("  skipped " + failures.size() + " example(s) with problems:");
        for (DatasetMasks.Failure f : failures.subList(0, Math.min(10, failures.size()))) {
            System.out.println("    " + f.id() + ": " + f.problem());
        }
    }

    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = {"Propose a binary mask for every example (DS/masks/proposals/<id>.png) from its array.",
                    "Records columns proposal_mask and proposal_config; the config is saved as DS/masks/proposals/config.json."})
    static final class Propose implements Callable<Integer> {
        @Option(names = "--dataset", required = true, description = "Dataset directory.")
        Path dataset;

        @Option(names = "--config", description = "Proposer config JSON (as written to masks/proposals/config.json).")
        Path configFile;

        @Option(names = "--preset", description = "Built-in config: ${COMPLETION-CANDIDATES} (default: default).",
                converter = Enums.Presets.class, completionCandidates = Enums.Presets.class)
        String preset;

        @Option(names = "--threshold", description = "Override the config's threshold (noise deviations; higher = fewer pixels).")
        Double threshold;

        @Mixin
        ThreadsOption threads;

        @Override
        public Integer call() {
            if (configFile != null && preset != null) {
                throw new EchomaskException("give --config or --preset, not both");
            }
            requireDataset(dataset);
            ProposerConfig c = config(configFile, preset, threshold);
            DatasetMasks.Report r = DatasetMasks.propose(dataset, c, threads.resolve(), TerminalProgress.forStderr());
            System.out.printf(Locale.ROOT, "proposals %s: %d masks in %.1f s (mean coverage %.1f%%)%n", r.version(),
                    r.written(), r.seconds(), 100 * r.coverage());
            printFailures(r.failures());
            return r.written() == 0 ? 1 : 0;
        }
    }

    @Command(name = "soften", mixinStandardHelpOptions = true,
            description = {"Write Gaussian soft masks S = exp(-d^2 / (2 sigma^2)) of a binary mask kind as 16-bit PNG",
                    "(DS/masks/soft-<kind>-s<sigma>/<id>.png), recorded in column soft_<kind>_s<sigma>."})
    static final class Soften implements Callable<Integer> {
        @Option(names = "--dataset", required = true, description = "Dataset directory.")
        Path dataset;

        @Option(names = "--sigma", required = true, converter = Bounds.PositiveReal.class, description = "Decay in pixels (> 0).")
        double sigma;

        @Option(names = "--source", defaultValue = MaskRecipe.HQ, converter = Enums.MaskSources.class,
                description = "Binary mask kind to soften: hq, proposal (or generated). Default: ${DEFAULT-VALUE}.")
        String source;

        @Mixin
        ThreadsOption threads;

        @Override
        public Integer call() {
            requireDataset(dataset);
            DatasetMasks.Report r = DatasetMasks.soften(dataset, source, sigma, threads.resolve(), TerminalProgress.forStderr());
            System.out.printf(Locale.ROOT, "soft masks %s (from %s): %d written in %.1f s (mean value %.3f)%n", r.column(),
                    r.version(), r.written(), r.seconds(), r.coverage());
            if (r.withoutSource() > 0) {
                System.out.println("  " + r.withoutSource() + " example(s) have no " + source + " mask and were left without one");
            }
            printFailures(r.failures());
            return r.written() == 0 ? 1 : 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = {"Score mask proposals against the HQ masks: mean IoU, Dice, pixel precision/recall, overall and",
                    "per sound type (synthetic datasets: per-label ground truth), with all-background and all-signal",
                    "baselines. Without --preset/--config the stored proposals are scored; with them, proposals are",
                    "computed in memory (nothing else is written). Writes DS/masks/proposals/evaluation.json."})
    static final class Evaluate implements Callable<Integer> {
        @Option(names = "--dataset", required = true, description = "Dataset directory with HQ masks.")
        Path dataset;

        @Option(names = "--preset", split = ",", description = "Preset(s) to run now, comma-separated: ${COMPLETION-CANDIDATES}.",
                converter = Enums.Presets.class, completionCandidates = Enums.Presets.class)
        List<String> presets = new ArrayList<>();

        @Option(names = "--config", description = "Proposer config JSON(s) to run now.")
        List<Path> configs = new ArrayList<>();

        @Option(names = "--threshold", split = ",", description = "Threshold(s) to try with every preset/config, comma-separated.")
        List<Double> thresholds = new ArrayList<>();

        @Option(names = "--kind", split = ",", converter = Enums.MaskSources.class,
                description = "Stored mask kind(s) to score, comma-separated (proposal, generated...); default: proposal when no preset/config is given.")
        List<String> kinds = new ArrayList<>();

        @Mixin
        ThreadsOption threads;

        @Override
        public Integer call() {
            requireDataset(dataset);
            List<ProposerConfig> base = new ArrayList<>();
            configs.forEach(f -> base.add(config(f, null, null)));
            presets.forEach(p -> base.add(preset(p)));
            if (base.isEmpty() && !thresholds.isEmpty()) {
                base.add(preset("default"));
            }
            List<MaskEvaluation.Candidate> candidates = new ArrayList<>();
            for (ProposerConfig c : base) {
                if (thresholds.isEmpty()) {
                    candidates.add(MaskEvaluation.Candidate.of(c));
                }
                thresholds.forEach(t -> candidates.add(MaskEvaluation.Candidate.of(withThreshold(c, t))));
            }
            for (String k : kinds) {
                candidates.add(k.equals(MaskRecipe.PROPOSAL) ? MaskEvaluation.Candidate.stored() : MaskEvaluation.Candidate.storedKind(k));
            }
            if (candidates.isEmpty()) {
                candidates.add(MaskEvaluation.Candidate.stored());
            }
            MaskEvaluation.Evaluation ev = MaskEvaluation.evaluate(dataset, candidates, threads.resolve(),
                    TerminalProgress.forStderr());
            System.out.printf(Locale.ROOT, "evaluation of %d example(s) in %.1f s; reference: %s%n", ev.examples(), ev.seconds(),
                    ev.reference());
            System.out.printf(Locale.ROOT, "%-30s %-16s %5s %6s %6s %6s %6s %7s %7s %7s %6s%n", "proposals", "type", "n", "IoU",
                    "Dice", "prec", "recall", "pIoU", "pprec", "precall", "cover");
            for (MaskEvaluation.Result res : ev.results()) {
                String name = res.name().equals("stored") ? "stored " + res.version() : res.name();
                for (MaskEvaluation.Row row : res.rows()) {
                    System.out.printf(Locale.ROOT, "%-30s %-16s %5d %6.3f %6.3f %6.3f %6.3f %7.3f %7.3f %7.3f %6.3f%n", name,
                            row.type(), row.examples(), row.iou(), row.dice(), row.precision(), row.recall(), row.pooledIou(),
                            row.pooledPrecision(), row.pooledRecall(), row.coverage());
                }
            }
            System.out.println("  (means over examples; pIoU/pprec/precall pool the pixels of all examples; written to "
                    + dataset.resolve("masks/proposals/evaluation.json") + ")");
            printFailures(ev.failures());
            return ev.failures().size() == ev.examples() ? 1 : 0;
        }
    }
}
