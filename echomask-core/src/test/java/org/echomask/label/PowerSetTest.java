package org.echomask.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PowerSetTest {
    private static LabelSet labels(int k) {
        return LabelSet.of(IntStream.range(0, k).mapToObj(i -> "class_" + i).toList());
    }

    @Test
    void threeLabelsGiveEightNamedClasses() {
        PowerSet p = new PowerSet(LabelSet.of("beluga_whistle", "beluga_click", "porpoise_click"));
        assertThat(p.size()).isEqualTo(8);
        assertThat(p.names()).containsExactly("none", "beluga_whistle", "beluga_click", "beluga_whistle+beluga_click",
                "porpoise_click", "beluga_whistle+porpoise_click", "beluga_click+porpoise_click",
                "beluga_whistle+beluga_click+porpoise_click");
        assertThat(p.indexOfName("porpoise_click+beluga_whistle")).isEqualTo(5);
        assertThat(p.indexOfName("none")).isZero();
        assertThat(p.subset(6)).containsExactly("beluga_click", "porpoise_click");
        assertThat(p.toMultiHot(5)).containsExactly(1f, 0f, 1f);
        assertThatThrownBy(() -> p.subset(8)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesMoreThanSixteenLabels() {
        assertThat(new PowerSet(labels(16)).size()).isEqualTo(65536);
        assertThatThrownBy(() -> new PowerSet(labels(17))).hasMessageContaining("2^17")
                .hasMessageContaining("at most 16");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void encodingsRoundTrip(int k) {
        PowerSet p = new PowerSet(labels(k));
        assertThat(p.size()).isEqualTo(1 << k);
        assertThat(new HashSet<>(p.names())).hasSize(p.size());
        for (int c = 0; c < p.size(); c++) {
            Set<String> subset = p.subset(c);
            assertThat(subset).hasSize(Integer.bitCount(c));
            assertThat(p.index(subset)).isEqualTo(c);
            assertThat(p.indexOfName(p.name(c))).isEqualTo(c);
            assertThat(p.fromMultiHot(p.toMultiHot(c))).isEqualTo(c);
            assertThat(p.labels().decode(p.toMultiHot(c), 0.5)).isEqualTo(subset);
            assertThat(p.fromMultiHot(p.labels().encode(subset))).isEqualTo(c);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void marginalsAndArgmaxOfRandomDistributions(int k) {
        PowerSet p = new PowerSet(labels(k));
        Random random = new Random(1234 + k);
        for (int trial = 0; trial < 50; trial++) {
            float[] probs = randomDistribution(random, p.size());
            float[] marginals = p.marginals(probs);
            for (int label = 0; label < k; label++) {
                // Independent check: sum over the subsets, found by name, that contain the label.
                String name = p.labels().name(label);
                double expected = 0;
                for (int c = 0; c < p.size(); c++) {
                    if (List.of(p.name(c).split("\\+")).contains(name)) {
                        expected += probs[c];
                    }
                }
                assertThat((double) marginals[label]).isCloseTo(expected, within(1e-6));
            }
            int best = p.argmax(probs);
            for (float q : probs) {
                assertThat(probs[best]).isGreaterThanOrEqualTo(q);
            }
            assertThat(p.argmaxSubset(probs)).isEqualTo(p.subset(best));
        }
        // A one-hot distribution has marginals equal to that class's multi-hot vector.
        int c = random.nextInt(p.size());
        float[] oneHot = new float[p.size()];
        oneHot[c] = 1;
        assertThat(p.marginals(oneHot)).containsExactly(p.toMultiHot(c));
    }

    @Test
    void rejectsWrongLengthsAndNaN() {
        PowerSet p = new PowerSet(labels(2));
        assertThatThrownBy(() -> p.marginals(new float[3])).hasMessageContaining("length 3");
        assertThatThrownBy(() -> p.argmax(new float[] {0, Float.NaN, 0, 0})).hasMessageContaining("\"class_0\"");
        assertThatThrownBy(() -> p.fromMultiHot(new float[3])).hasMessageContaining("length 3");
    }

    private static float[] randomDistribution(Random random, int n) {
        List<Double> raw = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = -Math.log(1 - random.nextDouble());
            raw.add(v);
            sum += v;
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (raw.get(i) / sum);
        }
        return out;
    }
}
