package org.echomask.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;

class EvaluationConfigTest {

    @Test
    void groupsByThresholds() {
        EvaluationConfig c = new EvaluationConfig(EvaluationTask.MULTILABEL, 100, 10);
        assertThat(c.group(100)).isEqualTo("frequent");
        assertThat(c.group(99)).isEqualTo("common");
        assertThat(c.group(10)).isEqualTo("common");
        assertThat(c.group(9)).isEqualTo("rare");
        assertThat(c.group(0)).isEqualTo("rare");
    }

    @Test
    void relativeThresholdsSplitIntoThirds() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int[] values = {50, 3, 8, 1, 400, 20, 9, 70, 2}; // sorted: 1 2 3 | 8 9 20 | 50 70 400
        for (int i = 0; i < values.length; i++) {
            counts.put("l" + i, values[i]);
        }
        EvaluationConfig c = EvaluationConfig.relativeTo(EvaluationTask.MULTICLASS, counts);
        assertThat(c).isEqualTo(new EvaluationConfig(EvaluationTask.MULTICLASS, 50, 8));
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        counts.values().forEach(v -> perGroup.merge(c.group(v), 1, Integer::sum));
        assertThat(perGroup).containsEntry("rare", 3).containsEntry("common", 3).containsEntry("frequent", 3);

        // one class: a third rounds to none, so it is common
        EvaluationConfig single = EvaluationConfig.relativeTo(EvaluationTask.MULTILABEL, Map.of("a", 5));
        assertThat(single.group(5)).isEqualTo("common");
        // two classes: one rare, one frequent
        EvaluationConfig two = EvaluationConfig.relativeTo(EvaluationTask.MULTILABEL, Map.of("a", 5, "b", 40));
        assertThat(two.group(5)).isEqualTo("rare");
        assertThat(two.group(40)).isEqualTo("frequent");
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> new EvaluationConfig(EvaluationTask.MULTILABEL, 5, 10))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("rare_max 10 exceeds frequent_min 5");
        assertThatThrownBy(() -> new EvaluationConfig(EvaluationTask.MULTILABEL, 5, -1))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("must be >= 0");
        assertThatThrownBy(() -> new EvaluationConfig(null, 5, 1))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("task missing");
        assertThatThrownBy(() -> EvaluationConfig.relativeTo(EvaluationTask.MULTILABEL, Map.of()))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("no class counts");
        assertThatThrownBy(() -> EvaluationConfig.relativeTo(EvaluationTask.MULTILABEL, Map.of("a", -2)))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("class count of \"a\" must be a number >= 0");
    }

    @Test
    void taskIdsAndJson() {
        assertThat(EvaluationTask.parse(" MultiLabel ")).isEqualTo(EvaluationTask.MULTILABEL);
        assertThat(EvaluationTask.MULTICLASS.id()).isEqualTo("multiclass");
        assertThatThrownBy(() -> EvaluationTask.parse("binary")).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("unknown evaluation task \"binary\"; expected one of [multilabel, multiclass]");
        EvaluationConfig c = new EvaluationConfig(EvaluationTask.MULTICLASS, 100, 10);
        String json = Json.write(c);
        assertThat(json).contains("\"task\" : \"multiclass\"", "\"frequent_min\" : 100", "\"rare_max\" : 10");
        assertThat(Json.read(json, EvaluationConfig.class)).isEqualTo(c);
    }
}
