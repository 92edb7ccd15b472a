package org.echomask.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void majorityCombinationIsTheMostFrequentTrainingCombination() {
        // a+c four times beats a alone (three) although a is the most frequent single label
        boolean[][] train = EvaluatorTest.rows("ac", "a", "ac", "a", "ac", "a", "ac", "b", "");
        boolean[][] test = EvaluatorTest.rows("a", "ac", "");
        ScoredExamples s = Baselines.majorityCombination(ABC, train, ids(3), test);
        for (boolean[] row : s.predicted()) {
            assertThat(row).containsExactly(true, false, true);
        }
        assertThat(s.truth()).isDeepEqualTo(test);
        assertThat(s.ids()).isEqualTo(ids(3));
        for (double[] row : s.probabilities()) {
            assertThat(row).containsExactly(7 / 9.0, 1 / 9.0, 4 / 9.0);
        }
        Evaluation e = Evaluator.evaluate("majority", s, new EvaluationConfig(EvaluationTask.MULTILABEL, 2, 1));
        assertThat(e.jointAccuracy()).isEqualTo(1 / 3.0);
        assertThat(e.perClass().get("a").rocAuc()).isEqualTo(0.5); // constant scores rank nothing
    }

    @Test
    void majorityTiesGoToTheFirstInPowerSetOrder() {
        // b, a and a+b each twice: power-set order is none, a, b, a+b, so a wins, whatever the row order
        List<boolean[]> rows = new ArrayList<>(List.of(EvaluatorTest.rows("b", "ab", "a", "b", "ab", "a", "c")));
        for (int shuffle = 0; shuffle < 3; shuffle++) {
            ScoredExamples s = Baselines.majorityCombination(ABC, rows.toArray(boolean[][]::new), ids(1),
                    EvaluatorTest.rows("b"));
            assertThat(s.predicted()[0]).as("order %d", shuffle).containsExactly(true, false, false);
            Collections.rotate(rows, 2);
        }
        // none beats everything in a tie
        ScoredExamples none = Baselines.majorityCombination(ABC, EvaluatorTest.rows("c", "", "abc"), ids(1),
                EvaluatorTest.rows("a"));
        assertThat(none.predicted()[0]).containsExactly(false, false, false);
    }

    @Test
    void labelPriorIsSeededAndDrawsAtThePriorRate() {
        // prior a 1/4, b 1, c 0
        boolean[][] train = EvaluatorTest.rows("ab", "b", "b", "b");
        int n = 4000;
        boolean[][] test = new boolean[n][3];
        ScoredExamples first = Baselines.labelPrior(ABC, train, ids(n), test, 42);
        assertThat(Baselines.labelPrior(ABC, train, ids(n), test, 42)).isEqualTo(first);
        assertThat(Baselines.labelPrior(ABC, train, ids(n), test, 43).predicted()).isNotEqualTo(first.predicted());
        int[] positives = new int[3];
        for (boolean[] row : first.predicted()) {
            for (int j = 0; j < 3; j++) {
                positives[j] += row[j] ? 1 : 0;
            }
        }
        assertThat(positives[0] / (double) n).isCloseTo(0.25, within(0.03));
        assertThat(positives[1]).isEqualTo(n);
        assertThat(positives[2]).isZero();
        assertThat(first.probabilities()[17]).containsExactly(0.25, 1.0, 0.0);
    }

    @Test
    void refusesEmptyOrMisshapenTraining() {
        assertThatThrownBy(() -> Baselines.labelPrior(ABC, new boolean[0][], ids(1), new boolean[1][3], 1))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("no training examples");
        assertThatThrownBy(() -> Baselines.majorityCombination(ABC, new boolean[][] {{true}}, ids(1), new boolean[1][3]))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("training example 0 has 1 values for 3 labels");
        assertThatThrownBy(() -> Baselines.majorityCombination(ABC, new boolean[1][3], ids(2), new boolean[1][3]))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("2 ids for 1 rows of truth");
    }

    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "t" + i).toList();
    }
}
