package org.echomask.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.nn.Engines;

/**
 * The one training loop of Echomask, for the segmentation network and every classifier: AdamW
 * with warm-up and cosine decay, batches built on loader threads ahead of the model, per-batch
 * array scopes, validation after every epoch, early stopping, and a checkpoint after every epoch
 * from which a run resumes to bit-identical weights and history.
 *
 * <p>Reproducibility: the engine seed is set from the config seed before the block is
 * initialised and again at the start of every epoch from (seed, epoch); shuffles and each batch's
 * augmentation draw from {@link java.util.Random}s seeded from (seed, epoch, batch). Nothing
 * depends on thread timing, so the same config, data and seed give the same bits (on the same
 * engine build and thread count).
 *
 * <p>The block's parameters end up in an engine manager that this method does not close: the
 * block keeps them after training (close them with the block's parameters).
 */
public final class Trainer {

    /**
     * Trains {@code learner}'s block and leaves it holding the weights of its best validation epoch.
     *
     * @param train training examples (batches built with {@code augment = true}); at least 2
     * @param val validation examples, scored after every epoch; at least 1
     * @param runDir receives metrics.csv, metrics.json and checkpoint/
     * @param progress one task per epoch over its training examples
     * @param resume continue from runDir's checkpoint (refused if the config differs); without
     *     one, start fresh. When false, an old checkpoint in runDir is deleted first.
     */
    public TrainingResult train(Learner learner, BatchSource train, BatchSource val, TrainConfig config, Path runDir,
            Progress progress, boolean resume) {
        if (train.size() < 2) {
            throw new EchomaskException("training needs at least 2 training examples, got " + train.size());
        }
        if (val.size() < 1) {
            throw new EchomaskException("training needs at least 1 validation example for early stopping and the best epoch");
        }
        createDirectories(runDir);
        Engine engine = Engines.pytorch();
        Block block = learner.block();
        String metric = learner.metric().name();
        // Not closed here: the block keeps its parameters after training.
        NDManager parameters = engine.newBaseManager();
        if (!block.isInitialized()) {
            engine.setRandomSeed(Seeds.engineSeed(config.seed(), Seeds.INIT));
            block.initialize(parameters, DataType.FLOAT32, learner.inputShapes());
        }
        ExecutorService loaders = Prefetcher.loaderPool(config.loaderThreads());
        try (NDManager work = engine.newBaseManager(); AdamW optimizer = AdamW.of(config, work)) {
            RunState state = resume ? resumeFrom(runDir, learner, config, train.size(), parameters, optimizer, progress)
                    : startFresh(runDir);
            EpochRunner runner = new EpochRunner(engine, learner, work, optimizer, config, loaders, train, val);
            for (int epoch = state.epochsDone() + 1; epoch <= config.epochs() && !state.stoppedEarly; epoch++) {
                EpochRecord record = runner.run(epoch, progress);
                state.history.add(record);
                if (isBetter(record.valScore(), state.bestScore)) {
                    state.bestEpoch = epoch;
                    state.bestScore = record.valScore();
                    state.bestWeights = Weights.save(block);
                }
                state.stoppedEarly = config.patience() > 0 && epoch < config.epochs()
                        && epoch - state.bestEpoch >= config.patience();
                MetricsFiles.write(runDir, metric, state.history);
                checkpoint(state, config, train.size(), metric).write(runDir, payload(block, state.bestWeights, optimizer));
            }
            MetricsFiles.write(runDir, metric, state.history);
            if (state.bestEpoch == 0) {
                // A NaN score says nothing about the weights: no epoch may be picked by it (issue 13).
                throw new EchomaskException("the validation metric val_" + metric + " was NaN in every epoch ("
                        + state.epochsDone() + "), so no epoch can be chosen as the best and nothing was saved; check"
                        + " that the validation examples can be scored (e.g. some signal in their masks)");
            }
            Weights.load(block, state.bestWeights, parameters, "best weights (epoch " + state.bestEpoch + ")");
            return TrainingResult.of(metric, state.history, state.bestEpoch, state.bestScore, state.stoppedEarly,
                    state.resumedAfterEpoch);
        } finally {
            Prefetcher.shutdown(loaders);
        }
    }

    /**
     * Higher is better; a non-finite score never beats anything (nor is it ever the best: the best
     * epoch starts as none, with a NaN best score), anything finite beats a NaN best.
     */
    static boolean isBetter(double score, double best) {
        return Double.isFinite(score) && (Double.isNaN(best) || score > best);
    }

    /** Mutable bookkeeping of a run between epochs. */
    private static final class RunState {
        final List<EpochRecord> history = new ArrayList<>();
        int bestEpoch;
        double bestScore = Double.NaN;
        byte[] bestWeights;
        boolean stoppedEarly;
        int resumedAfterEpoch;

        int epochsDone() {
            return history.size();
        }
    }

    private static RunState startFresh(Path runDir) {
        Checkpoint.delete(runDir);
        try {
            Files.deleteIfExists(runDir.resolve(MetricsFiles.CSV));
            Files.deleteIfExists(runDir.resolve(MetricsFiles.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove old metric files in " + runDir + ": " + e.getMessage(), e);
        }
        return new RunState();
    }

    private static RunState resumeFrom(Path runDir, Learner learner, TrainConfig config, int trainExamples,
            NDManager parameters, AdamW optimizer, Progress progress) {
        Optional<Checkpoint.Stored> found = Checkpoint.read(runDir);
        if (found.isEmpty()) {
            progress.status("no checkpoint in " + runDir + ": starting fresh");
            return startFresh(runDir);
        }
        Checkpoint checkpoint = found.get().checkpoint();
        Path dir = found.get().directory();
        if (!checkpoint.configSha256().equals(config.resultHash())) {
            throw new EchomaskException("cannot resume from " + dir + ": it was made with a different training config ("
                    + String.join("; ", checkpoint.config().resultDifferences(config))
                    + "); use the same config or start a new run");
        }
        if (checkpoint.trainExamples() != trainExamples) {
            throw new EchomaskException("cannot resume from " + dir + ": it was made with " + checkpoint.trainExamples()
                    + " training examples, this run has " + trainExamples);
        }
        if (!checkpoint.metric().equals(learner.metric().name())) {
            throw new EchomaskException("cannot resume from " + dir + ": it followed metric " + checkpoint.metric()
                    + ", this learner reports " + learner.metric().name());
        }
        Weights.load(learner.block(), found.get().weights(), parameters, dir.resolve(Checkpoint.WEIGHTS).toString());
        try (InputStream in = found.get().optimizer()) {
            optimizer.load(new BufferedInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new EchomaskException("cannot read " + dir.resolve(Checkpoint.OPTIMIZER) + ": " + e.getMessage(), e);
        }
        RunState state = new RunState();
        state.history.addAll(checkpoint.history());
        state.bestEpoch = checkpoint.bestEpoch();
        state.bestScore = checkpoint.bestScore();
        state.bestWeights = found.get().bestWeights();
        state.stoppedEarly = checkpoint.stoppedEarly();
        state.resumedAfterEpoch = checkpoint.epochsDone();
        progress.status("resuming after epoch " + checkpoint.epochsDone() + " from " + dir);
        return state;
    }

    private static Checkpoint checkpoint(RunState state, TrainConfig config, int trainExamples, String metric) {
        return new Checkpoint(Checkpoint.FORMAT_VERSION, config.resultHash(), config, trainExamples, metric,
                state.epochsDone(), state.bestEpoch, state.bestScore, state.stoppedEarly, state.history);
    }

    private static Checkpoint.Payload payload(Block block, byte[] bestWeights, AdamW optimizer) {
        byte[] weights = Weights.save(block);
        // No best epoch yet (every score NaN): the current weights hold its place; bestEpoch 0 marks them unusable.
        byte[] best = bestWeights != null ? bestWeights : weights;
        return new Checkpoint.Payload() {
            @Override
            public byte[] weights() {
                return weights;
            }

            @Override
            public byte[] bestWeights() {
                return best;
            }

            @Override
            public void writeOptimizer(OutputStream out) throws IOException {
                optimizer.save(out);
            }
        };
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
