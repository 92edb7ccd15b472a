package org.echomask.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.echomask.EchomaskException;
import org.echomask.nn.Engines;
import org.junit.jupiter.api.Test;

class SegmentationLearnerTest {

    /** One 2×4 image whose signal is a single pixel (1 of 8, like a thin whistle contour). */
    private static final float[] TARGET = {0, 0, 1, 0, 0, 0, 0, 0};

    @Test
    void diceTermPunishesTheAllBackgroundAnswerThatCrossEntropyForgives() {
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            NDArray target = manager.create(TARGET, new Shape(1, 8));
            // Confident background everywhere: logits (background 3, signal -3).
            float[] background = new float[16];
            for (int i = 0; i < 8; i++) {
                background[i] = 3;
                background[8 + i] = -3;
            }
            NDList allBackground = new NDList(manager.create(background, new Shape(1, 2, 2, 4)));
            float ce = loss(manager, SegmentationLearner.CROSS_ENTROPY, allBackground, target);
            float ceDice = loss(manager, SegmentationLearner.CE_DICE, allBackground, target);
            double p = 1 / (1 + Math.exp(6)); // signal probability of every pixel
            double expectedCe = -(7 * Math.log(1 - p) + Math.log(p)) / 8;
            assertThat((double) ce).isCloseTo(expectedCe, within(1e-5));
            double dice = (2 * p + 1) / (8 * p + 1 + 1);
            assertThat((double) ceDice).isCloseTo(expectedCe + 1 - dice, within(1e-5));
            assertThat(ceDice - ce).isGreaterThan(0.45f);

            // The right answer, confidently: both losses near zero.
            float[] right = background.clone();
            right[2] = -3;
            right[8 + 2] = 3;
            NDList correct = new NDList(manager.create(right, new Shape(1, 2, 2, 4)));
            assertThat(loss(manager, SegmentationLearner.CE_DICE, correct, target)).isLessThan(0.02f);
        }
    }

    @Test
    void unknownLossIsRefused() {
        assertThatThrownBy(() -> new SegmentationLearner(null, 8, 8, "focal")).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("focal");
        assertThat(SegmenterTraining.DEFAULT_LOSS).isEqualTo(SegmentationLearner.CE_DICE);
    }

    private static float loss(NDManager manager, String kind, NDList predictions, NDArray target) {
        return new SegmentationLearner(null, 2, 4, kind).loss(predictions, target).getFloat();
    }
}
