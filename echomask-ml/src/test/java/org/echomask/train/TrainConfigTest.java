package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;

class TrainConfigTest {

    @Test
    void defaultsSurviveAJsonRoundTrip() {
        TrainConfig defaults = TrainConfig.defaults();
        String json = Json.write(defaults);
        assertThat(json).contains("\"learning_rate\" : 0.001", "\"min_learning_rate_fraction\"", "\"gradient_clip_norm\"",
                "\"loader_threads\"", "\"prefetch_batches\"", "\"beta1\"");
        assertThat(Json.read(json, TrainConfig.class)).isEqualTo(defaults);
    }

    @Test
    void invalidValuesAreRejectedByName() {
        TrainConfig d = TrainConfig.defaults();
        assertThatThrownBy(() -> d.withEpochs(0)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> d.withBatchSize(1)).hasMessageContaining("batch_size").hasMessageContaining("BatchNorm");
        assertThatThrownBy(() -> d.withLearningRate(Double.NaN)).hasMessageContaining("learning_rate");
        assertThatThrownBy(() -> d.withPatience(-1)).hasMessageContaining("patience");
        assertThatThrownBy(() -> d.withLoaders(0, 0)).hasMessageContaining("prefetch_batches");
        assertThatThrownBy(() -> new TrainConfig(1, 2, 1e-3, 0, 1.0, 0, 0.9, 0.999, 1e-8, 0, 1, 0, 0, 1))
                .hasMessageContaining("warmup_fraction");
        assertThatThrownBy(() -> new TrainConfig(1, 2, 1e-3, 0, 0, 0, 1.0, 0.999, 1e-8, 0, 1, 0, 0, 1))
                .hasMessageContaining("beta1");
        assertThatThrownBy(() -> new TrainConfig(1, 2, 1e-3, 0, 0, 0, 0.9, 0.999, 0, 0, 1, 0, 0, 1))
                .hasMessageContaining("epsilon");
        assertThatThrownBy(() -> new TrainConfig(1, 2, 1e-3, 0, 0, 0, 0.9, 0.999, 1e-8, -1, 1, 0, 0, 1))
                .hasMessageContaining("gradient_clip_norm");
    }

    @Test
    void jsonWithAMisspeltOrInvalidFieldIsAnError() {
        String json = Json.write(TrainConfig.defaults());
        assertThatThrownBy(() -> Json.read(json.replace("\"epochs\"", "\"epoch\" : 3,\n  \"epochs\""), TrainConfig.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("\"epoch\"");
        assertThatThrownBy(() -> Json.read(json.replace("\"batch_size\" : 32", "\"batch_size\" : 0"), TrainConfig.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("batch_size");
    }

    @Test
    void resultHashIgnoresOnlySpeedSettings() {
        TrainConfig d = TrainConfig.defaults();
        assertThat(d.withLoaders(0, 1).resultHash()).isEqualTo(d.resultHash()).hasSize(64);
        assertThat(d.withSeed(43).resultHash()).isNotEqualTo(d.resultHash());
        assertThat(d.resultDifferences(d.withLoaders(7, 9))).isEmpty();
        assertThat(d.resultDifferences(d.withSeed(43).withEpochs(3)))
                .containsExactly("epochs: 30 -> 3", "seed: 42 -> 43");
    }
}
