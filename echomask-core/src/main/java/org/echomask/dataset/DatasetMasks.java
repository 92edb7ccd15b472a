package org.echomask.dataset;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.io.Json;
import org.echomask.io.Npy;
import org.echomask.mask.BinaryMasks;
import org.echomask.mask.MaskKind;
import org.echomask.mask.MaskMaker;
import org.echomask.mask.MaskProposer;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.echomask.mask.SoftMasks;

/**
 * Mask files of a dataset directory and how {@code manifest.csv} tracks them.
 *
 * <p><b>Tracking.</b> One path column per mask kind, relative to the dataset, empty when the
 * example has no such mask:
 * <ul>
 *   <li>{@code hq_mask} (fixed column): high-quality binary masks, {@code masks/hq/<id>.png};
 *   <li>{@code proposal_mask}: proposer output, {@code masks/proposals/<id>.png}, with
 *       {@code proposal_config} naming the config that made it ({@link #versionTag}); the config
 *       itself is {@code masks/proposals/config.json};
 *   <li>{@code <kind>_mask} for later binary kinds (e.g. {@code generated_mask});
 *   <li>{@code soft_<kind>_s<sigma>}: Gaussian soft mask of kind {@code <kind>} with sigma in pixels,
 *       16-bit PNG in {@code masks/soft-<kind>-s<sigma>/<id>.png}; that folder's {@code soft.json}
 *       records the source kind, sigma and, for proposals, the proposal version it was made from.
 * </ul>
 * Re-proposing clears the {@code soft_proposal_*} columns, because they describe older proposals.
 *
 * <p>Every file is written atomically, examples are processed in parallel, and the manifest is
 * rewritten atomically once at the end: it is read again just before, and only this run's columns
 * are changed, so edits made meanwhile by another tool (an annotation session saving HQ masks) are
 * kept. An example whose array or source mask is missing or unreadable is reported and skipped;
 * its column is emptied so the manifest never points at a stale file.
 */
public final class DatasetMasks {
    public static final String PROPOSAL_COLUMN = "proposal_mask";
    public static final String PROPOSAL_CONFIG_COLUMN = "proposal_config";
    public static final String PROPOSALS_DIR = "masks/proposals";
    public static final String PROPOSAL_CONFIG_FILE = "config.json";
    public static final String SOFT_INFO_FILE = "soft.json";

    private DatasetMasks() {}

    /** An example that could not be processed, and why. */
    public record Failure(String id, String problem) {}

    /**
     * What a run did.
     *
     * @param column manifest column written
     * @param version proposal version tag, or the soft mask's source description
     * @param written masks written
     * @param withoutSource examples skipped because they have no source mask of the kind (soften)
     * @param failures examples reported and skipped
     * @param coverage mean fraction of pixels set (binary) or mean value (soft) over written masks
     * @param seconds wall time
     */
    public record Report(String column, String version, int written, int withoutSource, List<Failure> failures,
            double coverage, double seconds) {
        public Report {
            failures = List.copyOf(failures);
        }
    }

    /** What {@code soft.json} holds. */
    public record SoftInfo(String sourceKind, String sourceColumn, double sigmaPixels, String sourceVersion) {}

    /** Proposes a mask for every example of the dataset in {@code datasetDir}. */
    public static Report propose(Path datasetDir, ProposerConfig config, int threads, Progress progress) {
        return make(datasetDir, new MaskRecipe(MaskKind.BINARY, MaskRecipe.PROPOSAL, 0, config), new MaskProposer(config),
                1, threads, progress);
    }

    /**
     * Makes the binary masks of {@code recipe}'s source for every example with {@code maker} and
     * tracks them in the manifest (only the recipe's source and proposer config matter here: soft
     * masks are made from the binary ones by {@link #soften}). A {@linkplain MaskMaker#concurrent
     * concurrent} maker (the proposer) works one example at a time on {@code threads} threads; a
     * network gets consecutive batches of {@code batchSize} in manifest order, this thread only.
     * Proposals also record their config ({@code config.json}, the {@code proposal_config}
     * column). Soft masks made from an older version of the kind are dropped from the manifest.
     */
    public static Report make(Path datasetDir, MaskRecipe recipe, MaskMaker maker, int batchSize, int threads,
            Progress progress) {
        long t0 = System.nanoTime();
        String kind = recipe.source();
        String column = sourceColumn(kind);
        if (column.equals("hq_mask")) {
            throw new EchomaskException("HQ masks are written by the annotation page, not by a program");
        }
        String dir = kindDirectory(kind);
        ProposerConfig config = recipe.proposer();
        String version = config == null ? "" : versionTag(config);
        if (config != null) {
            Json.writeFile(datasetDir.resolve(dir).resolve(PROPOSAL_CONFIG_FILE), config);
        }
        List<DatasetEntry> entries = DatasetManifest.read(manifest(datasetDir));
        BiFunction<DatasetEntry, boolean[][], Outcome> writer = (e, mask) -> {
            String rel = dir + "/" + e.id() + ".png";
            BinaryMasks.write(datasetDir.resolve(rel), mask);
            return new Outcome(rel, BinaryMasks.coverage(mask), null);
        };
        String task = config != null ? "propose" : kind + " masks";
        Outcome[] out = maker.concurrent()
                ? forEach(entries, threads, progress, task, e -> writer.apply(e, maker.make(readArray(datasetDir, e))))
                : inBatches(datasetDir, entries, maker, batchSize, progress, task, writer);
        Map<String, Outcome> byId = byId(entries, out);
        String stalePrefix = "soft_" + kind + "_";
        updateManifest(datasetDir, e -> {
            Outcome o = byId.get(e.id());
            if (o == null) {
                return e; // added meanwhile by someone else: leave it alone
            }
            for (String c : e.extra().keySet()) {
                if (c.startsWith(stalePrefix)) {
                    e = e.withoutExtra(c);
                }
            }
            boolean ok = o.path != null;
            e = e.withExtra(column, ok ? o.path : "");
            return config == null ? e : e.withExtra(PROPOSAL_CONFIG_COLUMN, ok ? version : "");
        });
        return report(column, version, entries, out, t0);
    }

    /**
     * A network's masks: consecutive batches in manifest order, on this thread (a network wants
     * one thread and whole batches). An unreadable array fails its example, a failing batch its
     * examples; the rest go on.
     */
    private static Outcome[] inBatches(Path datasetDir, List<DatasetEntry> entries, MaskMaker maker, int batchSize,
            Progress progress, String task, BiFunction<DatasetEntry, boolean[][], Outcome> writer) {
        if (batchSize < 1) {
            throw new EchomaskException("batch size must be >= 1: " + batchSize);
        }
        Outcome[] out = new Outcome[entries.size()];
        progress.start(task, entries.size());
        try {
            for (int from = 0; from < entries.size(); from += batchSize) {
                List<Integer> batch = new ArrayList<>();
                List<float[][]> arrays = new ArrayList<>();
                for (int i = from; i < Math.min(entries.size(), from + batchSize); i++) {
                    try {
                        arrays.add(readArray(datasetDir, entries.get(i)));
                        batch.add(i);
                    } catch (RuntimeException ex) {
                        out[i] = failed(ex);
                    }
                }
                try {
                    List<boolean[][]> masks = arrays.isEmpty() ? List.of() : maker.make(arrays);
                    for (int b = 0; b < batch.size(); b++) {
                        int i = batch.get(b);
                        try {
                            out[i] = writer.apply(entries.get(i), masks.get(b));
                        } catch (RuntimeException ex) {
                            out[i] = failed(ex);
                        }
                    }
                } catch (RuntimeException ex) {
                    batch.forEach(i -> out[i] = failed(ex));
                }
                progress.step(Math.min(entries.size(), from + batchSize) - from);
            }
        } finally {
            progress.finish();
        }
        return out;
    }

    private static Outcome failed(Throwable cause) {
        return new Outcome(null, 0, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    /** Where masks of a binary kind live: {@code masks/proposals} for proposals, else {@code masks/<kind>}. */
    public static String kindDirectory(String kind) {
        sourceColumn(kind);
        return kind.equals(MaskRecipe.PROPOSAL) ? PROPOSALS_DIR : "masks/" + kind;
    }

    /**
     * Writes the Gaussian soft mask with {@code sigmaPixels} of every example's {@code sourceKind}
     * mask ({@code hq}, {@code proposal} or another tracked binary kind).
     */
    public static Report soften(Path datasetDir, String sourceKind, double sigmaPixels, int threads, Progress progress) {
        long t0 = System.nanoTime();
        String sourceColumn = sourceColumn(sourceKind);
        String column = softColumn(sourceKind, sigmaPixels);
        String folder = softDirectory(sourceKind, sigmaPixels);
        if (!(sigmaPixels > 0) || Double.isInfinite(sigmaPixels)) {
            throw new EchomaskException("soft-mask sigma must be finite and > 0 pixels, got " + sigmaPixels);
        }
        List<DatasetEntry> entries = DatasetManifest.read(manifest(datasetDir));
        if (!sourceColumn.equals("hq_mask") && entries.stream().noneMatch(e -> e.extra().containsKey(sourceColumn))) {
            throw new EchomaskException(manifest(datasetDir) + ": no '" + sourceColumn + "' column; make " + sourceKind
                    + " masks first" + (sourceKind.equals(MaskRecipe.PROPOSAL) ? " (echomask masks propose)" : ""));
        }
        String sourceVersion = sourceKind.equals(MaskRecipe.PROPOSAL) ? commonValue(entries, PROPOSAL_CONFIG_COLUMN) : "";
        Json.writeFile(datasetDir.resolve(folder).resolve(SOFT_INFO_FILE),
                new SoftInfo(sourceKind, sourceColumn, sigmaPixels, sourceVersion));
        Outcome[] out = forEach(entries, threads, progress, "soften " + sourceKind, e -> {
            Optional<String> source = sourceMask(e, sourceKind);
            if (source.isEmpty()) {
                return Outcome.NO_SOURCE;
            }
            Path png = datasetDir.resolve(source.get());
            if (!Files.isRegularFile(png)) {
                throw new EchomaskException(png + ": " + sourceKind + " mask file missing");
            }
            float[][] soft = SoftMasks.gaussian(BinaryMasks.read(png), sigmaPixels);
            String rel = folder + "/" + e.id() + ".png";
            SoftMasks.writePng16(datasetDir.resolve(rel), soft);
            return new Outcome(rel, mean(soft), null);
        });
        Map<String, Outcome> byId = byId(entries, out);
        updateManifest(datasetDir, e -> {
            Outcome o = byId.get(e.id());
            return o == null ? e : e.withExtra(column, o.path == null ? "" : o.path);
        });
        return report(column, sourceKind + (sourceVersion.isEmpty() ? "" : " " + sourceVersion), entries, out, t0);
    }

    /**
     * Short version of a proposer config: preset, threshold and the first 8 hex digits of the
     * SHA-256 of its JSON, e.g. {@code default-t2.5-1f0c3a9e}; equal tags mean equal configs.
     */
    public static String versionTag(ProposerConfig config) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Json.write(config).getBytes(StandardCharsets.UTF_8));
            return config.preset() + "-t" + number(config.threshold()) + "-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /** Manifest column of a binary mask kind: {@code hq_mask}, {@code proposal_mask}, {@code <kind>_mask}. */
    public static String sourceColumn(String kind) {
        if (kind == null || !kind.matches("[a-z][a-z0-9]*")) {
            throw new EchomaskException("mask kind must be lower-case letters and digits (hq, proposal, generated), got '"
                    + kind + "'");
        }
        return kind + "_mask";
    }

    /** The path of an example's {@code kind} mask, if it has one. */
    public static Optional<String> sourceMask(DatasetEntry e, String kind) {
        String column = sourceColumn(kind);
        String v = column.equals("hq_mask") ? e.hqMask() : e.extra().getOrDefault(column, "");
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** {@code soft_<kind>_s<sigma>}, sigma written without trailing zeros ({@code soft_hq_s2}, {@code soft_hq_s1.5}). */
    public static String softColumn(String kind, double sigma) {
        sourceColumn(kind);
        return "soft_" + kind + "_s" + number(sigma);
    }

    /** {@code masks/soft-<kind>-s<sigma>}. */
    public static String softDirectory(String kind, double sigma) {
        sourceColumn(kind);
        return "masks/soft-" + kind + "-s" + number(sigma);
    }

    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Reads an example's spectrogram array {@code [frequency][time]}, naming the file on any problem. */
    public static float[][] readArray(Path datasetDir, DatasetEntry e) {
        if (e.array().isEmpty()) {
            throw new EchomaskException("example " + e.id() + ": no array in the manifest");
        }
        Path npy = datasetDir.resolve(e.array());
        if (!Files.isRegularFile(npy)) {
            throw new EchomaskException(npy + ": array file missing");
        }
        try {
            Npy.Array a = Npy.read(npy);
            if (a.shape().length != 2) {
                throw new EchomaskException(npy + ": spectrogram array must be 2-D, found shape "
                        + java.util.Arrays.toString(a.shape()));
            }
            return a.toMatrix();
        } catch (EchomaskException ex) {
            throw ex.getMessage() != null && ex.getMessage().contains(npy.toString()) ? ex
                    : new EchomaskException(npy + ": " + ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            throw new EchomaskException(npy + ": unreadable array: " + ex.getMessage(), ex);
        }
    }

    static Path manifest(Path datasetDir) {
        Path m = datasetDir.resolve(DatasetManifest.FILE_NAME);
        if (!Files.isRegularFile(m)) {
            throw new EchomaskException(datasetDir + ": not a dataset directory (no " + DatasetManifest.FILE_NAME + ")");
        }
        return m;
    }

    /** One example's result: the written path, or a problem, or neither (no source mask). */
    record Outcome(String path, double coverage, String problem) {
        static final Outcome NO_SOURCE = new Outcome(null, 0, null);
    }

    /** Runs {@code work} over the entries on {@code threads} threads; a failing example becomes an outcome with its problem. */
    static Outcome[] forEach(List<DatasetEntry> entries, int threads, Progress progress, String task,
            Function<DatasetEntry, Outcome> work) {
        if (threads < 1) {
            throw new EchomaskException("threads must be >= 1: " + threads);
        }
        Outcome[] out = new Outcome[entries.size()];
        progress.start(task, entries.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (DatasetEntry e : entries) {
                futures.add(pool.submit(() -> {
                    try {
                        return work.apply(e);
                    } finally {
                        progress.step(1);
                    }
                }));
            }
            for (int i = 0; i < out.length; i++) {
                try {
                    out[i] = futures.get(i).get();
                } catch (ExecutionException ex) {
                    Throwable cause = ex.getCause();
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    out[i] = failed(cause);
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new EchomaskException(task + " interrupted", ex);
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        return out;
    }

    private static Map<String, Outcome> byId(List<DatasetEntry> entries, Outcome[] out) {
        Map<String, Outcome> m = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            m.put(entries.get(i).id(), out[i]);
        }
        return m;
    }

    /**
     * Writes binary masks of a new tracked kind (e.g. {@code generated} from the segmentation
     * network) to {@code masks/<kind>/<id>.png} and records them in column {@code <kind>_mask};
     * soft masks made from an older version of the kind are dropped from the manifest, because
     * they no longer describe it. Masks are written atomically, the manifest once at the end.
     *
     * @param masks example id to mask {@code [frequency][time]}
     */
    public static void writeKind(Path datasetDir, String kind, Map<String, boolean[][]> masks) {
        String column = sourceColumn(kind);
        if (column.equals("hq_mask")) {
            throw new EchomaskException("HQ masks are written by the annotation page, not by a model");
        }
        Map<String, String> paths = new LinkedHashMap<>();
        for (Map.Entry<String, boolean[][]> m : masks.entrySet()) {
            String rel = kindDirectory(kind) + "/" + m.getKey() + ".png";
            BinaryMasks.write(datasetDir.resolve(rel), m.getValue());
            paths.put(m.getKey(), rel);
        }
        String stalePrefix = "soft_" + kind + "_";
        updateManifest(datasetDir, e -> {
            String rel = paths.get(e.id());
            if (rel == null) {
                return e;
            }
            for (String c : e.extra().keySet()) {
                if (c.startsWith(stalePrefix)) {
                    e = e.withoutExtra(c);
                }
            }
            return e.withExtra(column, rel);
        });
    }

    /** Re-reads the manifest and rewrites it atomically with {@code change} applied to every entry. */
    static void updateManifest(Path datasetDir, java.util.function.UnaryOperator<DatasetEntry> change) {
        Path m = manifest(datasetDir);
        List<DatasetEntry> now = DatasetManifest.read(m);
        DatasetManifest.write(m, now.stream().map(change).toList());
    }

    private static Report report(String column, String version, List<DatasetEntry> entries, Outcome[] out, long t0) {
        List<Failure> failures = new ArrayList<>();
        int written = 0;
        int withoutSource = 0;
        double coverage = 0;
        for (int i = 0; i < out.length; i++) {
            if (out[i].problem != null) {
                failures.add(new Failure(entries.get(i).id(), out[i].problem));
            } else if (out[i].path == null) {
                withoutSource++;
            } else {
                written++;
                coverage += out[i].coverage;
            }
        }
        return new Report(column, version, written, withoutSource, failures, written == 0 ? 0 : coverage / written,
                (System.nanoTime() - t0) / 1e9);
    }

    private static String commonValue(List<DatasetEntry> entries, String column) {
        List<String> values = entries.stream().map(e -> e.extra().getOrDefault(column, "")).filter(v -> !v.isEmpty())
                .distinct().toList();
        return values.size() == 1 ? values.get(0) : values.isEmpty() ? "" : String.join("|", values);
    }

    private static double mean(float[][] soft) {
        double sum = 0;
        long n = 0;
        for (float[] row : soft) {
            for (float v : row) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
