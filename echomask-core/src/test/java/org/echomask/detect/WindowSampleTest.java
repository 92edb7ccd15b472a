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
                // Recording r's values lie in [r, r + 1): the sample shows where each value came from.
                windows.add(new WindowScore(i, i, i + 1, new float[] {r + rnd.nextFloat(), r + rnd.nextFloat()}, Double.NaN,
                        Double.NaN));
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
        // Uniform: each recording contributes about its share of the 2 * 3900 values (binomial standard
        // deviation at most 13.3 of 1000 here; the bound is 4.5 of them). Averaged over 200 sets of
        // names the counts were within 1 of their shares; this fixed set is 3 deviations off for rec-5.
        int[] counts = new int[6];
        for (double v : forward.values()) {
            counts[(int) v]++;
        }
        for (int r = 0; r < 6; r++) {
            double expected = 1000.0 * 2 * (400 + 100 * r) / (2 * 3900);
            assertThat((double) counts[r]).as("values from recording %d", r).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(60.0));
        }
    }
}
