package org.echomask.train;

import java.util.List;

/**
 * The outcome of {@link Trainer#train}. The block then holds the weights of {@code bestEpoch}.
 *
 * @param metric name of the validation metric ({@code val_<metric>} in the metric files)
 * @param history one record per epoch, those before a resume included
 * @param bestEpoch the epoch with the best validation score (the earliest of equals)
 * @param bestScore its score
 * @param stoppedEarly whether early stopping ended the run before the last epoch
 * @param resumedAfterEpoch epochs taken from a checkpoint (0 = started fresh)
 * @param seconds wall time of all epochs of the run, those before a resume included
 * @param examplesPerSecond mean training throughput over the epochs
 */
public record TrainingResult(String metric, List<EpochRecord> history, int bestEpoch, double bestScore,
        boolean stoppedEarly, int resumedAfterEpoch, double seconds, double examplesPerSecond) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    static TrainingResult of(String metric, List<EpochRecord> history, int bestEpoch, double bestScore,
            boolean stoppedEarly, int resumedAfterEpoch) {
        double seconds = 0;
        double throughput = 0;
        for (EpochRecord r : history) {
            seconds += r.seconds();
            throughput += r.trainExamplesPerSecond();
        }
        return new TrainingResult(metric, history, bestEpoch, bestScore, stoppedEarly, resumedAfterEpoch, seconds,
                history.isEmpty() ? 0 : throughput / history.size());
    }
}
