package org.echomask.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;

class LabelSetTest {
    private final LabelSet set = LabelSet.of("beluga_whistle", "beluga_click", "porpoise_click");

    @Test
    void validatesNames() {
        assertThatThrownBy(() -> LabelSet.of(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> LabelSet.of("a", "b", "a")).hasMessageContaining("\"a\" appears twice");
        assertThatThrownBy(() -> LabelSet.of("a", " ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> LabelSet.of(" a")).hasMessageContaining("surrounding spaces");
        assertThatThrownBy(() -> LabelSet.of("a;b")).hasMessageContaining("';'");
        assertThatThrownBy(() -> LabelSet.of("a+b")).hasMessageContaining("'+'");
        assertThatThrownBy(() -> LabelSet.of("None")).hasMessageContaining("reserved");
        // Older manifests split label cells on ',' and '|' too: such a label would come back as two.
        assertThatThrownBy(() -> LabelSet.of("a,b")).hasMessageContaining("','");
        assertThatThrownBy(() -> LabelSet.of("a|b")).hasMessageContaining("'|'");
        assertThat(LabelSet.problemWith("humpback whale")).isNull();
    }

    @Test
    void givenOrderOrSorted() {
        assertThat(set.names()).containsExactly("beluga_whistle", "beluga_click", "porpoise_click");
        assertThat(LabelSet.sorted(List.of("orca", "humpback", "orca", "beluga")).names())
                .containsExactly("beluga", "humpback", "orca");
        assertThat(set.indexOf("porpoise_click")).isEqualTo(2);
        assertThat(set.name(1)).isEqualTo("beluga_click");
        assertThatThrownBy(() -> set.indexOf("orca")).isInstanceOf(EchomaskException.class)
                .hasMessage("unknown label \"orca\"; known labels: [beluga_whistle, beluga_click, porpoise_click]");
    }

    @Test
    void multiHotEncodeDecode() {
        assertThat(set.encode(List.of("porpoise_click", "beluga_whistle"))).containsExactly(1f, 0f, 1f);
        assertThat(set.encode(List.of())).containsExactly(0f, 0f, 0f);
        assertThat(set.decode(new float[] {0.9f, 0.5f, 0.49f}, 0.5)).containsExactly("beluga_whistle", "beluga_click");
        assertThatThrownBy(() -> set.decode(new float[2], 0.5)).hasMessageContaining("length 2");
        assertThatThrownBy(() -> set.decode(new float[] {0, Float.NaN, 0}, 0.5)).hasMessageContaining("NaN");
    }

    @Test
    void labelStrings() {
        assertThat(set.parse("porpoise_click; beluga_whistle")).containsExactly("beluga_whistle", "porpoise_click");
        assertThat(set.parse("")).isEmpty();
        assertThat(set.parse(" NONE ")).isEmpty();
        assertThatThrownBy(() -> set.parse("beluga_whistle;;porpoise_click")).hasMessageContaining("empty label");
        assertThatThrownBy(() -> set.parse("beluga_whistle;orca")).hasMessageContaining("unknown label \"orca\"");
        assertThat(set.format(Set.of("porpoise_click", "beluga_whistle"))).isEqualTo("beluga_whistle;porpoise_click");
        assertThat(set.format(List.of())).isEqualTo("none");
        assertThat(set.parse(set.format(List.of("beluga_click")))).containsExactly("beluga_click");
    }

    @Test
    void jsonRoundTrip() {
        String json = set.toJson();
        assertThat(json).contains("\"labels\"");
        assertThat(LabelSet.fromJson(json)).isEqualTo(set);
        assertThat(LabelSet.fromJson(json).names()).isEqualTo(set.names());
        assertThatThrownBy(() -> LabelSet.fromJson("{\"labels\": [\"a\", \"a\"]}")).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> LabelSet.fromJson("{\"classes\": [\"a\"]}")).isInstanceOf(EchomaskException.class);
    }
}
