package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskMetricsTest {

    @Test
    void knownCounts() {
        // reference 4 pixels, prediction 3 pixels, 2 in common: tp 2, fp 1, fn 2
        boolean[][] ref = Golden.parse("##..", "##..");
        boolean[][] pred = Golden.parse("#.#.", "#...");
        MaskMetrics.Scores s = MaskMetrics.score(pred, ref);
        assertThat(s.iou()).isEqualTo(2 / 5.0);
        assertThat(s.dice()).isEqualTo(4 / 7.0);
        assertThat(s.precision()).isEqualTo(2 / 3.0);
        assertThat(s.recall()).isEqualTo(2 / 4.0);
        assertThat(MaskMetrics.iou(pred, ref)).isEqualTo(s.iou());
        assertThat(MaskMetrics.dice(pred, ref)).isEqualTo(s.dice());
        assertThat(MaskMetrics.precision(pred, ref)).isEqualTo(s.precision());
        assertThat(MaskMetrics.recall(pred, ref)).isEqualTo(s.recall());
    }

    @Test
    void emptyCases() {
        boolean[][] empty = new boolean[2][3];
        boolean[][] some = Golden.parse("#..", "...");
        assertThat(MaskMetrics.score(empty, empty)).isEqualTo(new MaskMetrics.Scores(1, 1, 1, 1));
        assertThat(MaskMetrics.score(empty, some)).isEqualTo(new MaskMetrics.Scores(0, 0, 0, 0));
        assertThat(MaskMetrics.score(some, empty)).isEqualTo(new MaskMetrics.Scores(0, 0, 0, 0));
        assertThat(MaskMetrics.score(some, some)).isEqualTo(new MaskMetrics.Scores(1, 1, 1, 1));
    }

    @Test
    void meanOverSet() {
        MaskMetrics.Scores m = MaskMetrics.mean(List.of(new MaskMetrics.Scores(1, 1, 1, 0.5),
                new MaskMetrics.Scores(0, 0.5, 0.25, 0.5)));
        assertThat(m).isEqualTo(new MaskMetrics.Scores(0.5, 0.75, 0.625, 0.5));
        assertThatThrownBy(() -> MaskMetrics.mean(List.of())).hasMessageContaining("no mask scores");
    }

    @Test
    void rejectsShapeMismatch() {
        assertThatThrownBy(() -> MaskMetrics.score(new boolean[2][3], new boolean[3][2])).hasMessageContaining("shapes differ");
    }
}
