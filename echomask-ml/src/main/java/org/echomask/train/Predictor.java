package org.echomask.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.nn.Engines;

/**
 * Scores every example of a source with a trained (or loaded) network: batches in order, built
 * ahead on loader threads, each batch's arrays freed as soon as its scores are on the host.
 *
 * @param batchSize examples per forward pass
 * @param loaderThreads threads that build batches ahead (0 = the calling thread)
 * @param prefetchBatches batches built ahead
 */
public record Predictor(int batchSize, int loaderThreads, int prefetchBatches) {

    public Predictor {
        if (batchSize < 1 || loaderThreads < 0 || prefetchBatches < 1) {
            throw new IllegalArgumentException("bad predictor settings: batch " + batchSize + ", " + loaderThreads
                    + " loader threads, " + prefetchBatches + " batches ahead");
        }
    }

    /** Batch size and loaders of a training config. */
    public static Predictor of(TrainConfig config) {
        return new Predictor(config.batchSize(), config.loaderThreads(), config.prefetchBatches());
    }

    /**
     * One row of {@link Learner#scores} per example, in source order; one progress task over the
     * examples. Batches are built with {@code augment = false}.
     */
    public List<float[]> scores(Learner learner, BatchSource source, Progress progress) {
        Block block = learner.block();
        if (!block.isInitialized()) {
            throw new EchomaskException("cannot predict: the network has no weights (train or load it first)");
        }
        List<float[]> rows = new ArrayList<>(source.size());
        ExecutorService loaders = Prefetcher.loaderPool(loaderThreads);
        progress.start("predict", source.size());
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            ParameterStore parameters = new ParameterStore(manager, false);
            InferenceLoop.run(block, parameters, manager, source, batchSize, loaders, prefetchBatches, 0L,
                    (batch, outputs, scope) -> {
                        rows.addAll(Tensors.rows(learner.scores(outputs), batch.size()));
                        progress.step(batch.size());
                    });
        } finally {
            Prefetcher.shutdown(loaders);
            progress.finish();
        }
        return rows;
    }
}
