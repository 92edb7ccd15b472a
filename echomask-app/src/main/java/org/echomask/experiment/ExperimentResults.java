package org.echomask.experiment;

import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: the config, every run's result, which runs each table shows, where and
 * how long it ran; with {@code proposal_iou} (proposals and the all-background baseline: mean IoU
 * per sound type against the synthetic ground truth) when the config scores proposals.
 */
public record ExperimentResults(ExperimentConfig experiment, List<String> command, String started, String finished,
        double seconds, Machine machine, Map<String, Map<String, Double>> proposalIou, SegmenterResult segmenter, List<RunResult> runs, List<FailedRun> failed,
        Map<String, List<String>> tables) {

    /** A run that could not finish, and why (it is tried again by the next invocation). */
    public record FailedRun(RunSpec run, String problem) {}

    /** The machine the numbers were measured on. */
    public record Machine(int cores, long maxHeapMb, String java, String os) {
        static Machine here() {
            return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

    /**
     * The few-shot segmenter behind generated masks.
     *
     * @param generatedCoverage fraction of pixels its masks mark on the experiment's dataset (the
     *     origin one, not the OOD re-render)
     * @param network layout and loss, e.g. "DeepLabV3+ resnet18 w0.25, loss ce_dice" (null in results
     *     written before the decoder existed: plain DeepLabV3 with cross-entropy)
     */
    public record SegmenterResult(int trainMasks, int valMasks, int bestEpoch, double heldOutIou, double heldOutDice,
            double generatedCoverage, double seconds, String network) {}

    public RunResult run(String id) {
        return runs.stream().filter(r -> r.run().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run " + id));
    }
}
