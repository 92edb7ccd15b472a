package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingStepTest {

    private static long firstDraw(long seed, int epoch, int batch) {
        return TrainingStep.of(seed, epoch, batch).random().nextLong();
    }

    @Test
    void streamDependsOnlyOnSeedEpochAndBatch() {
        // Asked in another order, from a fresh object each time: the same numbers.
        long late = firstDraw(7, 3, 5);
        long early = firstDraw(7, 1, 0);
        assertThat(firstDraw(7, 1, 0)).isEqualTo(early);
        assertThat(firstDraw(7, 3, 5)).isEqualTo(late);
        TrainingStep step = TrainingStep.of(7, 3, 5);
        assertThat(step.epoch()).isEqualTo(3);
        assertThat(step.batch()).isEqualTo(5);
        assertThat(step.random().nextLong()).isEqualTo(late);
        assertThat(step.random().nextLong()).as("one stream per step, continued").isNotEqualTo(late);
    }

    @Test
    void neighbouringPositionsAndSeedsGetDifferentStreams() {
        Set<Long> draws = new HashSet<>();
        for (long seed = 1; seed <= 3; seed++) {
            for (int epoch = 1; epoch <= 4; epoch++) {
                for (int batch = 0; batch < 8; batch++) {
                    draws.add(firstDraw(seed, epoch, batch));
                }
            }
        }
        assertThat(draws).hasSize(3 * 4 * 8);
    }

    @Test
    void separateFromTheAugmentationStream() {
        // The augmentation stream of the same position must not be replayed by the mixing stream.
        long augment = new Random(Seeds.derive(7, Seeds.AUGMENT, 2, 3)).nextLong();
        assertThat(firstDraw(7, 2, 3)).isNotEqualTo(augment);
    }

    @Test
    void refusesPositionsOutsideARun() {
        assertThatThrownBy(() -> TrainingStep.of(7, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingStep.of(7, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
