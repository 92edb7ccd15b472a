package org.echomask.annotate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.echomask.EchomaskException;
import org.echomask.dataset.DatasetEntry;
import org.echomask.io.Npy;
import org.echomask.mask.BinaryMasks;
import org.echomask.mask.MaskProposer;
import org.echomask.mask.ProposerConfig;
import org.echomask.spectrogram.SpectrogramImages;

/**
 * What the page shows of one example: its spectrogram picture, its size, its current mask (the HQ
 * mask if there is one, else the stored proposal, else one computed now) and proposals at other
 * thresholds. Every file comes from the manifest's cells for that example, resolved inside the
 * dataset directory by {@link AnnotationStore#datasetFile}. A few spectrogram arrays are cached
 * because the threshold slider re-proposes the same example many times in a row.
 */
public final class Examples {
    private static final int CACHED_ARRAYS = 8;

    /** Where a mask came from. */
    public enum Source { HQ, PROPOSAL, COMPUTED }

    /** A mask with its origin. */
    public record Mask(boolean[][] values, Source source) {}

    private final AnnotationStore store;
    private final ProposerConfig proposer;
    private final Map<String, float[][]> arrays = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[][]> eldest) {
            return size() > CACHED_ARRAYS;
        }
    };

    public Examples(AnnotationStore store, ProposerConfig proposer) {
        this.store = store;
        this.proposer = proposer;
    }

    public ProposerConfig proposer() {
        return proposer;
    }

    /** The picture as PNG bytes: the dataset's image file, or rendered from the array when absent. */
    public byte[] imagePng(DatasetEntry e) {
        Optional<Path> file = store.datasetFile(e.image());
        if (file.isPresent()) {
            try {
                return Files.readAllBytes(file.get());
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + file.get() + ": " + ex.getMessage(), ex);
            }
        }
        return MaskCodec.png(SpectrogramImages.gray(array(e)));
    }

    /** {width (time columns), height (frequency rows)} of the example's picture. */
    public int[] size(DatasetEntry e) {
        Optional<Path> file = store.datasetFile(e.image());
        if (file.isPresent()) {
            try {
                BufferedImage img = ImageIO.read(file.get().toFile());
                if (img != null) {
                    return new int[] {img.getWidth(), img.getHeight()};
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + file.get() + ": " + ex.getMessage(), ex);
            }
        }
        float[][] a = array(e);
        return new int[] {a[0].length, a.length};
    }

    /** The HQ mask if saved, else the stored proposal, else a proposal computed with the default threshold. */
    public Mask current(DatasetEntry e) {
        int[] wh = size(e);
        if (e.hasHqMask()) {
            Optional<Path> hq = store.datasetFile(e.hqMask());
            if (hq.isPresent()) {
                return new Mask(sized(BinaryMasks.read(hq.get()), hq.get(), wh), Source.HQ);
            }
        }
        Optional<Path> stored = store.datasetFile(e.extra().getOrDefault(AnnotationStore.PROPOSAL_COLUMN, ""));
        if (stored.isPresent()) {
            return new Mask(sized(BinaryMasks.read(stored.get()), stored.get(), wh), Source.PROPOSAL);
        }
        return new Mask(propose(e, proposer.threshold()), Source.COMPUTED);
    }

    /** A fresh proposal for the example at another threshold (higher = fewer pixels). */
    public boolean[][] propose(DatasetEntry e, double threshold) {
        return MaskProposer.propose(array(e), proposer.withThreshold(threshold));
    }

    private static boolean[][] sized(boolean[][] mask, Path file, int[] wh) {
        if (mask.length != wh[1] || mask[0].length != wh[0]) {
            throw new EchomaskException(file + ": mask is " + mask[0].length + "x" + mask.length + " but the image is "
                    + wh[0] + "x" + wh[1]);
        }
        return mask;
    }

    private float[][] array(DatasetEntry e) {
        synchronized (arrays) {
            float[][] cached = arrays.get(e.id());
            if (cached != null) {
                return cached;
            }
        }
        Path file = store.datasetFile(e.array())
                .orElseThrow(() -> new EchomaskException(store.directory() + ": example " + e.id()
                        + " has no spectrogram array (" + (e.array().isEmpty() ? "empty array column" : e.array()) + ")"));
        float[][] a = Npy.read(file).toMatrix();
        if (a.length == 0 || a[0].length == 0) {
            throw new EchomaskException(file + ": empty spectrogram array");
        }
        synchronized (arrays) {
            arrays.put(e.id(), a);
        }
        return a;
    }
}
