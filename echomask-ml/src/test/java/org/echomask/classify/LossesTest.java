package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
}
