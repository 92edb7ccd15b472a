package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void otsuSplitsTwoClusters() {
        float[] v = {0, 0, 1, 1, 0, 10, 11, 10, 11, 10};
        double t = Thresholds.otsu(v);
        assertThat(t).isGreaterThan(1).isLessThan(10);
        // Exact: the best split is after the last bin holding 1, bin width 11/256.
        double width = 11.0 / 256;
        int binOf1 = (int) (1 / width);
        assertThat(t).isCloseTo((binOf1 + 0.5) * width, Offset.offset(1e-9));
        assertThat(Thresholds.otsu(new float[] {4, 4, 4})).isEqualTo(4);
        assertThatThrownBy(() -> Thresholds.otsu(new float[0])).hasMessageContaining("no values");
    }

    @Test
    void otsuOfSeededMixtureFallsBetweenTheModes() {
        Random rnd = new Random(5);
        float[] v = new float[4000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (i % 4 == 0 ? 6 + rnd.nextGaussian() : rnd.nextGaussian());
        }
        assertThat(Thresholds.otsu(v)).isBetween(2.0, 4.5);
    }

    @Test
    void otsuPerBandUsesEachBandsOwnLevel() {
        float[][] img = {
            {0, 1, 0, 1}, // band 0: threshold between 0 and 1
            {0, 1, 1, 0},
            {100, 200, 100, 200}, // band 1: threshold between 100 and 200
        };
        boolean[][] m = Thresholds.otsuPerBand(img, 2);
        Golden.assertSameMask(m, new boolean[][] {
            {false, true, false, true}, {false, true, true, false}, {false, true, false, true}});
    }

    @Test
    void localMeanFindsPeakAboveBackground() {
        float[][] img = new float[5][5];
        img[2][2] = 9;
        img[0][0] = 0.2f;
        boolean[][] m = Thresholds.localMean(img, 3, 3, 0.5);
        assertThat(Masks.count(m)).isEqualTo(1);
        assertThat(m[2][2]).isTrue();
        // Mean over the 3x3 window of the peak is 1; an offset of 8 or more rejects it.
        assertThat(Masks.count(Thresholds.localMean(img, 3, 3, 8.0))).isZero();
        assertThat(Masks.count(Thresholds.localMean(img, 3, 3, 7.9))).isEqualTo(1);
    }

    @Test
    void sauvolaKnownAnswersOnFlatAndSpotImages() {
        float[][] flat = new float[4][4];
        for (float[] r : flat) {
            java.util.Arrays.fill(r, 0.5f);
        }
        // s = 0 -> T = m (1 - k) = 0.4 < 0.5: a flat image is all "above" (Sauvola's known
        // behaviour on empty pages); with k = 0 the threshold is the mean itself.
        assertThat(Masks.count(Thresholds.sauvola(flat, 3, 3, 0.2, 0.5))).isEqualTo(16);
        assertThat(Masks.count(Thresholds.sauvola(flat, 3, 3, 0.0, 0.5))).isZero();
        float[][] spot = new float[5][5];
        for (float[] r : spot) {
            java.util.Arrays.fill(r, 0.1f);
        }
        spot[2][2] = 0.9f;
        boolean[][] m = Thresholds.sauvola(spot, 3, 3, 0.5, 0.5);
        assertThat(m[2][2]).isTrue();
        // Next to the spot the window's deviation raises T to about 0.142 > 0.1; far from it the
        // window is flat again and T = 0.05.
        assertThat(m[1][1]).isFalse();
        assertThat(m[0][0]).isTrue();
        assertThatThrownBy(() -> Thresholds.sauvola(spot, 3, 3, 0.5, 0)).hasMessageContaining("r must be > 0");
    }
}
