package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FiltersTest {
    private final float[][] image = Golden.image("filt_image");

    @Test
    void boxMeanMatchesScipyUniformFilter() {
        Golden.assertClose(Filters.boxMean(image, 5, 7), Golden.image("filt_box_5x7"), 1e-5);
        // Window taller than the image: reflection repeats.
        Golden.assertClose(Filters.boxMean(Golden.image("filt_small"), 15, 3), Golden.image("filt_small_box_15x3"), 1e-5);
    }

    @Test
    void gaussianMatchesScipy() {
        Golden.assertClose(Filters.gaussian(image, 1.0, 2.0), Golden.image("filt_gauss_1x2"), 1e-5);
        assertThat(Filters.gaussian(image, 0, 0)[3]).containsExactly(image[3]);
    }

    @Test
    void sobelMatchesScipy() {
        Golden.assertClose(Filters.sobelFrequency(image), Golden.image("filt_sobel0"), 1e-5);
        Golden.assertClose(Filters.sobelTime(image), Golden.image("filt_sobel1"), 1e-5);
    }

    @Test
    void reflectionIsHalfSampleSymmetric() {
        // d c b a | a b c d | d c b a
        assertThat(Filters.reflect(-1, 4)).isEqualTo(0);
        assertThat(Filters.reflect(-4, 4)).isEqualTo(3);
        assertThat(Filters.reflect(4, 4)).isEqualTo(3);
        assertThat(Filters.reflect(7, 4)).isEqualTo(0);
        assertThat(Filters.reflect(8, 4)).isEqualTo(0);
        assertThat(Filters.reflect(0, 1)).isEqualTo(0);
        assertThat(Filters.reflect(-3, 1)).isEqualTo(0);
    }

    @Test
    void boxMeanOfKnownRow() {
        float[][] row = {{0, 3, 6}};
        // reflect: 0 | 0 3 6 | 6 -> means of (0,0,3), (0,3,6), (3,6,6)
        assertThat(Filters.boxMean(row, 1, 3)[0]).containsExactly(1f, 3f, 5f);
    }

    @Test
    void rejectsEvenWindowsAndNegativeSigma() {
        assertThatThrownBy(() -> Filters.boxMean(image, 4, 3)).hasMessageContaining("odd");
        assertThatThrownBy(() -> Filters.gaussian(image, -1, 0)).hasMessageContaining(">= 0");
    }
}
