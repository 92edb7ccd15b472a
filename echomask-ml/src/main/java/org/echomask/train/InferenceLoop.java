package org.echomask.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * Runs a block in inference mode over every example of a source, in order, with the trainer's
 * prefetching and per-batch scoping: each batch's arrays live in a sub-manager closed right after
 * the batch is consumed. Shared by validation and {@link Predictor}.
 */
final class InferenceLoop {
    private InferenceLoop() {}

    /** Receives each batch with the block's outputs; {@code scope} is closed when it returns. */
    @FunctionalInterface
    interface Consumer {
        void accept(HostBatch batch, NDList outputs, NDManager scope);
    }

    static void run(Block block, ParameterStore parameters, NDManager parent, BatchSource source, int batchSize,
            ExecutorService loaders, int window, long seed, Consumer consumer) {
        List<List<Integer>> plan = BatchPlan.inOrder(source.size(), batchSize);
        // Autograd recording is per thread in PyTorch; inference needs none of it.
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (Prefetcher batches = new Prefetcher(source, plan, false,
                b -> new Random(Seeds.derive(seed, Seeds.EVALUATE, b)), loaders, window)) {
            while (batches.hasNext()) {
                HostBatch batch = batches.next();
                try (NDManager scope = parent.newSubManager()) {
                    NDList outputs = block.forward(parameters, Tensors.inputs(batch, scope), false);
                    consumer.accept(batch, outputs, scope);
                }
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }
}
