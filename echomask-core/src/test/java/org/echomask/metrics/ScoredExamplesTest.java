package org.echomask.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;

class ScoredExamplesTest {
    private static final List<String> AB = List.of("a", "b");

    private static ScoredExamples of(List<String> labels, List<String> ids, boolean[][] truth, double[][] p,
            boolean[][] predicted) {
        return new ScoredExamples(labels, ids, truth, p, predicted);
    }

    @Test
    void copiesOnTheWayInAndOut() {
        boolean[][] truth = {{true, false}};
        double[][] p = {{0.9, 0.1}};
        boolean[][] predicted = {{true, true}};
        ScoredExamples s = of(AB, List.of("x"), truth, p, predicted);
        ScoredExamples same = of(AB, List.of("x"), new boolean[][] {{true, false}}, new double[][] {{0.9, 0.1}},
                new boolean[][] {{true, true}});
        truth[0][0] = false;
        p[0][0] = 0;
        predicted[0][1] = false;
        s.truth()[0][1] = true;
        s.probabilities()[0][1] = 5;
        s.predicted()[0][0] = false;
        assertThat(s).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(s.truth()[0]).containsExactly(true, false);
        assertThat(s.probabilities()[0]).containsExactly(0.9, 0.1);
        assertThat(s.predicted()[0]).containsExactly(true, true);
        assertThat(s.size()).isEqualTo(1);
    }

    @Test
    void refusesInconsistentInputWithClearMessages() {
        boolean[][] one = {{true, false}};
        double[][] p = {{0.5, 0.5}};
        assertRefused(() -> of(AB, List.of("x"), new boolean[0][], new double[0][], new boolean[0][]),
                "no examples");
        assertRefused(() -> of(AB, List.of("x", "y"), one, p, one), "2 ids for 1 rows of truth");
        assertRefused(() -> of(AB, List.of("x", "x"), new boolean[2][2], new double[2][2], new boolean[2][2]),
                "example id \"x\" appears twice");
        assertRefused(() -> of(AB, List.of("x"), one, p, new boolean[][] {{true}}),
                "predicted of example \"x\" has 1 values for 2 labels");
        assertRefused(() -> of(AB, List.of("x"), one, new double[2][2], one), "probabilities has 2 rows, truth has 1");
        assertRefused(() -> of(AB, List.of("x"), one, new double[][] {{0.5, Double.NaN}}, one),
                "probability 1 of example \"x\" is NaN");
        assertRefused(() -> of(AB, List.of("x"), one, new double[][] {{Double.POSITIVE_INFINITY, 0}}, one),
                "is Infinity");
        assertRefused(() -> of(List.of("a", "a"), List.of("x"), one, p, one), "invalid labels [a, a]");
        assertRefused(() -> of(List.of("a+b", "c"), List.of("x"), one, p, one), "invalid labels");
        assertRefused(() -> of(AB, List.of("x"), one, p, null), "are all required");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(EchomaskException.class).hasMessageContaining(message);
    }
}
