package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 8: {@code --lr 1e300} saved a NaN network as "best epoch 1" and exited 0. A
 * divergent run must stop with a message saying where and what to change, and no non-finite
 * weights may become a result (best weights, checkpoint) or count as the best epoch.
 */
class DivergenceTest {
    /** One batch of 8 per epoch: the only optimizer step is the last, so nothing after it looks at the loss. */
    private static final SquareData TRAIN = new SquareData(8, 1);
    private static final SquareData VAL = new SquareData(8, 2);

    @TempDir
    Path dir;

    private static TrainConfig config(int epochs, double lr) {
        return new TrainConfig(epochs, 8, lr, 0.01, 0.0, 0.01, 0.9, 0.999, 1e-8, 0.0, 7L, 0, 0, 2);
    }

    @Test
    void aDivergentRunStopsNamingTheEpochAndStepAndLeavesNoNonFiniteCheckpoint() throws IOException {
        TinyLearner learner = new TinyLearner();
        assertThatThrownBy(() -> new Trainer().train(learner, TRAIN, VAL, config(1, 1e300), dir, Progress.NONE, false))
                .isInstanceOf(EchomaskException.class)
                .hasMessageContaining("training diverged at epoch 1")
                .hasMessageContaining("step 1")
                .hasMessageContaining("lower learning rate");
        assertThat(Files.exists(dir.resolve(Checkpoint.DIRECTORY).resolve(Checkpoint.BEST_WEIGHTS))).isFalse();
    }

    @Test
    void aDivergenceAfterGoodEpochsKeepsTheLastGoodCheckpoint() {
        // Epoch 1 trains normally; in epoch 2 the loss turns NaN (as an overflowing loss does).
        TinyLearner learner = new TinyLearner() {
            @Override
            public ai.djl.ndarray.NDArray trainingLoss(ai.djl.training.ParameterStore store, ai.djl.ndarray.NDList inputs,
                    ai.djl.ndarray.NDArray target, TrainingStep step) {
                ai.djl.ndarray.NDArray loss = super.trainingLoss(store, inputs, target, step);
                return step.epoch() == 2 ? loss.mul(Float.NaN) : loss;
            }
        };
        assertThatThrownBy(() -> new Trainer().train(learner, TRAIN, VAL, config(3, 0.01), dir, Progress.NONE, false))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("training diverged at epoch 2, step 1: loss is NaN");
        Checkpoint.Stored stored = Checkpoint.read(dir).orElseThrow();
        assertThat(stored.checkpoint().epochsDone()).isEqualTo(1);
        assertThat(stored.checkpoint().bestEpoch()).isEqualTo(1);
    }

    @Test
    void aNaNValidationScoreIsNeverTheBestEpoch() {
        ValidationMetric alwaysNaN = new ValidationMetric() {
            @Override
            public String name() {
                return "iou";
            }

            @Override
            public double score(List<float[]> scores, List<float[]> targets) {
                return Double.NaN;
            }
        };
        assertThatThrownBy(() -> new Trainer().train(new TinyLearner(alwaysNaN), TRAIN, VAL, config(2, 0.01), dir,
                Progress.NONE, false))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("val_iou").hasMessageContaining("NaN");
    }

    @Test
    void aNaNEpochBetweenFiniteOnesIsSkipped() {
        int[] calls = {0};
        ValidationMetric nanFirst = new ValidationMetric() {
            @Override
            public String name() {
                return "accuracy";
            }

            @Override
            public double score(List<float[]> scores, List<float[]> targets) {
                return calls[0]++ == 0 ? Double.NaN : 0.25;
            }
        };
        TrainingResult r = new Trainer().train(new TinyLearner(nanFirst), TRAIN, VAL, config(2, 0.01), dir,
                Progress.NONE, false);
        assertThat(r.bestEpoch()).isEqualTo(2);
        assertThat(r.bestScore()).isEqualTo(0.25);
    }
}
