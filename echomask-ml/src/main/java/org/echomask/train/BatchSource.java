package org.echomask.train;

import java.util.List;
import java.util.Random;

/**
 * Examples the trainer can batch. The trainer decides the order (seeded shuffles) and calls
 * {@link #batch} from loader threads, ahead of the model: implementations must be thread-safe and
 * must draw every random choice from the {@code random} given, so a run is reproducible
 * whatever the thread timing.
 */
public interface BatchSource {

    /** Number of examples. */
    int size();

    /**
     * The examples at {@code indices} as one batch.
     *
     * @param augment true while training (random flips, masks, shifts...), false for validation
     * @param random seeded per batch by the trainer
     */
    HostBatch batch(List<Integer> indices, boolean augment, Random random);
}
