package org.echomask.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.echomask.mask.MaskMaker;
import org.echomask.mask.MaskMakers;
import org.echomask.mask.MaskRecipe;
import org.echomask.model.DatasetRef;
import org.echomask.model.ModelPackage;
import org.echomask.train.HostTensor;
import org.echomask.train.InferenceSession;

/**
 * The segmentation network as a {@link MaskMaker}: each call is one batch through an
 * {@link InferenceSession} (per-batch native scope), thresholded at the card's threshold. Use it
 * from one thread. Closing it closes the session and the network.
 */
public final class SegmenterMasks implements MaskMaker {
    private final Path dir;
    private final SegmenterModel model;
    private final InferenceSession session;

    private SegmenterMasks(Path dir, SegmenterModel model) {
        this.dir = dir;
        this.model = model;
        this.session = model.session();
    }

    /** Loads the segmentation package in {@code dir}. */
    public static SegmenterMasks open(Path dir) {
        SegmenterModel model = SegmenterModel.open(dir);
        try {
            return new SegmenterMasks(dir, model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The maker of {@code recipe}'s masks ({@link MaskMakers#forRecipe}), with the segmenter in
     * {@code segmenterDir} (a classifier package's {@code segmenter/}) behind generated masks.
     *
     * @param segmenterDir the packaged segmenter, or null when the package carries none
     */
    public static MaskMaker forRecipe(MaskRecipe recipe, Path segmenterDir) {
        return MaskMakers.forRecipe(recipe, () -> {
            if (segmenterDir == null || !Files.isDirectory(segmenterDir)) {
                throw new EchomaskException("generated masks need the segmentation network that made them, and no"
                        + " segmenter is packaged with the classifier (" + ModelPackage.SEGMENTER_DIR + "/)");
            }
            return open(segmenterDir);
        });
    }

    public SegmenterCard card() {
        return model.card();
    }

    @Override
    public List<boolean[][]> make(List<float[][]> spectrograms) {
        int h = card().inputHeight();
        int w = card().inputWidth();
        int n = spectrograms.size();
        float[] batch = new float[n * h * w];
        for (int b = 0; b < n; b++) {
            float[][] s = spectrograms.get(b);
            checkSize(s.length, s[0].length);
            for (int r = 0; r < h; r++) {
                System.arraycopy(s[r], 0, batch, b * h * w + r * w, w);
            }
        }
        List<float[]> probabilities = session.scores(List.of(new HostTensor(batch, new long[] {n, 1, h, w})));
        List<boolean[][]> out = new ArrayList<>(n);
        for (float[] p : probabilities) {
            out.add(SegmenterEvaluation.toMask(p, h, w, card().threshold()));
        }
        return out;
    }

    @Override
    public void checkSize(int height, int width) {
        if (height != card().inputHeight() || width != card().inputWidth()) {
            throw new EchomaskException("the segmenter in " + dir + " takes " + card().inputHeight() + "x"
                    + card().inputWidth() + " spectrograms, not " + height + "x" + width);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "segmenter %s (%s, threshold %s)", dir, card().spec().backbone().architecture(),
                card().threshold());
    }

    /** Notes in a dataset which package made its generated masks (classifiers trained on them embed it). */
    public void recordIn(Path datasetDir) {
        recordSource(datasetDir, dir);
    }

    /** Writes {@link DatasetRef#GENERATED_SOURCE_FILE}: the package behind a dataset's generated masks. */
    static void recordSource(Path datasetDir, Path packagePath) {
        Json.writeFile(datasetDir.resolve(DatasetRef.GENERATED_SOURCE_FILE),
                new DatasetRef.GeneratedSource(packagePath.toAbsolutePath().normalize().toString(), Instant.now().toString()));
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            model.close();
        }
    }
}
