package org.echomask.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowLabelsTest {
    private final WindowLabels rule = WindowLabels.DEFAULT;

    private static Selection event(double b, double e, String label) {
        return new Selection(b, e, Double.NaN, Double.NaN, label);
    }

    @Test
    void shortClicksCountWhenHalfInside() {
        Selection click = event(1.9999, 2.0001, "click"); // 200 µs across the boundary at 2 s
        assertThat(rule.present(click, 0, 2)).isTrue(); // exactly half inside
        assertThat(rule.present(click, 2, 4)).isTrue();
        Selection late = event(1.99995, 2.00015, "click"); // a quarter in [0, 2)
        assertThat(rule.present(late, 0, 2)).isFalse();
        assertThat(rule.present(late, 2, 4)).isTrue();
    }

    @Test
    void longWhistlesCountFromHalfASecond() {
        Selection whistle = event(1.6, 6.0, "whistle");
        assertThat(rule.present(whistle, 0, 2)).isFalse(); // 0.4 s inside, < 0.5 s and < half of 4.4 s
        assertThat(rule.present(whistle, 0, 2.1)).isTrue(); // 0.5 s inside
        assertThat(rule.present(whistle, 5.5, 7.5)).isTrue();
        assertThat(rule.present(whistle, 6.0, 8.0)).isFalse(); // touching is not overlapping
    }

    @Test
    void shortWindowsCountWhenHalfFilled() {
        Selection whistle = event(0, 10, "whistle");
        assertThat(rule.present(whistle, 9.85, 10.05)).isTrue(); // 0.15 of a 0.2 s window
        assertThat(rule.present(whistle, 9.95, 10.15)).isFalse(); // 0.05 of 0.2 s
    }

    @Test
    void pointEventsCountInsideTheHalfOpenWindow() {
        Selection point = event(2, 2, "point");
        assertThat(rule.present(point, 0, 2)).isFalse();
        assertThat(rule.present(point, 2, 4)).isTrue();
    }

    @Test
    void labelsOfAWindowAndSwitchedOffCriteria() {
        List<Selection> s = List.of(event(0, 1, "b"), event(0.5, 3, "a"), event(5, 6, "c"), event(0.2, 0.4, "b"));
        assertThat(rule.labels(s, 0, 2)).containsExactly("a", "b");
        assertThat(rule.encode(LabelSet.of("c", "b", "a"), s, 0, 2)).containsExactly(0f, 1f, 1f);
        WindowLabels secondsOnly = new WindowLabels(1.0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertThat(secondsOnly.labels(s, 0, 2)).containsExactly("a", "b");
        assertThat(secondsOnly.labels(s, 0, 1)).containsExactly("b");
        assertThatThrownBy(() -> new WindowLabels(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY)).hasMessageContaining("switched off");
        assertThatThrownBy(() -> new WindowLabels(-1, 0.5, 0.5)).hasMessageContaining("minOverlapSeconds");
        assertThatThrownBy(() -> rule.labels(s, 2, 2)).hasMessageContaining("from < to");
    }
}
