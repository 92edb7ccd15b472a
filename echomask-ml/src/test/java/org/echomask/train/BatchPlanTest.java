package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void trainingBatchesAreASeededPermutationThatDropsALoneLastExample() {
        List<List<Integer>> plan = BatchPlan.training(17, 4, 5L, 1);
        assertThat(plan).hasSize(4).allMatch(b -> b.size() == 4);
        assertThat(BatchPlan.trainingSteps(17, 4)).isEqualTo(4);
        List<Integer> all = new ArrayList<>();
        plan.forEach(all::addAll);
        assertThat(all).doesNotHaveDuplicates().allMatch(i -> i >= 0 && i < 17);

        assertThat(BatchPlan.training(17, 4, 5L, 1)).isEqualTo(plan);
        assertThat(BatchPlan.training(17, 4, 5L, 2)).isNotEqualTo(plan);
        assertThat(BatchPlan.training(17, 4, 6L, 1)).isNotEqualTo(plan);
    }

    @Test
    void aLastBatchOfTwoIsKept() {
        List<List<Integer>> plan = BatchPlan.training(18, 4, 5L, 1);
        assertThat(plan).hasSize(5);
        assertThat(plan.get(4)).hasSize(2);
        assertThat(BatchPlan.trainingSteps(18, 4)).isEqualTo(5);
        assertThat(BatchPlan.trainingSteps(16, 4)).isEqualTo(4);
    }

    @Test
    void inferenceBatchesKeepEveryExampleInOrder() {
        assertThat(BatchPlan.inOrder(5, 2)).containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
    }

    @Test
    void derivedSeedsDifferByEveryPart() {
        long base = Seeds.derive(1, Seeds.AUGMENT, 1, 0);
        assertThat(Seeds.derive(1, Seeds.AUGMENT, 1, 0)).isEqualTo(base);
        assertThat(List.of(Seeds.derive(2, Seeds.AUGMENT, 1, 0), Seeds.derive(1, Seeds.SHUFFLE, 1, 0),
                Seeds.derive(1, Seeds.AUGMENT, 2, 0), Seeds.derive(1, Seeds.AUGMENT, 1, 1), Seeds.derive(1, Seeds.AUGMENT, 0, 1)))
                .doesNotContain(base).doesNotHaveDuplicates();
    }
}
