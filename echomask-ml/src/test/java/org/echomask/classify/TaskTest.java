package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.label.LabelSet;
import org.junit.jupiter.api.Test;

class TaskTest {
    private final LabelSet labels = LabelSet.of("a", "b", "c");

    @Test
    void multilabelTargetsAreMultiHotAndThresholded() {
        assertThat(Task.MULTILABEL.outputs(labels)).isEqualTo(3);
        assertThat(Task.MULTILABEL.target(labels, List.of("c", "a"))).containsExactly(1f, 0f, 1f);
        assertThat(Task.MULTILABEL.predict(labels, new float[] {0.7f, 0.49f, 0.5f}, 0.5)).containsExactly("a", "c");
    }

    @Test
    void multiclassTargetsAreOneHotOverThePowerSetAndConvertBack() {
        assertThat(Task.MULTICLASS.outputs(labels)).isEqualTo(8);
        float[] t = Task.MULTICLASS.target(labels, List.of("a", "c"));
        assertThat(t[0b101]).isEqualTo(1f);
        assertThat(Task.MULTICLASS.predict(labels, t, 0.5)).containsExactly("a", "c");
        assertThat(Task.MULTICLASS.predict(labels, Task.MULTICLASS.target(labels, List.of()), 0.5)).isEmpty();
        float[] marg = Task.MULTICLASS.labelProbabilities(labels, t);
        assertThat(marg).containsExactly(1f, 0f, 1f);
    }

    @Test
    void unknownLabelIsAnError() {
        assertThatThrownBy(() -> Task.MULTILABEL.target(labels, List.of("zebra")))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("zebra");
        assertThatThrownBy(() -> Task.parse("regression")).hasMessageContaining("multilabel or multiclass");
    }

    @Test
    void jointAccuracyNeedsTheWholeVector() {
        JointAccuracy acc = new JointAccuracy(Task.MULTILABEL, labels, 0.5);
        List<float[]> scores = List.of(new float[] {0.9f, 0.1f, 0.8f}, new float[] {0.9f, 0.1f, 0.1f});
        List<float[]> targets = List.of(new float[] {1, 0, 1}, new float[] {1, 0, 1});
        assertThat(acc.score(scores, targets)).isEqualTo(0.5);
    }
}
