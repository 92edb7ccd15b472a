package org.echomask.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import org.echomask.EchomaskException;
import org.echomask.Progress;

/**
 * One epoch of training and validation. Every random choice is derived from the config seed and
 * the position in the run (see {@link Seeds}), which makes an epoch a pure function of the
 * weights and optimizer state it starts from: the basis of exact resumption.
 */
final class EpochRunner {
    private final Engine engine;
    private final Learner learner;
    private final Block block;
    private final List<Pair<String, Parameter>> parameters;
    private final ParameterStore store;
    private final NDManager work;
    private final AdamW optimizer;
    private final TrainConfig config;
    private final ExecutorService loaders;
    private final BatchSource train;
    private final BatchSource val;
    private final LearningRateSchedule schedule;
    private final int stepsPerEpoch;
    private final long totalSteps;

    /** Training-loop figures of one epoch. */
    private record TrainPass(double meanLoss, int examples, double seconds, double lastLearningRate) {}

    /** Validation figures of one epoch. */
    private record Validation(double meanLoss, double score) {}

    EpochRunner(Engine engine, Learner learner, NDManager work, AdamW optimizer, TrainConfig config,
            ExecutorService loaders, BatchSource train, BatchSource val) {
        this.engine = engine;
        this.learner = learner;
        this.block = learner.block();
        this.parameters = block.getParameters().stream().toList();
        this.store = new ParameterStore(work, false);
        this.work = work;
        this.optimizer = optimizer;
        this.config = config;
        this.loaders = loaders;
        this.train = train;
        this.val = val;
        this.schedule = LearningRateSchedule.of(config);
        this.stepsPerEpoch = BatchPlan.trainingSteps(train.size(), config.batchSize());
        this.totalSteps = (long) stepsPerEpoch * config.epochs();
    }

    /** Trains and validates epoch {@code epoch} (1-based); one progress task over its training examples. */
    EpochRecord run(int epoch, Progress progress) {
        long start = System.nanoTime();
        List<List<Integer>> plan = BatchPlan.training(train.size(), config.batchSize(), config.seed(), epoch);
        int examples = plan.stream().mapToInt(List::size).sum();
        progress.start("epoch " + epoch + "/" + config.epochs(), examples);
        try {
            TrainPass pass = trainPass(epoch, plan, progress);
            // The loss is checked before each step, so the step after it is the only one unchecked:
            // an epoch's last update can still make the weights non-finite (issue 13: lr 1e300, one step).
            Weights.firstNonFinite(block).ifPresent(p -> {
                throw diverged(epoch, plan.size() - 1, "after its update, parameter " + p + " is not finite");
            });
            progress.status(String.format(Locale.ROOT, "loss %.4f, validating", pass.meanLoss()));
            Validation validation = validate(epoch);
            progress.status(String.format(Locale.ROOT, "loss %.4f, val_loss %.4f, val_%s %.4f", pass.meanLoss(),
                    validation.meanLoss(), learner.metric().name(), validation.score()));
            double seconds = (System.nanoTime() - start) / 1e9;
            return new EpochRecord(epoch, pass.meanLoss(), validation.meanLoss(), validation.score(),
                    pass.lastLearningRate(), seconds, pass.examples() / pass.seconds(), MemoryUsage.heapUsedMb(),
                    MemoryUsage.rssMb());
        } finally {
            progress.finish();
        }
    }

    private TrainPass trainPass(int epoch, List<List<Integer>> plan, Progress progress) {
        long start = System.nanoTime();
        // Re-seeded every epoch so dropout and other random layers replay exactly after a resume.
        engine.setRandomSeed(Seeds.engineSeed(config.seed(), Seeds.ENGINE, epoch));
        double lossSum = 0;
        int seen = 0;
        double learningRate = Double.NaN;
        try (Prefetcher batches = new Prefetcher(train, plan, true,
                b -> new Random(Seeds.derive(config.seed(), Seeds.AUGMENT, epoch, b)), loaders, config.prefetchBatches())) {
            for (int b = 0; batches.hasNext(); b++) {
                HostBatch batch = batches.next();
                learningRate = schedule.at((long) (epoch - 1) * stepsPerEpoch + b, totalSteps);
                double loss = step(batch, learningRate, epoch, b);
                lossSum += loss * batch.size();
                seen += batch.size();
                progress.step(batch.size());
                progress.status(String.format(Locale.ROOT, "loss %.4f", lossSum / seen));
            }
        }
        return new TrainPass(lossSum / seen, seen, (System.nanoTime() - start) / 1e9, learningRate);
    }

    /** The learner's training loss, backward and one AdamW step, with the batch's arrays freed at the end. */
    private double step(HostBatch batch, double learningRate, int epoch, int index) {
        try (NDManager scope = work.newSubManager()) {
            NDList inputs = Tensors.inputs(batch, scope);
            NDArray target = Tensors.toEngine(batch.target(), scope);
            double loss;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray lossArray = learner.trainingLoss(store, inputs, target, TrainingStep.of(config.seed(), epoch, index));
                loss = Tensors.scalar(lossArray, "the training loss");
                if (!Double.isFinite(loss)) {
                    throw diverged(epoch, index, "loss is " + loss + " (examples " + batch.ids() + ")");
                }
                collector.backward(lossArray);
            }
            double scale = 1;
            if (config.gradientClipNorm() > 0) {
                double norm = GradientClipping.globalNorm(parameters);
                if (!Double.isFinite(norm)) {
                    throw diverged(epoch, index, "the gradient norm is " + norm);
                }
                scale = GradientClipping.scale(norm, config.gradientClipNorm());
            }
            optimizer.step(parameters, learningRate, scale);
            return loss;
        }
    }

    /**
     * The error of a run whose numbers left the finite: which step (1-based in its epoch) and what;
     * the checkpoint on disk is still the last good epoch's.
     */
    private static EchomaskException diverged(int epoch, int batchIndex, String what) {
        return new EchomaskException("training diverged at epoch " + epoch + ", step " + (batchIndex + 1) + ": " + what
                + "; try a lower learning rate (--lr) or check these inputs. Nothing was saved from this epoch");
    }

    private Validation validate(int epoch) {
        List<float[]> scores = new ArrayList<>(val.size());
        List<float[]> targets = new ArrayList<>(val.size());
        double[] lossSum = {0};
        InferenceLoop.run(block, store, work, val, config.batchSize(), loaders, config.prefetchBatches(),
                Seeds.derive(config.seed(), epoch), (batch, outputs, scope) -> {
                    NDArray target = Tensors.toEngine(batch.target(), scope);
                    lossSum[0] += Tensors.scalar(learner.loss(outputs, target), "the validation loss") * batch.size();
                    scores.addAll(Tensors.rows(learner.scores(outputs), batch.size()));
                    for (int i = 0; i < batch.size(); i++) {
                        targets.add(batch.target().row(i));
                    }
                });
        double meanLoss = lossSum[0] / val.size();
        if (!Double.isFinite(meanLoss)) {
            throw new EchomaskException("training diverged at epoch " + epoch + ": the validation loss is " + meanLoss
                    + " with finite weights; try a lower learning rate (--lr) or check the validation examples");
        }
        return new Validation(meanLoss, learner.metric().score(scores, targets));
    }
}
