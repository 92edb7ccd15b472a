package org.echomask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The run's probability sample is the same whatever order and grouping recordings are merged in. */
class WindowSampleTest {

    @Test
    void mergingInAnyOrderAndGroupingGivesTheSameUniformSample() {
        Random rnd = new Random(3);
        List<WindowSample> parts = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            List<WindowScore> windows = new ArrayList<>();
            for (int i = 0; i < 400 + 100 * r; i++) {
                windows.add(new WindowScore(i, i, i + 1, new float[] {rnd.nextFloat(), rnd.nextFloat()}, Double.NaN, Double.NaN));
            }
            parts.add(WindowSample.of("rec-" + r, windows, 1000));
        }
        assertThat(parts.get(0).size()).isEqualTo(800); // below capacity: every value
        assertThat(parts.get(5).size()).isEqualTo(1000);
        WindowSample forward = WindowSample.empty(1000);
        for (WindowSample p : parts) {
            forward = forward.merge(p);
        }
        WindowSample backward = WindowSample.empty(1000);
        for (int i = parts.size() - 1; i >= 0; i--) {
            backward = backward.merge(parts.get(i));
        }
        WindowSample grouped = parts.get(0).merge(parts.get(2)).merge(parts.get(4))
                .merge(parts.get(5).merge(parts.get(1)).merge(parts.get(3)));
        assertThat(forward.size()).isEqualTo(1000);
        assertThat(backward.values()).containsExactly(forward.values());
        assertThat(grouped.values()).containsExactly(forward.values());
        // Uniform: each recording contributes about its share of the 2 * 5100 values.
        double mean = java.util.Arrays.stream(forward.values()).average().orElseThrow();
        assertThat(mean).isBetween(0.45, 0.55);
    }
}
