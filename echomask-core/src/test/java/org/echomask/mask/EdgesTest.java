package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EdgesTest {

    /** 8 x 10 image: 0 in columns 0..4, 1 in columns 5..9. */
    private static float[][] verticalStep() {
        float[][] img = new float[8][10];
        for (float[] r : img) {
            for (int t = 5; t < 10; t++) {
                r[t] = 1;
            }
        }
        return img;
    }

    @Test
    void sobelOfUnitStepIsOneBesideTheStepAndZeroElsewhere() {
        float[][] s = Edges.sobel(verticalStep());
        for (float[] row : s) {
            assertThat(row).containsExactly(0, 0, 0, 0, 1, 1, 0, 0, 0, 0);
        }
    }

    @Test
    void sobelMagnitudeMatchesScipyComponents() {
        float[][] img = Golden.image("filt_image");
        float[][] g0 = Golden.image("filt_sobel0");
        float[][] g1 = Golden.image("filt_sobel1");
        float[][] expected = new float[g0.length][g0[0].length];
        for (int f = 0; f < g0.length; f++) {
            for (int t = 0; t < g0[0].length; t++) {
                expected[f][t] = (float) (Math.hypot(g0[f][t], g1[f][t]) / 4);
            }
        }
        Golden.assertClose(Edges.sobel(img), expected, 1e-5);
    }

    @Test
    void cannyGivesOneThinLineAtAStep() {
        boolean[][] e = Edges.canny(verticalStep(), 0.2, 0.5);
        for (boolean[] row : e) {
            assertThat(row).containsExactly(false, false, false, false, true, false, false, false, false, false);
        }
        assertThat(Masks.count(Edges.canny(verticalStep(), 2, 3))).isZero();
        assertThat(Masks.count(Edges.canny(new float[6][6], 0.1, 0.2))).isZero();
    }

    @Test
    void hysteresisKeepsWeakPixelsOnlyWhenConnectedToStrong() {
        float[][] img = new float[9][12];
        // A horizontal ridge whose left half is strong and right half weak, plus an isolated weak blob.
        for (int t = 1; t < 11; t++) {
            img[4][t] = t < 6 ? 4 : 1.2f;
        }
        img[0][10] = 1.2f;
        // Edge magnitudes beside the ridge: 4 on the strong half, 1.2 on the weak half, <= 0.9 near the blob.
        boolean[][] both = Edges.canny(img, 0.5, 2);
        boolean[][] strongOnly = Edges.canny(img, 2, 2);
        assertThat(Masks.count(both)).isGreaterThan(Masks.count(strongOnly));
        // The weak right half of the ridge survives because it touches the strong half...
        boolean rightHalf = false;
        for (int f = 0; f < 9; f++) {
            rightHalf |= both[f][9];
        }
        assertThat(rightHalf).isTrue();
        // ...but the isolated weak blob does not.
        for (int f = 0; f < 3; f++) {
            for (int t = 8; t < 12; t++) {
                assertThat(both[f][t]).as("[%d][%d]", f, t).isFalse();
            }
        }
    }

    @Test
    void cannyIsThinnerThanThresholdedSobel() {
        Random rnd = new Random(2);
        float[][] img = new float[32][32];
        for (int f = 0; f < 32; f++) {
            for (int t = 0; t < 32; t++) {
                img[f][t] = (float) ((f - 16) * (f - 16) + (t - 16) * (t - 16) < 81 ? 1 : 0) + 0.02f * (float) rnd.nextGaussian();
            }
        }
        img = Filters.gaussian(img, 1, 1);
        long canny = Masks.count(Edges.canny(img, 0.1, 0.2));
        long sobel = Masks.count(Masks.above(Edges.sobel(img), 0.1));
        // Circle of radius 9: circumference ~57 pixels; a one-pixel-wide contour.
        assertThat(canny).isBetween(45L, 80L);
        assertThat(sobel).isGreaterThan(2 * canny);
    }

    @Test
    void rejectsInconsistentThresholds() {
        assertThatThrownBy(() -> Edges.canny(new float[2][2], 0.5, 0.2)).hasMessageContaining("low <= high");
    }
}
