package org.echomask.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.eval.Decision;
import org.echomask.io.Json;
import org.echomask.mask.MaskRecipe;
import org.echomask.train.TrainConfig;

/**
 * An experiment: where the data comes from, how masks are made, how every run trains and is
 * scored, and the groups of runs (one per results table). Immutable, read from JSON (snake_case;
 * unknown keys are errors), validated here; optional fields get the defaults documented below.
 *
 * @param name identifier shown in the report
 * @param description one paragraph for the report
 * @param data the dataset (synthetic corpus or a manifest) and its transforms
 * @param masks proposals, soft-mask sigma and the few-shot segmenter
 * @param train trainer settings shared by every run
 * @param evaluate how runs are scored
 * @param tables groups of runs; a run in several tables is trained once
 */
public record ExperimentConfig(String name, String description, Data data, Masks masks, Training train, Scoring evaluate,
        List<Table> tables) {

    public ExperimentConfig {
        require(name != null && name.matches("[A-Za-z0-9_.-]+"), "name must be a plain identifier, got " + name);
        description = description == null ? "" : description;
        require(data != null, "data is required");
        masks = masks == null ? new Masks(null, null, null, null) : masks;
        train = train == null ? new Training(null, null, null, null, null) : train;
        evaluate = evaluate == null ? new Scoring(null, null, null) : evaluate;
        require(tables != null && !tables.isEmpty(), "at least one table of runs is required");
        tables = List.copyOf(tables);
        boolean generated = tables.stream().anyMatch(t -> t.sources().contains(MaskRecipe.GENERATED) && t.usesMasks());
        require(!generated || masks.segmenter() != null, "runs on generated masks need masks.segmenter settings");
        require(!masks.scoreProposals() || data.synthetic() != null, "masks.score_proposals needs synthetic ground truth");
        boolean hq = tables.stream().anyMatch(t -> t.sources().contains(MaskRecipe.HQ) && t.usesMasks());
        require(!hq || data.synthetic() != null, "hq masks exist only on synthetic data here (a person's masks would "
                + "come from the annotation page); use source proposal or generated for a manifest");
    }

    /**
     * @param synthetic a synthetic corpus to generate, or null
     * @param manifest a manifest CSV (path, label, group, split columns) when not synthetic
     * @param valAsTest treat the manifest's val split as the test set and split the train groups into
     *     train and val (for early stopping), so model selection never sees the tapes it is scored on
     * @param valFraction share of train groups moved to val when {@code valAsTest}
     * @param windowS example window (0 = whole clips)
     * @param hopS hop between windows
     * @param transform the training transform (built-in name or JSON file)
     * @param oodTransform the out-of-distribution transform the test set is re-rendered with, or null
     */
    public record Data(Synthetic synthetic, String manifest, Boolean valAsTest, Double valFraction, Double windowS, Double hopS,
            String transform, String oodTransform) {
        public Data {
            require((synthetic == null) != (manifest == null), "data needs exactly one of synthetic and manifest");
            valAsTest = valAsTest != null && valAsTest;
            valFraction = valFraction == null ? 0.2 : valFraction;
            require(valFraction > 0 && valFraction < 1, "data.val_fraction must be in (0, 1)");
            windowS = windowS == null ? 0.0 : windowS;
            hopS = hopS == null ? windowS : hopS;
            require(windowS >= 0 && (windowS == 0 || hopS > 0), "data.window_s must be >= 0 and hop_s > 0 when windowing");
            require(transform != null, "data.transform is required");
        }
    }

    /**
     * @param profile built-in profile name or JSON file
     * @param snrDb if given, [min, max] band SNR of every call (overrides the profile's)
     */
    public record Synthetic(String profile, Integer clips, Double durationS, Long seed, Double trainFraction,
            Double valFraction, List<Double> snrDb) {
        public Synthetic {
            profile = profile == null ? "origin" : profile;
            clips = clips == null ? 240 : clips;
            require(clips >= 8, "data.synthetic.clips must be >= 8");
            durationS = durationS == null ? 2.0 : durationS;
            seed = seed == null ? 7L : seed;
            trainFraction = trainFraction == null ? 0.7 : trainFraction;
            valFraction = valFraction == null ? 0.15 : valFraction;
            require(snrDb == null || (snrDb.size() == 2 && snrDb.get(0) <= snrDb.get(1)), "data.synthetic.snr_db must be [min, max]");
        }
    }

    /**
     * @param proposalPreset proposer preset for proposal masks (made when a run reads them)
     * @param softSigma Gaussian sigma of soft masks, pixels
     * @param segmenter few-shot segmenter settings (needed by runs on generated masks)
     * @param scoreProposals make proposals and score them against the synthetic ground truth (IoU per sound type)
     */
    public record Masks(String proposalPreset, Double softSigma, Segmenter segmenter, Boolean scoreProposals) {
        public Masks {
            scoreProposals = scoreProposals != null && scoreProposals;
            proposalPreset = proposalPreset == null ? "soundscape" : proposalPreset;
            softSigma = softSigma == null ? 2.0 : softSigma;
            require(softSigma > 0, "masks.soft_sigma must be > 0");
        }
    }

    /** @param limit HQ train masks the segmenter sees (the ~200 a person refines) */
    public record Segmenter(Integer limit, Integer epochs, Integer batchSize, Double learningRate, Long seed) {
        public Segmenter {
            limit = limit == null ? 200 : limit;
            epochs = epochs == null ? 25 : epochs;
            batchSize = batchSize == null ? 16 : batchSize;
            learningRate = learningRate == null ? 2e-3 : learningRate;
            seed = seed == null ? 1L : seed;
        }

        public TrainConfig config() {
            return TrainConfig.defaults().withEpochs(epochs).withBatchSize(batchSize).withLearningRate(learningRate)
                    .withSeed(seed).withPatience(0);
        }
    }

    /** @param seeds one run per seed; tables show the mean (and spread over seeds) */
    public record Training(Integer epochs, Integer batchSize, Double learningRate, Integer patience, List<Long> seeds) {
        public Training {
            epochs = epochs == null ? 20 : epochs;
            batchSize = batchSize == null ? 32 : batchSize;
            learningRate = learningRate == null ? 2e-3 : learningRate;
            patience = patience == null ? 0 : patience;
            seeds = seeds == null || seeds.isEmpty() ? List.of(1L) : List.copyOf(seeds);
        }

        public TrainConfig config(long seed) {
            return TrainConfig.defaults().withEpochs(epochs).withBatchSize(batchSize).withLearningRate(learningRate)
                    .withSeed(seed).withPatience(patience);
        }
    }

    /**
     * @param split the split every run is scored on
     * @param decision {@code model} (the model's own rule) or {@code argmax} (one label per example)
     * @param clipLevel also score recordings (mean of window probabilities)
     */
    public record Scoring(String split, String decision, Boolean clipLevel) {
        public Scoring {
            split = split == null ? "test" : split;
            require(List.of("train", "val", "test").contains(split), "evaluate.split must be train, val or test");
            decision = decision == null ? "model" : decision;
            Decision.parse(decision); // a typo fails when the config is read, not after training
            clipLevel = clipLevel != null && clipLevel;
        }
    }

    /**
     * A group of runs: every combination of the lists (sources and fusions only for runs with a mask).
     *
     * @param id short name (T1...)
     * @param title what the table shows
     * @param backbones encoder architectures
     * @param width width multiplier for every backbone (null = each one's CPU-sized default)
     * @param masks none, binary, soft
     * @param sources hq, generated, proposal
     * @param fusions concat, gated, xattn
     * @param tasks multilabel, multiclass
     * @param perClass also show per-class precision/recall/F1
     */
    public record Table(String id, String title, List<String> backbones, Double width, List<String> masks, List<String> sources,
            List<String> fusions, List<String> tasks, Boolean perClass) {
        public Table {
            require(id != null && !id.isBlank(), "every table needs an id");
            title = title == null ? id : title;
            require(backbones != null && !backbones.isEmpty(), "table " + id + ": backbones required");
            masks = masks == null ? List.of("none") : List.copyOf(masks);
            sources = sources == null ? List.of(MaskRecipe.HQ) : List.copyOf(sources);
            fusions = fusions == null ? List.of("xattn") : List.copyOf(fusions);
            tasks = tasks == null ? List.of("multilabel") : List.copyOf(tasks);
            perClass = perClass != null && perClass;
        }

        boolean usesMasks() {
            return masks.stream().anyMatch(m -> !m.equals("none"));
        }
    }

    /** The same experiment on a synthetic corpus drawn with another seed (the demo's --seed). */
    public ExperimentConfig withSyntheticSeed(long seed) {
        Synthetic s = data.synthetic();
        if (s == null) {
            throw new EchomaskException("experiment " + name + " has no synthetic data to reseed");
        }
        Synthetic reseeded = new Synthetic(s.profile(), s.clips(), s.durationS(), seed, s.trainFraction(), s.valFraction(), s.snrDb());
        return new ExperimentConfig(name, description, new Data(reseeded, data.manifest(), data.valAsTest(), data.valFraction(),
                data.windowS(), data.hopS(), data.transform(), data.oodTransform()), masks, train, evaluate, tables);
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new EchomaskException("experiment config: " + message);
        }
    }

    public static final List<String> BUILT_INS = List.of("paper", "watkins", "demo", "demo-quick");

    /** A built-in config by name, or else a JSON file. */
    public static ExperimentConfig load(String nameOrPath) {
        if (BUILT_INS.contains(nameOrPath)) {
            try (InputStream in = ExperimentConfig.class.getResourceAsStream("/experiments/" + nameOrPath + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("built-in experiment " + nameOrPath + " missing from the jar");
                }
                return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), ExperimentConfig.class);
            } catch (IOException e) {
                throw new EchomaskException("cannot read built-in experiment " + nameOrPath + ": " + e.getMessage(), e);
            }
        }
        Path p = Path.of(nameOrPath);
        if (!Files.isRegularFile(p)) {
            throw new EchomaskException("experiment '" + nameOrPath + "' is neither a built-in " + BUILT_INS + " nor a JSON file");
        }
        return Json.readFile(p, ExperimentConfig.class);
    }
}
