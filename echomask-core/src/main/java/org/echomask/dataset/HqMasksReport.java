package org.echomask.dataset;

import java.util.List;

/**
 * What a rebuild did with the HQ masks of the dataset it replaced.
 *
 * @param kept masks carried into the rebuilt dataset (same example, same spectrogram)
 * @param orphaned masks that no longer fit an example, moved to {@code masks/hq-orphaned/}: the
 *     file there (relative to the dataset) and why it could not be kept
 */
public record HqMasksReport(int kept, List<DatasetError> orphaned) {
    public static final HqMasksReport NONE = new HqMasksReport(0, List.of());

    public HqMasksReport {
        orphaned = List.copyOf(orphaned);
    }
}
