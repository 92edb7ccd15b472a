package org.echomask.train;

/**
 * What one epoch did. Losses, score and learning rate are reproducible to the bit for a given
 * config, data and seed; timings and memory are measurements.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's examples (batch losses weighted by batch size)
 * @param valLoss mean validation loss, weighted the same way (inference mode)
 * @param valScore the validation metric (higher is better)
 * @param learningRate learning rate of the epoch's last optimizer step
 * @param seconds wall time of the epoch, validation included
 * @param trainExamplesPerSecond training examples per second of training-loop time (validation excluded)
 * @param heapUsedMb Java heap in use at the end of the epoch, MiB (read without forcing a GC)
 * @param rssMb resident set size of the process at the end of the epoch, MiB (NaN where unknown)
 */
public record EpochRecord(int epoch, double trainLoss, double valLoss, double valScore, double learningRate,
        double seconds, double trainExamplesPerSecond, double heapUsedMb, double rssMb) {

    public EpochRecord {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be >= 1, got " + epoch);
        }
    }
}
