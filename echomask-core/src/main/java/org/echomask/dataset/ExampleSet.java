package org.echomask.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.mask.BinaryMasks;
import org.echomask.mask.MaskChannels;
import org.echomask.mask.MaskRecipe;

/**
 * The examples of a dataset held in memory for training and inference: each spectrogram (and, if
 * asked, its mask) as a flat row-major {@code [frequency][time]} float array. Loading once and
 * keeping the rows on the heap costs 64 KiB per 128x128 array and spares every epoch the PNG
 * decoding and distance transforms; loader threads then only copy rows into batches.
 */
public final class ExampleSet {
    /** One loaded example ({@code height} x {@code width}); {@code mask} is null when no mask was selected. */
    public record Example(DatasetEntry entry, float[] spectrogram, float[] mask, int height, int width) {}

    private final Path datasetDir;
    private final List<Example> examples;
    private final int height;
    private final int width;

    private ExampleSet(Path datasetDir, List<Example> examples, int height, int width) {
        this.datasetDir = datasetDir;
        this.examples = List.copyOf(examples);
        this.height = height;
        this.width = width;
    }

    /**
     * Loads the selected entries of {@code datasetDir}'s manifest, in manifest order.
     *
     * @throws EchomaskException naming the examples that lack the selected mask or whose files are
     *     unreadable, or when the arrays differ in size
     */
    public static ExampleSet load(Path datasetDir, Predicate<DatasetEntry> select, MaskSelection masks, int threads,
            Progress progress) {
        List<DatasetEntry> entries = DatasetManifest.read(datasetDir.resolve(DatasetManifest.FILE_NAME)).stream()
                .filter(select).toList();
        if (masks.loads()) {
            List<String> missing = entries.stream().filter(e -> DatasetMasks.sourceMask(e, masks.kind()).isEmpty())
                    .map(DatasetEntry::id).toList();
            if (!missing.isEmpty()) {
                throw new EchomaskException(datasetDir + ": " + missing.size() + " of " + entries.size()
                        + " selected examples have no " + masks.kind() + " mask (first: " + missing.get(0) + ")"
                        + (masks.kind().equals(MaskRecipe.GENERATED) ? "; run `echomask segment predict` first" : ""));
            }
        }
        progress.start("load examples", entries.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Example>> futures = new ArrayList<>();
            for (DatasetEntry e : entries) {
                futures.add(pool.submit(() -> {
                    Example x = loadOne(datasetDir, e, masks);
                    progress.step(1);
                    return x;
                }));
            }
            List<Example> out = new ArrayList<>();
            for (Future<Example> f : futures) {
                out.add(f.get());
            }
            int h = 0;
            int w = 0;
            if (!out.isEmpty()) {
                h = out.get(0).height();
                w = out.get(0).width();
                for (Example x : out) {
                    if (x.height() != h || x.width() != w) {
                        throw new EchomaskException(datasetDir.resolve(x.entry().array()) + ": array size differs from "
                                + h + "x" + w + " of the first example");
                    }
                }
            }
            return new ExampleSet(datasetDir, out, h, w);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof EchomaskException ee ? ee : new EchomaskException(datasetDir + ": " + c.getMessage(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EchomaskException("interrupted while loading " + datasetDir, e);
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }

    private static Example loadOne(Path datasetDir, DatasetEntry e, MaskSelection masks) {
        float[][] spec = DatasetMasks.readArray(datasetDir, e);
        float[] mask = null;
        if (masks.loads()) {
            Path png = datasetDir.resolve(DatasetMasks.sourceMask(e, masks.kind()).orElseThrow());
            if (!Files.isRegularFile(png)) {
                throw new EchomaskException(png + ": " + masks.kind() + " mask of example " + e.id() + " missing");
            }
            boolean[][] binary = BinaryMasks.read(png);
            if (binary.length != spec.length || binary[0].length != spec[0].length) {
                throw new EchomaskException(png + ": mask is " + binary.length + "x" + binary[0].length
                        + " but the spectrogram is " + spec.length + "x" + spec[0].length);
            }
            mask = MaskChannels.of(binary, masks.maskKind(), masks.softSigma());
        }
        return new Example(e, MaskChannels.flatten(spec), mask, spec.length, spec[0].length);
    }

    public Path datasetDir() {
        return datasetDir;
    }

    public int size() {
        return examples.size();
    }

    public Example get(int i) {
        return examples.get(i);
    }

    public List<Example> examples() {
        return examples;
    }

    /** Rows (frequency bins) of every array. */
    public int height() {
        return height;
    }

    /** Columns (time frames) of every array. */
    public int width() {
        return width;
    }
}
