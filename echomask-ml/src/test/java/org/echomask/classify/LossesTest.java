package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.echomask.EchomaskException;
import org.echomask.nn.Engines;
import org.junit.jupiter.api.Test;

/** Golden values computed once with numpy from PyTorch's documented formulas (BCEWithLogitsLoss, CrossEntropyLoss). */
class LossesTest {

    @Test
    void binaryCrossEntropyMatchesTorchFormulaWithAndWithoutPositiveWeights() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray x = m.create(new float[][] {{2f, -1f, 0.5f}, {-3f, 0f, 4f}});
            NDArray t = m.create(new float[][] {{1f, 0f, 1f}, {0f, 1f, 0f}});
            assertThat(Losses.binaryCrossEntropy(x, t, null).getFloat()).isCloseTo(0.945691857f, within(1e-5f));
            NDArray p = m.create(new float[] {2f, 1f, 0.5f});
            assertThat(Losses.binaryCrossEntropy(x, t, p).getFloat()).isCloseTo(0.927340110f, within(1e-5f));
        }
    }

    @Test
    void crossEntropyMatchesTorchWeightedMean() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray logits = m.create(new float[][] {{1f, 2f, 0.5f, -1f}, {0f, 0f, 3f, 1f}});
            NDArray oneHot = m.create(new float[][] {{0f, 1f, 0f, 0f}, {1f, 0f, 0f, 0f}});
            assertThat(Losses.crossEntropy(logits, oneHot, null).getFloat()).isCloseTo(1.853089761f, within(1e-5f));
            NDArray w = m.create(new float[] {1f, 2f, 0.5f, 1f});
            assertThat(Losses.crossEntropy(logits, oneHot, w).getFloat()).isCloseTo(1.400453806f, within(1e-5f));
        }
    }

    @Test
    void extremeLogitsStayFinite() {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray x = m.create(new float[][] {{200f, -200f}});
            NDArray t = m.create(new float[][] {{0f, 1f}});
            assertThat(Losses.binaryCrossEntropy(x, t, null).getFloat()).isCloseTo(200f, within(1e-3f));
        }
    }

    @Test
    void binaryCrossEntropyTakesSoftTargetsAsTorchDoes() {
        float[][] x = {{2f, -1f, 0.5f}, {-3f, 0f, 4f}};
        float[][] t = {{0.7f, 0f, 0.25f}, {0.5f, 1f, 0.1f}};
        float[] p = {2f, 1f, 0.5f};
        // BCEWithLogitsLoss(pos_weight=p) in doubles: -[p t log σ(x) + (1 - t) log(1 - σ(x))], mean.
        double expected = 0;
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 3; k++) {
                double s = 1 / (1 + Math.exp(-x[i][k]));
                expected -= p[k] * t[i][k] * Math.log(s) + (1 - t[i][k]) * Math.log(1 - s);
            }
        }
        expected /= 6;
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray loss = Losses.named(Losses.BCE).compute(m.create(x), m.create(t), m.create(p));
            assertThat(loss.getFloat()).isCloseTo((float) expected, within(1e-5f));
        }
    }

    @Test
    void mixedTargetsGiveTheMixOfTheLosses() {
        // What Mixup relies on: the loss of λ t1 + (1 - λ) t2 is λ L(t1) + (1 - λ) L(t2), weighted or not.
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray x = m.create(new float[][] {{1f, 2f, 0.5f, -1f}, {0f, 0f, 3f, 1f}});
            NDArray t1 = m.create(new float[][] {{0f, 1f, 0f, 0f}, {1f, 0f, 0f, 0f}});
            NDArray t2 = m.create(new float[][] {{0f, 0f, 0f, 1f}, {0f, 0f, 1f, 0f}});
            NDArray mixed = t1.mul(0.3f).add(t2.mul(0.7f));
            for (String name : Losses.names()) {
                ClassificationLoss loss = Losses.named(name);
                NDArray w = name.equals(Losses.BCE) ? m.create(new float[] {2f, 1f, 0.5f, 3f}) : null;
                float expected = 0.3f * loss.compute(x, t1, w).getFloat() + 0.7f * loss.compute(x, t2, w).getFloat();
                assertThat(loss.compute(x, mixed, w).getFloat()).as(name).isCloseTo(expected, within(1e-5f));
            }
        }
    }

    @Test
    void namedLossesAreTheFormulasAndTheTaskPicksTheDefault() {
        assertThat(Losses.names()).containsExactly(Losses.BCE, Losses.CE);
        assertThat(Losses.forTask(Task.MULTILABEL).name()).isEqualTo(Losses.BCE);
        assertThat(Losses.forTask(Task.MULTICLASS).name()).isEqualTo(Losses.CE);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            NDArray x = m.create(new float[][] {{2f, -1f, 0.5f}, {-3f, 0f, 4f}});
            NDArray t = m.create(new float[][] {{1f, 0f, 0f}, {0f, 1f, 0f}});
            NDArray w = m.create(new float[] {2f, 1f, 0.5f});
            assertThat(Losses.named(Losses.BCE).compute(x, t, w).getFloat())
                    .isEqualTo(Losses.binaryCrossEntropy(x, t, w).getFloat());
            assertThat(Losses.named(Losses.CE).compute(x, t, w).getFloat()).isEqualTo(Losses.crossEntropy(x, t, w).getFloat());
        }
        assertThatThrownBy(() -> Losses.named("focal")).isInstanceOf(EchomaskException.class)
                .hasMessage("unknown loss 'focal' (known: bce, ce)");
    }
}
