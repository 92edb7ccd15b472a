package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

    @Test
    void labelsMatchScipyEightConnectivity() {
        ConnectedComponents.Labels l = ConnectedComponents.label(Golden.mask("label_mask"));
        float[][] expected = Golden.image("label_labels");
        int max = 0;
        for (int f = 0; f < expected.length; f++) {
            for (int t = 0; t < expected[f].length; t++) {
                assertThat(l.labels()[f][t]).as("[%d][%d]", f, t).isEqualTo((int) expected[f][t]);
                max = Math.max(max, (int) expected[f][t]);
            }
        }
        assertThat(l.count()).isEqualTo(max).isGreaterThan(10);
    }

    @Test
    void diagonalNeighboursJoinAndLabelsFollowRasterOrder() {
        // Row 0 is the bottom string; raster order scans row 0 first.
        boolean[][] m = Golden.parse(
                "#...#",
                ".#..#",
                "..#..",
                "#...#");
        ConnectedComponents.Labels l = ConnectedComponents.label(m);
        assertThat(l.count()).isEqualTo(4);
        assertThat(l.labels()[0]).containsExactly(1, 0, 0, 0, 2);
        assertThat(l.labels()[1]).containsExactly(0, 0, 3, 0, 0);
        assertThat(l.labels()[3]).containsExactly(3, 0, 0, 0, 4);
        assertThat(l.area(3)).isEqualTo(3);
        assertThat(l.area(4)).isEqualTo(2);
    }

    @Test
    void uShapeMergesLateIntoOneComponent() {
        boolean[][] m = Golden.parse(
                "#.#.#",
                "#.#.#",
                "#####");
        ConnectedComponents.Labels l = ConnectedComponents.label(m);
        assertThat(l.count()).isEqualTo(1);
        assertThat(l.area(1)).isEqualTo(11);
    }

    @Test
    void removeSmallDropsComponentsUnderMinimumArea() {
        boolean[][] m = Golden.parse(
                "##..#",
                "##...",
                "....#",
                "#..##");
        boolean[][] expected = Golden.parse(
                "##...",
                "##...",
                "....#",
                "...##");
        Golden.assertSameMask(ConnectedComponents.removeSmall(m, 3), expected);
        Golden.assertSameMask(ConnectedComponents.removeSmall(m, 0), m);
        assertThat(Masks.count(ConnectedComponents.removeSmall(m, 5))).isZero();
        assertThatThrownBy(() -> ConnectedComponents.removeSmall(m, -1)).hasMessageContaining(">= 0");
    }

    @Test
    void manyComponentsGrowTheUnionFindTable() {
        boolean[][] m = new boolean[40][40];
        for (int f = 0; f < 40; f += 2) {
            for (int t = 0; t < 40; t += 2) {
                m[f][t] = true;
            }
        }
        assertThat(ConnectedComponents.label(m).count()).isEqualTo(400);
    }
}
