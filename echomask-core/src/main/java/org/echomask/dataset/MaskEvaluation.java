package org.echomask.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.io.Json;
import org.echomask.mask.BinaryMasks;
import org.echomask.mask.MaskProposer;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.echomask.synth.GroundTruthMask;
import org.echomask.synth.SynthConfig;
import org.echomask.synth.SyntheticClip;
import org.echomask.synth.SyntheticCorpus;

/**
 * Scores mask proposals of a dataset against its HQ masks, overall and per sound type, next to
 * two trivial baselines (all-background and all-signal masks).
 *
 * <p><b>Protocol.</b>
 * <ul>
 *   <li>{@code all}: every example with an HQ mask, proposal vs HQ mask, every pixel counts.
 *   <li>per label {@code L}, synthetic datasets: examples carrying {@code L}; the reference is
 *       {@code L}'s own ground truth ({@link GroundTruthMask#perLabel}, clips regenerated from the
 *       source corpus as the dataset builder does), and pixels that are true signal of something
 *       else (another label, or the union mask outside {@code L}) are <i>ignored</i>: a proposal
 *       is neither rewarded nor punished for covering another animal's call there.
 *   <li>per label {@code L}, other datasets (HQ masks drawn by a person, no per-label truth):
 *       examples carrying {@code L}, reference the HQ mask.
 *   <li>{@code none}: examples without any label, vs their HQ mask (empty for synthetic clips),
 *       so the scores say how much a proposer invents in pure noise.
 * </ul>
 * Per example the {@link org.echomask.mask.MaskMetrics} conventions apply (empty vs empty = 1);
 * rows give the mean over examples and also the pooled (micro) IoU, precision and recall over all
 * their counted pixels, which empty examples cannot inflate.
 */
public final class MaskEvaluation {
    public static final String FILE = "evaluation.json";
    public static final String ALL = "all";
    public static final String NONE = "none";
    public static final String BACKGROUND = "all-background";
    public static final String SIGNAL = "all-signal";

    private MaskEvaluation() {}

    /**
     * What to score: masks stored in the dataset ({@code storedKind}: proposal, generated...) or a
     * proposer config run now on the arrays ({@code config}); baselines have neither.
     */
    public record Candidate(String name, ProposerConfig config, String storedKind) {
        public Candidate(String name, ProposerConfig config) {
            this(name, config, "");
        }

        /** The stored proposals. */
        public static Candidate stored() {
            return new Candidate("stored", null, MaskRecipe.PROPOSAL);
        }

        /** Stored masks of any tracked kind, e.g. {@code generated} from the segmentation network. */
        public static Candidate storedKind(String kind) {
            DatasetMasks.sourceColumn(kind);
            return new Candidate(kind, null, kind);
        }

        public static Candidate of(ProposerConfig config) {
            return new Candidate(DatasetMasks.versionTag(config), config, "");
        }
    }

    /**
     * One row of the table.
     *
     * @param type {@code all}, a label, or {@code none}
     * @param examples examples scored
     * @param iou mean IoU over examples
     * @param dice mean Dice
     * @param precision mean pixel precision
     * @param recall mean pixel recall
     * @param pooledIou IoU of the summed pixel counts
     * @param pooledPrecision precision of the summed counts
     * @param pooledRecall recall of the summed counts
     * @param coverage mean fraction of counted pixels proposed
     */
    public record Row(String type, int examples, double iou, double dice, double precision, double recall,
            double pooledIou, double pooledPrecision, double pooledRecall, double coverage) {}

    /** Rows of one candidate (or baseline). */
    public record Result(String name, String version, List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /**
     * The whole evaluation, as written to {@code masks/proposals/evaluation.json}.
     *
     * @param reference which protocol the per-type rows follow
     */
    public record Evaluation(String dataset, String reference, int examples, List<DatasetMasks.Failure> failures,
            List<Result> results, double seconds) {
        public Evaluation {
            failures = List.copyOf(failures);
            results = List.copyOf(results);
        }
    }

    /** Scores every candidate (and the two baselines) over the dataset, writes and returns the evaluation. */
    public static Evaluation evaluate(Path datasetDir, List<Candidate> candidates, int threads, Progress progress) {
        long t0 = System.nanoTime();
        List<DatasetEntry> entries = DatasetManifest.read(DatasetMasks.manifest(datasetDir)).stream()
                .filter(DatasetEntry::hasHqMask).toList();
        if (entries.isEmpty()) {
            throw new EchomaskException(datasetDir + ": no example has an HQ mask to evaluate proposals against");
        }
        DatasetInfo info = Json.readFile(datasetDir.resolve(DatasetInfo.FILE_NAME), DatasetInfo.class);
        Truths truths = info.synthetic() ? new Truths(datasetDir, info) : null;
        List<Candidate> all = new ArrayList<>(candidates);
        all.add(new Candidate(BACKGROUND, null));
        all.add(new Candidate(SIGNAL, null));
        // per example, per candidate, per type: counts
        List<Map<String, Map<String, Counts>>> perExample = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            perExample.add(null);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            index.put(entries.get(i).id(), i);
        }
        DatasetMasks.Outcome[] outcomes = DatasetMasks.forEach(entries, threads, progress, "evaluate", e -> {
            perExample.set(index.get(e.id()), scoreExample(datasetDir, e, all, truths));
            return new DatasetMasks.Outcome("", 0, null);
        });
        List<DatasetMasks.Failure> failures = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i].problem() != null) {
                failures.add(new DatasetMasks.Failure(entries.get(i).id(), outcomes[i].problem()));
            }
        }
        List<String> types = new ArrayList<>();
        types.add(ALL);
        types.addAll(info.labels());
        types.add(NONE);
        List<Result> results = new ArrayList<>();
        for (Candidate c : all) {
            List<Row> rows = new ArrayList<>();
            for (String type : types) {
                List<Counts> counts = new ArrayList<>();
                for (Map<String, Map<String, Counts>> ex : perExample) {
                    if (ex != null && ex.get(c.name()).containsKey(type)) {
                        counts.add(ex.get(c.name()).get(type));
                    }
                }
                if (!counts.isEmpty()) {
                    rows.add(row(type, counts));
                }
            }
            String version = c.config() != null ? DatasetMasks.versionTag(c.config())
                    : c.storedKind().equals(MaskRecipe.PROPOSAL) ? storedVersion(datasetDir)
                    : c.storedKind().isEmpty() ? "baseline" : "stored " + c.storedKind();
            results.add(new Result(c.name(), version, rows));
        }
        String reference = truths != null
                ? "per-label synthetic ground truth; other signal ignored (see MaskEvaluation)"
                : "HQ masks for every type (no per-label truth)";
        Evaluation ev = new Evaluation(datasetDir.toAbsolutePath().normalize().toString(), reference, entries.size(),
                failures, results, (System.nanoTime() - t0) / 1e9);
        Json.writeFile(datasetDir.resolve(DatasetMasks.PROPOSALS_DIR).resolve(FILE), ev);
        return ev;
    }

    private static Map<String, Map<String, Counts>> scoreExample(Path ds, DatasetEntry e, List<Candidate> candidates,
            Truths truths) {
        Path hqPng = ds.resolve(e.hqMask());
        if (!Files.isRegularFile(hqPng)) {
            throw new EchomaskException(hqPng + ": HQ mask file missing");
        }
        boolean[][] hq = BinaryMasks.read(hqPng);
        int h = hq.length;
        int w = h == 0 ? 0 : hq[0].length;
        Map<String, boolean[][]> perLabel = truths == null ? Map.of() : truths.perLabel(e);
        float[][] values = null;
        Map<String, Map<String, Counts>> out = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            boolean[][] p;
            if (c.name().equals(BACKGROUND)) {
                p = new boolean[h][w];
            } else if (c.name().equals(SIGNAL)) {
                p = full(h, w);
            } else if (c.config() != null) {
                values = values == null ? DatasetMasks.readArray(ds, e) : values;
                p = MaskProposer.propose(values, c.config());
            } else {
                String rel = DatasetMasks.sourceMask(e, c.storedKind()).orElseThrow(() -> new EchomaskException(
                        "example " + e.id() + ": no " + c.storedKind() + " mask" + (c.storedKind().equals(MaskRecipe.PROPOSAL)
                                ? " (run masks propose)" : c.storedKind().equals(MaskRecipe.GENERATED) ? " (run segment predict)" : "")));
                p = BinaryMasks.read(ds.resolve(rel));
            }
            requireShape(p, h, w, e.id() + " " + c.name() + " mask");
            Map<String, Counts> byType = new LinkedHashMap<>();
            byType.put(ALL, Counts.of(p, hq, null));
            if (e.labels().isEmpty()) {
                byType.put(NONE, Counts.of(p, hq, null));
            }
            for (String label : e.labels()) {
                if (truths == null) {
                    byType.put(label, Counts.of(p, hq, null));
                    continue;
                }
                boolean[][] own = perLabel.get(label);
                if (own == null) {
                    throw new EchomaskException("example " + e.id() + ": label " + label + " has no ground truth in the regenerated clip");
                }
                requireShape(own, h, w, e.id() + " ground truth of " + label);
                byType.put(label, Counts.of(p, own, otherSignal(label, own, hq, perLabel)));
            }
            out.put(c.name(), byType);
        }
        return out;
    }

    /** Pixels that are signal, but not of {@code label}. */
    private static boolean[][] otherSignal(String label, boolean[][] own, boolean[][] hq, Map<String, boolean[][]> perLabel) {
        boolean[][] ignore = new boolean[own.length][];
        for (int f = 0; f < own.length; f++) {
            ignore[f] = new boolean[own[f].length];
            for (int t = 0; t < own[f].length; t++) {
                boolean other = hq[f][t];
                for (Map.Entry<String, boolean[][]> x : perLabel.entrySet()) {
                    other |= !x.getKey().equals(label) && x.getValue()[f][t];
                }
                ignore[f][t] = other && !own[f][t];
            }
        }
        return ignore;
    }

    /** Pixel counts of one prediction against one reference, some pixels possibly ignored. */
    record Counts(long tp, long fp, long fn, long counted) {
        static Counts of(boolean[][] predicted, boolean[][] reference, boolean[][] ignore) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            long n = 0;
            for (int f = 0; f < predicted.length; f++) {
                for (int t = 0; t < predicted[f].length; t++) {
                    if (ignore != null && ignore[f][t]) {
                        continue;
                    }
                    n++;
                    boolean p = predicted[f][t];
                    boolean r = reference[f][t];
                    tp += p && r ? 1 : 0;
                    fp += p && !r ? 1 : 0;
                    fn += !p && r ? 1 : 0;
                }
            }
            return new Counts(tp, fp, fn, n);
        }

        double iou() {
            return ratio(tp, tp + fp + fn);
        }

        double dice() {
            return ratio(2 * tp, 2 * tp + fp + fn);
        }

        double precision() {
            return ratio(tp, tp + fp);
        }

        double recall() {
            return ratio(tp, tp + fn);
        }

        /** MaskMetrics' convention: 0/0 is 1 when both masks are empty, else 0. */
        private double ratio(long num, long den) {
            return den == 0 ? (tp + fp + fn == 0 ? 1 : 0) : num / (double) den;
        }
    }

    static Row row(String type, List<Counts> counts) {
        double iou = 0;
        double dice = 0;
        double p = 0;
        double r = 0;
        double cov = 0;
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (Counts c : counts) {
            iou += c.iou();
            dice += c.dice();
            p += c.precision();
            r += c.recall();
            cov += c.counted() == 0 ? 0 : (c.tp() + c.fp()) / (double) c.counted();
            tp += c.tp();
            fp += c.fp();
            fn += c.fn();
        }
        int n = counts.size();
        Counts pooled = new Counts(tp, fp, fn, 0);
        return new Row(type, n, iou / n, dice / n, p / n, r / n, pooled.iou(), pooled.precision(), pooled.recall(), cov / n);
    }

    private static boolean[][] full(int h, int w) {
        boolean[][] m = new boolean[h][w];
        for (boolean[] row : m) {
            java.util.Arrays.fill(row, true);
        }
        return m;
    }

    private static void requireShape(boolean[][] m, int h, int w, String what) {
        int mw = m.length == 0 ? 0 : m[0].length;
        if (m.length != h || mw != w) {
            throw new EchomaskException(what + " is " + m.length + "x" + mw + " but the HQ mask is " + h + "x" + w);
        }
    }

    private static String storedVersion(Path ds) {
        return DatasetManifest.read(DatasetMasks.manifest(ds)).stream()
                .map(e -> e.extra().getOrDefault(DatasetMasks.PROPOSAL_CONFIG_COLUMN, "")).filter(v -> !v.isEmpty())
                .distinct().reduce((a, b) -> a + "|" + b).orElse("");
    }

    /** Per-label ground truth of a synthetic dataset's examples, from clips regenerated out of the source corpus. */
    static final class Truths {
        private final Path datasetDir;
        private final DatasetInfo info;
        private final Path corpusDir;
        private final SynthConfig config;
        private final Map<Path, SyntheticCorpus.Row> rows = new HashMap<>();

        Truths(Path datasetDir, DatasetInfo info) {
            this.datasetDir = datasetDir;
            this.info = info;
            Path manifest = Path.of(info.sourcePath());
            if (!Files.isRegularFile(manifest)) {
                throw new EchomaskException(manifest + ": the synthetic corpus this dataset was built from is gone; "
                        + "per-label ground truth needs it");
            }
            this.corpusDir = manifest.toAbsolutePath().getParent();
            this.config = Json.readFile(corpusDir.resolve(SyntheticCorpus.CONFIG), SynthConfig.class);
            for (SyntheticCorpus.Row r : SyntheticCorpus.readManifest(manifest)) {
                rows.put(corpusDir.resolve(r.path()).toAbsolutePath().normalize(), r);
            }
        }

        Map<String, boolean[][]> perLabel(DatasetEntry e) {
            Path audio = e.recordingPath(datasetDir).toAbsolutePath().normalize();
            SyntheticCorpus.Row row = rows.get(audio);
            if (row == null) {
                throw new EchomaskException(audio + ": not in the synthetic corpus " + corpusDir);
            }
            SyntheticClip clip = SyntheticCorpus.regenerate(corpusDir, row, config);
            int rate = info.transform().sampleRate();
            if (clip.sampleRate() != rate) {
                throw new EchomaskException(audio + ": clip at " + clip.sampleRate() + " Hz, dataset transform at " + rate + " Hz");
            }
            int start = (int) Math.round(e.startS() * rate);
            int end = (int) Math.min(Math.round(e.endS() * rate), clip.mix().length);
            return GroundTruthMask.perLabel(clip, info.transform(), start, end, GroundTruthMask.DEFAULT_LOCAL_SNR_DB,
                    GroundTruthMask.DEFAULT_FLOOR_DB);
        }
    }
}
