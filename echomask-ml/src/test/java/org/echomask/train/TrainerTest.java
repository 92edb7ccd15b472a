package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final SquareData TRAIN = new SquareData(64, 1);
    private static final SquareData VAL = new SquareData(32, 2);

    @TempDir
    Path dir;

    /** lr 0.02 so that a few epochs of 8 steps learn the task. */
    static TrainConfig config(int epochs) {
        return new TrainConfig(epochs, 8, 0.02, 0.01, 0.1, 0.01, 0.9, 0.999, 1e-8, 1.0, 7L, 0, 2, 2);
    }

    private static TrainingResult train(TinyLearner learner, TrainConfig config, Path runDir, Progress progress,
            boolean resume) {
        return new Trainer().train(learner, TRAIN, VAL, config, runDir, progress, resume);
    }

    @Test
    void lossFallsAndAccuracyRises() {
        RecordingProgress progress = new RecordingProgress();
        TrainingResult result = train(new TinyLearner(), config(6), dir, progress, false);

        List<EpochRecord> h = result.history();
        assertThat(h).hasSize(6);
        assertThat(h.get(5).trainLoss()).isLessThan(0.5 * h.get(0).trainLoss());
        assertThat(h.get(5).valLoss()).isLessThan(h.get(0).valLoss());
        assertThat(result.bestScore()).isGreaterThanOrEqualTo(0.9).isGreaterThan(h.get(0).valScore());
        assertThat(result.bestEpoch()).isBetween(1, 6);
        assertThat(result.bestScore()).isEqualTo(h.get(result.bestEpoch() - 1).valScore());
        assertThat(result.stoppedEarly()).isFalse();
        assertThat(result.resumedAfterEpoch()).isZero();
        // Schedule: the last step of the run is at the floor, 1% of the peak.
        assertThat(h.get(5).learningRate()).isCloseTo(0.02 * 0.01, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result.examplesPerSecond()).isPositive();
        assertThat(result.seconds()).isPositive();
        // One progress task per epoch over its training examples (64 = 8 full batches).
        assertThat(progress.tasks).containsExactly("epoch 1/6 (64)", "epoch 2/6 (64)", "epoch 3/6 (64)",
                "epoch 4/6 (64)", "epoch 5/6 (64)", "epoch 6/6 (64)");
        assertThat(progress.steps).isEqualTo(6 * 64);
        assertThat(progress.statuses).anyMatch(s -> s.startsWith("loss ") && s.contains("val_accuracy"));
    }

    @Test
    void sameSeedSameBitsOtherSeedOtherBits() {
        TinyLearner a = new TinyLearner();
        TinyLearner b = new TinyLearner();
        TinyLearner c = new TinyLearner();
        TrainingResult ra = train(a, config(2), dir.resolve("a"), Progress.NONE, false);
        // Other loader settings must not matter: batches are seeded per batch, consumed in order.
        TrainingResult rb = train(b, config(2).withLoaders(0, 1), dir.resolve("b"), Progress.NONE, false);
        TrainingResult rc = train(c, config(2).withSeed(8), dir.resolve("c"), Progress.NONE, false);

        assertThat(Weights.save(b.block())).isEqualTo(Weights.save(a.block()));
        assertThat(reproducible(rb.history())).isEqualTo(reproducible(ra.history()));
        assertThat(Weights.save(c.block())).isNotEqualTo(Weights.save(a.block()));
    }

    @Test
    void resumedRunEqualsUninterruptedRunBitForBit() throws IOException {
        TinyLearner whole = new TinyLearner();
        TrainingResult uninterrupted = train(whole, config(4), dir.resolve("whole"), Progress.NONE, false);

        Path runDir = dir.resolve("killed");
        assertThatThrownBy(() -> train(new TinyLearner(), config(4), runDir, new RecordingProgress("epoch 3/4"), false))
                .isInstanceOf(RecordingProgress.Killed.class);
        JsonNode state = Json.mapper().readTree(runDir.resolve("checkpoint/state.json").toFile());
        assertThat(state.get("epochs_done").asInt()).isEqualTo(2);

        TinyLearner resumed = new TinyLearner(); // a fresh process: new, uninitialised block
        RecordingProgress progress = new RecordingProgress();
        TrainingResult result = train(resumed, config(4), runDir, progress, true);

        assertThat(result.resumedAfterEpoch()).isEqualTo(2);
        assertThat(progress.tasks).containsExactly("epoch 3/4 (64)", "epoch 4/4 (64)");
        assertThat(Weights.save(resumed.block())).isEqualTo(Weights.save(whole.block()));
        assertThat(reproducible(result.history())).isEqualTo(reproducible(uninterrupted.history()));
        assertThat(result.bestEpoch()).isEqualTo(uninterrupted.bestEpoch());
        assertThat(Files.readAllBytes(runDir.resolve("checkpoint/weights.params")))
                .isEqualTo(Files.readAllBytes(dir.resolve("whole/checkpoint/weights.params")));
        assertThat(Files.readAllBytes(runDir.resolve("checkpoint/optimizer.bin")))
                .isEqualTo(Files.readAllBytes(dir.resolve("whole/checkpoint/optimizer.bin")));
    }

    @Test
    void defaultTrainingLossIsTheForwardPassThenTheLossBitForBit() {
        TinyLearner learner = new TinyLearner();
        ai.djl.engine.Engine engine = org.echomask.nn.Engines.pytorch();
        try (ai.djl.ndarray.NDManager m = engine.newBaseManager()) {
            learner.block().initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, learner.inputShapes());
            HostBatch batch = TRAIN.batch(List.of(0, 1, 2, 3, 4, 5), true, new java.util.Random(3));
            ai.djl.ndarray.NDList inputs = Tensors.inputs(batch, m);
            ai.djl.ndarray.NDArray target = Tensors.toEngine(batch.target(), m);
            ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(m, false);
            engine.setRandomSeed(11); // the same dropout mask for both
            float viaLearner = learner.trainingLoss(store, inputs, target, TrainingStep.of(7, 1, 0)).getFloat();
            engine.setRandomSeed(11);
            float direct = learner.loss(learner.block().forward(store, inputs, true), target).getFloat();
            assertThat(Float.floatToIntBits(viaLearner)).isEqualTo(Float.floatToIntBits(direct));
        }
    }

    @Test
    void learnerOwnedLossReplaysItsRandomChoicesAfterAResume() {
        MixupTinyLearner whole = new MixupTinyLearner();
        TrainingResult uninterrupted = train(whole, config(4), dir.resolve("whole"), Progress.NONE, false);
        // Mixing changed the training (not a no-op), and every step drew its own numbers.
        TinyLearner plain = new TinyLearner();
        TrainingResult unmixed = train(plain, config(4), dir.resolve("plain"), Progress.NONE, false);
        assertThat(uninterrupted.history().get(0).trainLoss()).isNotEqualTo(unmixed.history().get(0).trainLoss());
        assertThat(whole.draws).hasSize(4 * 8).doesNotHaveDuplicates();

        Path runDir = dir.resolve("killed");
        MixupTinyLearner killed = new MixupTinyLearner();
        assertThatThrownBy(() -> train(killed, config(4), runDir, new RecordingProgress("epoch 3/4"), false))
                .isInstanceOf(RecordingProgress.Killed.class);
        MixupTinyLearner resumed = new MixupTinyLearner();
        TrainingResult result = train(resumed, config(4), runDir, Progress.NONE, true);

        assertThat(resumed.draws).containsExactlyElementsOf(whole.draws.subList(2 * 8, 4 * 8));
        assertThat(Weights.save(resumed.block())).isEqualTo(Weights.save(whole.block()));
        assertThat(reproducible(result.history())).isEqualTo(reproducible(uninterrupted.history()));
    }

    @Test
    void resumeWithoutCheckpointStartsFreshWithANote() {
        RecordingProgress progress = new RecordingProgress();
        TrainingResult result = train(new TinyLearner(), config(1), dir, progress, true);
        assertThat(result.resumedAfterEpoch()).isZero();
        assertThat(result.history()).hasSize(1);
        assertThat(progress.statuses.get(0)).startsWith("no checkpoint in ").endsWith("starting fresh");
    }

    @Test
    void resumeWithAnotherConfigIsRefusedNamingTheFields() {
        train(new TinyLearner(), config(2), dir, Progress.NONE, false);
        TrainConfig other = config(2).withLearningRate(0.03).withBatchSize(16);
        assertThatThrownBy(() -> train(new TinyLearner(), other, dir, Progress.NONE, true))
                .isInstanceOf(EchomaskException.class)
                .hasMessageContaining("different training config")
                .hasMessageContaining("batch_size: 8 -> 16")
                .hasMessageContaining("learning_rate: 0.02 -> 0.03")
                .message().doesNotContain("epochs:");

        // Loader settings do not change the result, so they may differ; the finished run is returned.
        TrainingResult again = train(new TinyLearner(), config(2).withLoaders(1, 3), dir, Progress.NONE, true);
        assertThat(again.resumedAfterEpoch()).isEqualTo(2);
        assertThat(again.history()).hasSize(2);
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestEpochEarliestOfTies() {
        // A rigged metric: epoch 2 is best, epoch 3 only ties it, then no improvement for 2 epochs.
        double[] scores = {0.5, 0.9, 0.9, 0.7, 1.0, 1.0, 1.0, 1.0};
        List<byte[]> weightsAtEpoch = new ArrayList<>();
        TinyLearner[] holder = new TinyLearner[1];
        ValidationMetric rigged = new ValidationMetric() {
            @Override
            public String name() {
                return "rigged";
            }

            @Override
            public double score(List<float[]> s, List<float[]> t) {
                weightsAtEpoch.add(Weights.save(holder[0].block()));
                return scores[weightsAtEpoch.size() - 1];
            }
        };
        holder[0] = new TinyLearner(rigged);
        TrainingResult result = train(holder[0], config(8).withPatience(2), dir, Progress.NONE, false);

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.history()).hasSize(4);
        assertThat(result.bestEpoch()).isEqualTo(2);
        assertThat(result.bestScore()).isEqualTo(0.9);
        assertThat(Weights.save(holder[0].block())).isEqualTo(weightsAtEpoch.get(1)).isNotEqualTo(weightsAtEpoch.get(3));

        // Resuming a stopped run trains nothing more and restores the same best weights.
        TinyLearner again = new TinyLearner(rigged);
        TrainingResult resumed = train(again, config(8).withPatience(2), dir, Progress.NONE, true);
        assertThat(resumed.history()).hasSize(4);
        assertThat(resumed.stoppedEarly()).isTrue();
        assertThat(Weights.save(again.block())).isEqualTo(weightsAtEpoch.get(1));
    }

    @Test
    void metricFilesHaveOneRowPerEpochWithTheDocumentedColumns() throws IOException {
        TrainingResult result = train(new TinyLearner(), config(2), dir, Progress.NONE, false);

        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo("epoch,train_loss,val_loss,val_accuracy,learning_rate,seconds,"
                + "train_examples_per_s,heap_used_mb,rss_mb");
        String[] second = csv.get(2).split(",");
        assertThat(second).hasSize(9);
        assertThat(second[0]).isEqualTo("2");
        assertThat(Double.parseDouble(second[1])).isEqualTo(result.history().get(1).trainLoss());
        assertThat(Double.parseDouble(second[3])).isEqualTo(result.history().get(1).valScore());
        assertThat(Double.parseDouble(second[7])).isPositive();

        JsonNode json = Json.mapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(json.size()).isEqualTo(2);
        List<String> keys = new ArrayList<>();
        json.get(1).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(MetricsFiles.columns("accuracy"));
        assertThat(json.get(1).get("val_loss").asDouble()).isEqualTo(result.history().get(1).valLoss());
        assertThat(json.get(1).get("rss_mb").asDouble()).isPositive(); // Linux: /proc/self/status
    }

    @Test
    void predictorScoresEveryExampleInOrderAsValidationDid() {
        TinyLearner learner = new TinyLearner();
        TrainingResult result = train(learner, config(3), dir, Progress.NONE, false);

        RecordingProgress progress = new RecordingProgress();
        List<float[]> scores = Predictor.of(config(3)).scores(learner, VAL, progress);
        assertThat(scores).hasSize(VAL.size());
        assertThat(progress.tasks).containsExactly("predict (32)");
        assertThat(progress.steps).isEqualTo(32);
        List<float[]> targets = new ArrayList<>();
        HostBatch all = VAL.batch(java.util.stream.IntStream.range(0, VAL.size()).boxed().toList(), false, null);
        for (int i = 0; i < VAL.size(); i++) {
            assertThat(scores.get(i)[0] + scores.get(i)[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
            targets.add(all.target().row(i));
        }
        // The block holds the best epoch's weights, so scoring again reproduces its validation score.
        assertThat(TinyLearner.ACCURACY.score(scores, targets)).isEqualTo(result.bestScore());
    }

    /** The reproducible part of a history: everything but timings and memory. */
    private static List<List<Double>> reproducible(List<EpochRecord> history) {
        return history.stream()
                .map(r -> List.of((double) r.epoch(), r.trainLoss(), r.valLoss(), r.valScore(), r.learningRate()))
                .toList();
    }
}
