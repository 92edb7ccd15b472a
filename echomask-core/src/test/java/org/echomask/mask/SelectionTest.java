package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void selectsWhatTheSortedArrayHoldsAtEveryIndex() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(70);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                // Few distinct values (ties), signed zeros, and spread values.
                a[i] = switch (rnd.nextInt(4)) {
                    case 0 -> rnd.nextInt(3);
                    case 1 -> rnd.nextBoolean() ? 0.0f : -0.0f;
                    default -> (float) rnd.nextGaussian();
                };
            }
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < n; k++) {
                float[] work = a.clone();
                assertThat(Float.floatToRawIntBits(Selection.select(work, k))).as("k=%d of %s", k, Arrays.toString(a))
                        .isEqualTo(Float.floatToRawIntBits(sorted[k]));
                for (int i = 0; i < n; i++) {
                    assertThat(Float.compare(work[i], work[k]) * Integer.signum(i - k)).isGreaterThanOrEqualTo(0);
                }
            }
            for (double p : new double[] {0, 12.5, 50, 73, 100}) {
                assertThat(Selection.percentile(a.clone(), p)).isEqualTo(MaskProposer.percentile(sorted, p));
            }
        }
    }

    @Test
    void sortedAndReversedInputsStayCorrect() {
        float[] up = new float[1000];
        for (int i = 0; i < up.length; i++) {
            up[i] = i;
        }
        float[] down = new float[1000];
        for (int i = 0; i < down.length; i++) {
            down[i] = -i;
        }
        assertThat(Selection.select(up.clone(), 500)).isEqualTo(500f);
        assertThat(Selection.select(down.clone(), 0)).isEqualTo(-999f);
        assertThat(Selection.percentile(up.clone(), 50)).isEqualTo(499.5);
    }
}
