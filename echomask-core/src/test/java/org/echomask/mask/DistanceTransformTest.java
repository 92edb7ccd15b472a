package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    @ParameterizedTest
    @ValueSource(strings = {"r16x16", "r33x47", "r64x96", "r1x40", "r40x1", "sparse70x50", "full9x9", "single20x30"})
    void matchesScipy(String name) {
        boolean[][] mask = Golden.mask("edt_" + name + "_mask");
        double[][] d = DistanceTransform.distance(mask);
        Golden.assertClose(Golden.toFloat(d), Golden.image("edt_" + name + "_dist"), 1e-6);
    }

    @Test
    void anisotropicSamplingMatchesScipy() {
        boolean[][] mask = Golden.mask("edt_r33x47_mask");
        double[][] d = DistanceTransform.distance(mask, 2.5, 0.7);
        Golden.assertClose(Golden.toFloat(d), Golden.image("edt_aniso_dist"), 1e-6);
    }

    @Test
    void smallKnownAnswers() {
        boolean[][] m = Golden.parse(
                "....",
                "....",
                "#...");
        double[][] d = DistanceTransform.distance(m);
        assertThat(d[0]).containsExactly(0, 1, 2, 3);
        assertThat(d[2][3]).isEqualTo(Math.sqrt(13));
        assertThat(d[1][1]).isEqualTo(Math.sqrt(2));
        double[][] a = DistanceTransform.distance(m, 3, 1);
        assertThat(a[2][0]).isEqualTo(6);
        assertThat(a[1][2]).isEqualTo(Math.sqrt(9 + 4));
    }

    @Test
    void emptyMaskIsInfinitelyFarAndFullMaskIsZero() {
        double[][] empty = DistanceTransform.distance(new boolean[5][7]);
        for (double[] row : empty) {
            assertThat(row).containsOnly(Double.POSITIVE_INFINITY);
        }
        boolean[][] full = new boolean[4][3];
        for (boolean[] r : full) {
            java.util.Arrays.fill(r, true);
        }
        for (double[] row : DistanceTransform.distance(full)) {
            assertThat(row).containsOnly(0.0);
        }
        assertThat(DistanceTransform.distance(new boolean[0][0])).isEmpty();
    }

    @Test
    void agreesWithBruteForceOnRandomMasks() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int h = 1 + rnd.nextInt(25);
            int w = 1 + rnd.nextInt(25);
            double p = rnd.nextDouble() * 0.3;
            boolean[][] m = new boolean[h][w];
            for (boolean[] row : m) {
                for (int t = 0; t < w; t++) {
                    row[t] = rnd.nextDouble() < p;
                }
            }
            double sf = 0.5 + rnd.nextDouble() * 2;
            double st = 0.5 + rnd.nextDouble() * 2;
            double[][] d2 = DistanceTransform.squared(m, sf, st);
            for (int f = 0; f < h; f++) {
                for (int t = 0; t < w; t++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int g = 0; g < h; g++) {
                        for (int u = 0; u < w; u++) {
                            if (m[g][u]) {
                                best = Math.min(best, (f - g) * (f - g) * sf * sf + (t - u) * (t - u) * st * st);
                            }
                        }
                    }
                    assertThat(d2[f][t]).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-9 * (1 + best)));
                }
            }
        }
    }

    @Test
    void rejectsBadSpacingAndRaggedMasks() {
        assertThatThrownBy(() -> DistanceTransform.distance(new boolean[2][2], 0, 1)).hasMessageContaining("spacings");
        assertThatThrownBy(() -> DistanceTransform.distance(new boolean[2][2], 1, Double.NaN)).hasMessageContaining("spacings");
        assertThatThrownBy(() -> DistanceTransform.distance(new boolean[][] {new boolean[2], new boolean[3]}))
                .hasMessageContaining("ragged");
    }

    /** Timing guard: linear-time transform of 1024x1024 stays far below a quadratic method's cost. */
    @Test
    void largeMaskIsFast() {
        Random rnd = new Random(3);
        boolean[][] m = new boolean[1024][1024];
        for (int i = 0; i < 200; i++) {
            m[rnd.nextInt(1024)][rnd.nextInt(1024)] = true;
        }
        DistanceTransform.squared(m);
        long start = System.nanoTime();
        DistanceTransform.squared(m);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).isLessThan(2000);
    }
}
