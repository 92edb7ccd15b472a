package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.echomask.EchomaskException;
import org.echomask.label.LabelSet;
import org.echomask.mask.MaskKind;
import org.echomask.nn.Engines;
import org.echomask.train.TrainingStep;
import org.junit.jupiter.api.Test;

class ClassifierLearnerTest {
    private static final LabelSet LABELS = LabelSet.of(java.util.List.of("a", "b"));

    private static ClassifierLearner learner(Task task, float[] weights, String loss) {
        MaskGuidedClassifier block = new MaskGuidedClassifier(MaskGuidedClassifierTest.tinyBackbone(), MaskKind.BINARY,
                FusionKind.GATED, 16, 4, task.outputs(LABELS));
        return loss == null ? new ClassifierLearner(block, task, LABELS, 1, 32, 48, weights)
                : new ClassifierLearner(block, task, LABELS, 1, 32, 48, weights, loss);
    }

    @Test
    void theTaskPicksTheLossUnlessOneIsNamed() {
        assertThat(learner(Task.MULTILABEL, null, null).lossName()).isEqualTo(Losses.BCE);
        assertThat(learner(Task.MULTICLASS, null, null).lossName()).isEqualTo(Losses.CE);
        assertThat(learner(Task.MULTICLASS, null, Losses.BCE).lossName()).isEqualTo(Losses.BCE);
        assertThatThrownBy(() -> learner(Task.MULTILABEL, null, "hinge")).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("unknown loss 'hinge'");
    }

    @Test
    void trainingLossIsForwardThenTheWeightedLossBitForBit() {
        Engine engine = Engines.pytorch();
        engine.setRandomSeed(4);
        float[] weights = {2f, 0.5f};
        ClassifierLearner learner = learner(Task.MULTILABEL, weights, null);
        try (NDManager m = engine.newBaseManager()) {
            learner.block().initialize(m, DataType.FLOAT32, learner.inputShapes());
            NDList in = new NDList(m.randomNormal(new ai.djl.ndarray.types.Shape(3, 1, 32, 48)),
                    m.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(3, 1, 32, 48)));
            NDArray target = m.create(new float[][] {{1f, 0f}, {0.3f, 0.7f}, {0f, 0f}}); // a soft row too
            ParameterStore ps = new ParameterStore(m, false);
            float viaLearner = learner.trainingLoss(ps, in, target, TrainingStep.of(1, 1, 0)).getFloat();
            NDArray logits = learner.block().forward(ps, in, true).singletonOrThrow();
            float direct = Losses.binaryCrossEntropy(logits, target, m.create(weights)).getFloat();
            assertThat(Float.floatToIntBits(viaLearner)).isEqualTo(Float.floatToIntBits(direct));
        }
    }
}
