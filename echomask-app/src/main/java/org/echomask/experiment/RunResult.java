package org.echomask.experiment;

import java.util.List;
import org.echomask.eval.ClassifierEvaluation;

/**
 * What one run of an experiment produced (saved as {@code runs/<id>/result.json}).
 *
 * @param run the recipe and seed
 * @param label the model's name in tables
 * @param parameters trainable parameters of the network
 * @param trainSeconds training wall time (all epochs, validation included)
 * @param examplesPerSecond mean training throughput
 * @param bestEpoch the epoch whose weights were kept (best validation joint accuracy)
 * @param valJointAccuracy validation joint accuracy of that epoch
 * @param curves per-epoch train loss, val loss, val joint accuracy
 * @param test scores on the evaluation split, training transform
 * @param ood scores on the evaluation split re-rendered with the OOD transform, or null
 */
public record RunResult(RunSpec run, String label, long parameters, double trainSeconds, double examplesPerSecond,
        int bestEpoch, double valJointAccuracy, Curves curves, ClassifierEvaluation.Report test, ClassifierEvaluation.Report ood) {

    /** Training curves, one value per epoch. */
    public record Curves(List<Double> trainLoss, List<Double> valLoss, List<Double> valJointAccuracy) {}
}
