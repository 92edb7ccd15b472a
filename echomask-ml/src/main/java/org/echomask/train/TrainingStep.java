package org.echomask.train;

import java.util.Random;

/**
 * Where one training step stands in its run, handed to {@link Learner#trainingLoss}: the epoch,
 * the batch and a random stream of its own for choices the learner makes inside the step (Mixup's
 * λ and partner permutation, MultiMix weights...).
 *
 * <p>The stream is seeded from (run seed, {@link Seeds#MIX}, epoch, batch) and nothing else, so a
 * resumed run draws exactly what the uninterrupted run drew, whatever the loader threads did; and
 * it is separate from the augmentation and engine streams, so a learner that draws from it leaves
 * the batches and dropout masks of a run unchanged.
 */
public final class TrainingStep {
    private final int epoch;
    private final int batch;
    private final Random random;

    private TrainingStep(int epoch, int batch, Random random) {
        this.epoch = epoch;
        this.batch = batch;
        this.random = random;
    }

    /**
     * The step at {@code batch} (0-based, in the epoch's batch plan) of {@code epoch} (1-based) of
     * a run seeded with {@code seed}.
     */
    public static TrainingStep of(long seed, int epoch, int batch) {
        if (epoch < 1 || batch < 0) {
            throw new IllegalArgumentException("epoch " + epoch + " (from 1) or batch " + batch + " (from 0) out of range");
        }
        return new TrainingStep(epoch, batch, new Random(Seeds.derive(seed, Seeds.MIX, epoch, batch)));
    }

    /** 1-based epoch. */
    public int epoch() {
        return epoch;
    }

    /** 0-based batch index within the epoch. */
    public int batch() {
        return batch;
    }

    /** This step's random stream; one instance per step, so successive draws continue it. */
    public Random random() {
        return random;
    }
}
