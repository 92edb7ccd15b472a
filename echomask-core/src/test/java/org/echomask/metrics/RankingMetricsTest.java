package org.echomask.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void perfectInvertedAndTiedRankings() {
        boolean[] truth = {T, T, F, F};
        assertThat(RankingMetrics.rocAuc(truth, new double[] {0.9, 0.8, 0.2, 0.1})).isEqualTo(1.0);
        assertThat(RankingMetrics.rocAuc(truth, new double[] {0.1, 0.2, 0.8, 0.9})).isEqualTo(0.0);
        assertThat(RankingMetrics.rocAuc(truth, new double[] {0.5, 0.5, 0.5, 0.5})).isEqualTo(0.5);
        assertThat(RankingMetrics.averagePrecision(truth, new double[] {0.9, 0.8, 0.2, 0.1})).isEqualTo(1.0);
        // all tied: one threshold, recall 0 -> 1 at precision 2/4
        assertThat(RankingMetrics.averagePrecision(truth, new double[] {0.5, 0.5, 0.5, 0.5})).isEqualTo(0.5);
    }

    @Test
    void tiesAreOneThresholdWhateverTheInputOrder() {
        // a positive tied with a negative at the top: AUC (1*0.5 + 1*1)/2 ... by hand:
        // pairs (p1,n1) tie 0.5, (p1,n2) 1, (p2,n1) 0, (p2,n2) 1 -> 2.5/4
        double[] scores = {0.9, 0.3, 0.9, 0.1};
        boolean[] truth = {T, T, F, F};
        assertThat(RankingMetrics.rocAuc(truth, scores)).isEqualTo(2.5 / 4);
        // thresholds 0.9 (tp 1, fp 1, precision 1/2), 0.3 (tp 2, fp 1, precision 2/3): 0.5*0.5 + 0.5*2/3
        assertThat(RankingMetrics.averagePrecision(truth, scores)).isEqualTo(0.5 * 0.5 + 0.5 * (2.0 / 3));
        boolean[] swapped = {F, T, T, F};
        double[] swappedScores = {0.9, 0.3, 0.9, 0.1};
        assertThat(RankingMetrics.rocAuc(swapped, swappedScores)).isEqualTo(2.5 / 4);
        assertThat(RankingMetrics.averagePrecision(swapped, swappedScores)).isEqualTo(0.5 * 0.5 + 0.5 * (2.0 / 3));
        // -0.0 and 0.0 are the same threshold
        assertThat(RankingMetrics.rocAuc(new boolean[] {T, F}, new double[] {-0.0, 0.0})).isEqualTo(0.5);
    }

    @Test
    void undefinedWithoutBothClasses() {
        assertThat(RankingMetrics.rocAuc(new boolean[] {F, F}, new double[] {0.1, 0.2})).isNaN();
        assertThat(RankingMetrics.rocAuc(new boolean[] {T, T}, new double[] {0.1, 0.2})).isNaN();
        assertThat(RankingMetrics.averagePrecision(new boolean[] {F, F}, new double[] {0.1, 0.2})).isNaN();
        assertThat(RankingMetrics.averagePrecision(new boolean[] {T, T}, new double[] {0.1, 0.2})).isEqualTo(1.0);
    }

    @Test
    void refusesMismatchedOrNonFiniteInput() {
        assertThatThrownBy(() -> RankingMetrics.rocAuc(new boolean[] {T, F}, new double[] {0.1}))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("2 truth values for 1 scores");
        assertThatThrownBy(() -> RankingMetrics.averagePrecision(new boolean[] {T, F}, new double[] {0.1, Double.NaN}))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("score 1 is NaN");
    }
}
