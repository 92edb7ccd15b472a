package org.echomask.dataset;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.Version;
import org.echomask.io.AtomicFiles;
import org.echomask.io.Json;
import org.echomask.label.LabelSet;

/**
 * Builds a dataset directory from recordings: {@code manifest.csv}, {@code arrays/*.npy},
 * {@code images/*.png}, {@code masks/hq/*.png} (synthetic sources), {@code dataset.json} and
 * {@code errors.csv}. A recording that cannot be used is listed in errors.csv and the build goes
 * on. The directory is assembled beside the target and swapped in at the end, so a reader never
 * sees a half-built dataset.
 */
public final class DatasetBuilder {
    private final DatasetConfig config;
    private final DatasetOutput output;

    public DatasetBuilder(DatasetConfig config) {
        this(config, DatasetOutput.FILES);
    }

    /** With another writer of the example files (tests make it fail, as a full disk would). */
    DatasetBuilder(DatasetConfig config, DatasetOutput output) {
        this.config = config;
        this.output = output;
    }

    public DatasetSummary build(String sourceKind, String sourcePath, List<RecordingPlan> plans, Path out, Progress progress) {
        return build(sourceKind, sourcePath, plans, List.of(), out, progress);
    }

    /**
     * Builds the dataset; {@code sourceProblems} are what the source already left out (unreadable
     * tables, tables without a recording...), listed in errors.csv first. Rebuilding over an
     * existing dataset keeps its HQ masks that still fit (see {@link HqCarryOver}).
     *
     * @throws EchomaskException when the output cannot be written (disk full, unwritable): the
     *     build stops, the half-built copy is removed and {@code out} is left as it was
     */
    public DatasetSummary build(String sourceKind, String sourcePath, List<RecordingPlan> plans,
            List<DatasetError> sourceProblems, Path out, Progress progress) {
        Path target = out.toAbsolutePath().normalize();
        refuseForeignDirectory(target);
        Path staging = target.resolveSibling("." + target.getFileName() + ".building");
        deleteTree(staging);
        try {
            return buildInto(sourceKind, sourcePath, plans, sourceProblems, staging, target, progress);
        } catch (RuntimeException | Error e) {
            // Never leave a half dataset behind (it also holds the space a full disk needs back).
            deleteQuietly(staging);
            if (e instanceof DatasetOutput.OutputFailure f) {
                throw new EchomaskException("dataset " + target + " not written: " + f.getMessage()
                        + (Files.exists(target) ? "; the existing dataset there is unchanged" : ""), f);
            }
            throw e;
        }
    }

    private DatasetSummary buildInto(String sourceKind, String sourcePath, List<RecordingPlan> plans,
            List<DatasetError> sourceProblems, Path staging, Path target, Progress progress) {
        long t0 = System.nanoTime();
        List<DatasetError> errors = new ArrayList<>(sourceProblems);
        plans = withoutDuplicates(plans, errors);
        List<Split> splits = assignSplits(plans);
        List<String> ids = ExampleIds.forRecordings(plans.stream().map(RecordingPlan::audio).toList());
        RecordingRenderer renderer = new RecordingRenderer(config, staging, target, output);
        AtomicBoolean outputFailed = new AtomicBoolean();

        progress.start("dataset", plans.size());
        List<List<DatasetEntry>> perRecording = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        try {
            List<Future<RecordingRenderer.Rendered>> futures = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                RecordingPlan plan = plans.get(i);
                String id = ids.get(i);
                Split split = splits.get(i);
                futures.add(pool.submit(() -> {
                    try {
                        // Once the output has failed, the rest would only fail the same way.
                        return outputFailed.get() ? new RecordingRenderer.Rendered(List.of(), List.of())
                                : renderer.render(plan, id, split);
                    } catch (DatasetOutput.OutputFailure e) {
                        outputFailed.set(true);
                        throw e;
                    } finally {
                        progress.step(1);
                    }
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    RecordingRenderer.Rendered r = futures.get(i).get();
                    perRecording.add(r.entries());
                    errors.addAll(r.notes());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    if (cause instanceof DatasetOutput.OutputFailure f) {
                        throw f;
                    }
                    errors.add(new DatasetError(plans.get(i).audio().toString(), problemOf(cause, plans.get(i).audio())));
                    perRecording.add(List.of());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EchomaskException("dataset build interrupted", e);
        } finally {
            pool.shutdownNow();
            awaitWorkers(pool);
            progress.finish();
        }

        List<DatasetEntry> entries = perRecording.stream().flatMap(List::stream).toList();
        TreeSet<String> labels = new TreeSet<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Split s : Split.values()) {
            counts.put(s.id(), 0);
        }
        for (DatasetEntry e : entries) {
            labels.addAll(e.labels());
            counts.merge(e.split(), 1, Integer::sum);
        }
        plans.stream().filter(RecordingPlan::labelsFromEvents).forEach(p -> p.selections().forEach(s -> labels.add(s.label())));
        plans.forEach(p -> labels.addAll(p.fileLabels()));
        // Before carrying masks over: "synthetic" says the builder rendered ground truth, not a person.
        boolean synthetic = entries.stream().anyMatch(DatasetEntry::hasHqMask);
        DatasetInfo info = new DatasetInfo(DatasetInfo.FORMAT, sourceKind, Path.of(sourcePath).toAbsolutePath().normalize().toString(), config.transform(),
                List.copyOf(labels), config.windowS(), config.hopS(), synthetic, counts, errors.size(), Version.toolkit());
        HqCarryOver.Outcome carried = Files.isDirectory(target)
                ? outputStep(target, () -> HqCarryOver.apply(target, staging, entries))
                : new HqCarryOver.Outcome(entries, HqMasksReport.NONE);
        outputStep(target, () -> {
            DatasetManifest.write(staging.resolve(DatasetManifest.FILE_NAME), carried.entries());
            Json.writeFile(staging.resolve(DatasetInfo.FILE_NAME), info);
            writeErrors(staging.resolve("errors.csv"), errors);
            return null;
        });
        swapIn(staging, target);
        return new DatasetSummary(info, carried.entries(), errors, (System.nanoTime() - t0) / 1e9, carried.report());
    }

    /**
     * Waits for the workers still rendering when the build stops early, so none writes into the
     * staging directory after it is removed (each stops at its next write once the output failed).
     */
    private static void awaitWorkers(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                // a worker is still finishing a long recording
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a step that writes the dataset's own files: a failure is the output's (fatal), not a recording's. */
    private static <T> T outputStep(Path target, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (DatasetOutput.OutputFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DatasetOutput.OutputFailure(target, e);
        }
    }

    /**
     * The first label of a plan that breaks the label rule, as a problem, or null. The readers
     * refuse such labels with their file and line already; this catches plans made elsewhere.
     */
    private static String badLabel(RecordingPlan p) {
        Stream<String> labels = Stream.concat(p.fileLabels().stream(),
                p.labelsFromEvents() ? p.selections().stream().map(org.echomask.label.Selection::label) : Stream.empty());
        return labels.map(LabelSet::problemWith).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * A recording listed twice is used once; the repeat is reported (it may carry other labels).
     * A recording with a label that breaks the label rule is reported and left out.
     */
    private static List<RecordingPlan> withoutDuplicates(List<RecordingPlan> plans, List<DatasetError> errors) {
        java.util.Set<Path> seen = new java.util.HashSet<>();
        List<RecordingPlan> unique = new ArrayList<>();
        for (RecordingPlan p : plans) {
            String badLabel = badLabel(p);
            if (badLabel != null) {
                errors.add(new DatasetError(p.audio().toString(), badLabel + "; left out"));
            } else if (seen.add(p.audio().toAbsolutePath().normalize())) {
                unique.add(p);
            } else {
                errors.add(new DatasetError(p.audio().toString(), "listed more than once in the source; first listing used"));
            }
        }
        return unique;
    }

    /**
     * Splits from the source where given, else grouped assignment over the remaining groups, each
     * group weighed by the examples it will give: the split fractions are fractions of examples, and
     * a tape of a few hour-long recordings must not count as little as a tape of a few short cuts.
     */
    private List<Split> assignSplits(List<RecordingPlan> plans) {
        Map<String, Integer> groupSizes = new LinkedHashMap<>();
        for (RecordingPlan p : plans) {
            if (p.split() == null) {
                groupSizes.merge(p.group(), expectedExamples(p), Integer::sum);
            }
        }
        Map<String, Split> assigned = groupSizes.isEmpty() ? Map.of()
                : new GroupedSplitter(config.trainFraction(), config.valFraction(), config.splitSeed()).assign(groupSizes);
        return plans.stream().map(p -> p.split() != null ? p.split() : assigned.get(p.group())).toList();
    }

    /**
     * Windows a recording will give, from its header alone (1 for whole-recording datasets, or when
     * the header cannot be read: the recording is then reported when it is rendered).
     */
    private int expectedExamples(RecordingPlan plan) {
        if (config.windowS() <= 0) {
            return 1;
        }
        try (org.echomask.audio.AudioSource source = org.echomask.audio.AudioReaders.open(plan.audio())) {
            return new RecordingRenderer(config, null, null, output).windowCount(source.info());
        } catch (RuntimeException e) {
            return 1;
        }
    }

    static String problemOf(Throwable t, Path audio) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        String prefix = audio.toString() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static void writeErrors(Path file, List<DatasetError> errors) {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                p.printRecord("path", "problem");
                for (DatasetError e : errors) {
                    p.printRecord(e.path(), e.problem());
                }
                p.flush();
            }
        });
    }

    /** Refuses to replace a non-empty directory that is not a dataset. */
    private static void refuseForeignDirectory(Path target) {
        if (Files.isDirectory(target) && !Files.exists(target.resolve(DatasetInfo.FILE_NAME))) {
            try (var s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new EchomaskException(target + ": exists and is not an Echomask dataset; choose another --out");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new EchomaskException(target + ": exists and is not a directory");
        }
    }

    private static void swapIn(Path staging, Path target) {
        try {
            Path old = target.resolveSibling("." + target.getFileName() + ".old");
            deleteTree(old);
            if (Files.exists(target)) {
                Files.move(target, old);
            }
            try {
                Files.move(staging, target);
            } catch (IOException e) {
                if (Files.exists(old) && !Files.exists(target)) {
                    Files.move(old, target); // the previous dataset goes back where it was
                }
                throw e;
            }
            deleteTree(old);
        } catch (IOException e) {
            throw new EchomaskException("cannot move the finished dataset into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (RuntimeException ignored) {
            // The failure that stopped the build is what the user needs to see.
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new EchomaskException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
