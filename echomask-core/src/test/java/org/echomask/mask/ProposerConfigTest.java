package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposerConfigTest {
    @TempDir
    Path dir;

    @Test
    void presetsByNameAndUnknownName() {
        for (String name : ProposerConfig.PRESETS) {
            assertThat(ProposerConfig.preset(name).preset()).isEqualTo(name);
        }
        assertThat(ProposerConfig.preset(" Whistle ").preset()).isEqualTo("whistle");
        assertThat(ProposerConfig.preset("whistle").openTime()).isGreaterThan(1);
        assertThat(ProposerConfig.preset("click").openFrequency()).isGreaterThan(1);
        assertThatThrownBy(() -> ProposerConfig.preset("orca")).hasMessageContaining("\"orca\"")
                .hasMessageContaining("default, whistle, click");
    }

    @Test
    void withThresholdChangesOnlyTheKnob() {
        ProposerConfig c = ProposerConfig.preset("click");
        ProposerConfig d = c.withThreshold(4.25);
        assertThat(d.threshold()).isEqualTo(4.25);
        assertThat(d.withThreshold(c.threshold())).isEqualTo(c);
        assertThatThrownBy(() -> c.withThreshold(-1)).hasMessageContaining("threshold must be finite and >= 0");
        assertThatThrownBy(() -> c.withThreshold(Double.NaN)).hasMessageContaining("threshold");
    }

    @Test
    void jsonRoundTripWithSnakeCaseKeysAndLowerCaseNames() {
        ProposerConfig c = ProposerConfig.preset("default").withThreshold(3.5);
        String json = Json.write(c);
        assertThat(json).contains("\"noise_percentile\" : 50.0", "\"threshold_method\" : \"local_mean\"",
                "\"smoothing\" : \"gaussian\"", "\"combine\" : \"union\"", "\"min_area\" : 15", "\"fill_holes\" : true",
                "\"threshold\" : 3.5");
        assertThat(Json.read(json, ProposerConfig.class)).isEqualTo(c);
        Path file = dir.resolve("proposer.json");
        Json.writeFile(file, c);
        assertThat(Json.readFile(file, ProposerConfig.class)).isEqualTo(c);
    }

    @Test
    void invalidJsonNamesTheProblem() {
        String json = Json.write(ProposerConfig.preset("default"));
        assertThatThrownBy(() -> Json.read(json.replace("\"window_time\" : 31", "\"window_time\" : 30"), ProposerConfig.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("window_time must be odd");
        assertThatThrownBy(() -> Json.read(json.replace("\"union\"", "\"xor\""), ProposerConfig.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("xor");
        assertThatThrownBy(() -> Json.read(json.replace("{", "{ \"min_areaa\" : 3,"), ProposerConfig.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("min_areaa");
        // A missing field is rejected too (Json's message does not name it: a Json-wide matter).
        assertThatThrownBy(() -> Json.read(json.replace("\"min_area\" : 15,", ""), ProposerConfig.class))
                .isInstanceOf(EchomaskException.class);
    }

    @Test
    void validation() {
        ProposerConfig d = ProposerConfig.preset("default");
        assertThatThrownBy(() -> MaskProposerTest.withOverrides(d, "\"noise_percentile\": 101"))
                .hasMessageContaining("noise_percentile");
        assertThatThrownBy(() -> MaskProposerTest.withOverrides(d, "\"open_frequency\": 0"))
                .hasMessageContaining("open_frequency must be odd");
        assertThatThrownBy(() -> MaskProposerTest.withOverrides(d, "\"edges\": \"none\", \"combine\": \"edges_only\""))
                .hasMessageContaining("edges_only needs an edge method");
        assertThatThrownBy(() -> MaskProposerTest.withOverrides(d, "\"edges\": \"none\", \"combine\": \"intersection\""))
                .hasMessageContaining("intersection needs both");
        assertThatThrownBy(() -> MaskProposerTest.withOverrides(d, "\"canny_low_ratio\": 0"))
                .hasMessageContaining("canny_low_ratio");
        assertThatThrownBy(() -> MaskProposerTest.withOverrides(d, "\"min_area\": -3")).hasMessageContaining("min_area");
        // Threshold method "none" with union: the edge map alone is the proposal.
        ProposerConfig edgesOnly = MaskProposerTest.withOverrides(d, "\"threshold_method\": \"none\"");
        assertThat(edgesOnly.thresholdMethod()).isEqualTo(ProposerConfig.ThresholdMethod.NONE);
    }
}
