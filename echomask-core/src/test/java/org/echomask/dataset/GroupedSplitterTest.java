package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.echomask.EchomaskException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GroupedSplitterTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void sharesFollowFractionsAndGroupsStayWhole(long seed) {
        Random r = new Random(seed);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (int g = 0; g < 60; g++) {
            sizes.put("tape" + g, 1 + r.nextInt(10));
        }
        Map<String, Split> splits = new GroupedSplitter(0.7, 0.15, seed).assign(sizes);
        assertThat(splits).containsOnlyKeys(sizes.keySet());
        long total = sizes.values().stream().mapToInt(Integer::intValue).sum();
        long train = sizes.entrySet().stream().filter(e -> splits.get(e.getKey()) == Split.TRAIN).mapToInt(Map.Entry::getValue).sum();
        long val = sizes.entrySet().stream().filter(e -> splits.get(e.getKey()) == Split.VAL).mapToInt(Map.Entry::getValue).sum();
        assertThat(train / (double) total).isBetween(0.6, 0.8);
        assertThat(val / (double) total).isBetween(0.08, 0.22);
    }

    @Test
    void sameSeedSameAnswerWhateverTheInsertionOrder() {
        Map<String, Integer> a = new LinkedHashMap<>();
        Map<String, Integer> b = new LinkedHashMap<>();
        for (int g = 0; g < 20; g++) {
            a.put("g" + g, g + 1);
        }
        for (int g = 19; g >= 0; g--) {
            b.put("g" + g, g + 1);
        }
        assertThat(new GroupedSplitter(0.7, 0.15, 9).assign(a)).isEqualTo(new GroupedSplitter(0.7, 0.15, 9).assign(b));
    }

    @Test
    void noTestSplitWhenFractionsCoverEverything() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (int g = 0; g < 30; g++) {
            sizes.put("g" + g, 3);
        }
        assertThat(new GroupedSplitter(0.8, 0.2, 1).assign(sizes).values()).doesNotContain(Split.TEST).contains(Split.VAL);
    }

    @Test
    void rejectsImpossibleFractions() {
        assertThatThrownBy(() -> new GroupedSplitter(0.9, 0.2, 1)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("train + val <= 1");
    }

    /** The Watkins case: one tape holds half of the train tapes' windows; it must land in train. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 42})
    void aDominantGroupGoesWhereItFits(long seed) {
        java.util.Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        sizes.put("big-tape", 811);
        for (int i = 0; i < 40; i++) {
            sizes.put("tape-" + i, 10 + (i * 7) % 40);
        }
        java.util.Map<String, Split> splits = new GroupedSplitter(0.8, 0.2, seed).assign(sizes);
        assertThat(splits.get("big-tape")).isEqualTo(Split.TRAIN);
        long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
        long val = sizes.entrySet().stream().filter(e -> splits.get(e.getKey()) == Split.VAL).mapToLong(e -> e.getValue()).sum();
        assertThat(val / (double) total).isBetween(0.15, 0.25);
    }
}
