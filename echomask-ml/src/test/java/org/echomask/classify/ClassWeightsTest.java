package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassWeightsTest {

    @Test
    void multilabelWeightsAreNegativesOverPositivesClipped() {
        // label 0: 1 of 4 positive -> 3; label 1: 4 of 4 -> 0 -> clipped to 0.1; label 2: never -> 1
        List<float[]> t = List.of(new float[] {1, 1, 0}, new float[] {0, 1, 0}, new float[] {0, 1, 0}, new float[] {0, 1, 0});
        assertThat(ClassWeights.balanced(Task.MULTILABEL, t)).containsExactly(3f, 0.1f, 1f);
    }

    @Test
    void multiclassWeightsAreInverseFrequency() {
        // 4 examples, 4 classes: class 0 seen 3 times -> 4/(4*3); class 1 once -> 1; classes 2, 3 never -> 1
        List<float[]> t = List.of(new float[] {1, 0, 0, 0}, new float[] {1, 0, 0, 0}, new float[] {1, 0, 0, 0},
                new float[] {0, 1, 0, 0});
        float[] w = ClassWeights.balanced(Task.MULTICLASS, t);
        assertThat(w[0]).isEqualTo(4f / 12f);
        assertThat(w).containsSubsequence(1f, 1f, 1f);
    }
}
