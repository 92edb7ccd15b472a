package org.echomask.mask;

import java.util.List;

/**
 * Makes the binary masks of spectrograms: the signal-processing proposer ({@link MaskProposer},
 * here) and the segmentation network (in the ml module) behind one interface, so datasets,
 * evaluation and analysis make masks alike, whatever makes them. {@link MaskMakers#forRecipe}
 * turns a model's {@link MaskRecipe} into its maker. Close it: a network holds native memory.
 */
public interface MaskMaker extends AutoCloseable {
    /**
     * One binary mask {@code [frequency][time]} per spectrogram {@code [frequency][time]}, in
     * order. A network sees the list as one batch, so callers that want a result independent of
     * how work is cut pass the same batches each time.
     */
    List<boolean[][]> make(List<float[][]> spectrograms);

    /** One line for logs: what makes the masks and with which settings. */
    String describe();

    /**
     * Whether {@link #make} is a pure function that many threads may call at once, one window at
     * a time (the proposer): callers then make masks on the threads that render the spectrograms.
     * Otherwise (a network) one thread calls it with whole batches.
     */
    default boolean concurrent() {
        return false;
    }

    /** Refuses, before any work, spectrograms of a size this maker cannot take (a network's input is fixed). */
    default void checkSize(int height, int width) {}

    /** The mask of one spectrogram. */
    default boolean[][] make(float[][] spectrogram) {
        return make(List.<float[][]>of(spectrogram)).get(0);
    }

    @Override
    default void close() {}
}
