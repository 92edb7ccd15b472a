package org.echomask.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.initializer.Initializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;

/**
 * The full-size layouts (width 1.0, 3 channels; 224×224 for the transformers' position
 * embeddings) have exactly as many trainable parameters as torchvision's feature extractors
 * without classifier heads. Reference numbers: src/test/python/torchvision_reference.py.
 */
class ParameterCountTest {

    static JsonNode reference() throws IOException {
        try (InputStream in = ParameterCountTest.class.getResourceAsStream("torchvision-reference.json")) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void fullSizeLayoutsMatchTorchvision() throws IOException {
        JsonNode counts = reference().get("parameter_counts");
        List<String> names = Backbones.names();
        assertThat(counts.size()).isEqualTo(names.size());
        for (String name : names) {
            Backbone backbone = Backbones.create(BackboneSpec.fullSize(name));
            Block block = backbone.block();
            // Only shapes matter here: zeros are far cheaper to create than the real initialisation.
            block.setInitializer(Initializer.ZEROS, p -> true);
            try (NDManager manager = NetTesting.engine().newBaseManager()) {
                block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 224, 224));
                assertThat(Layers.trainableParameterCount(block)).as(name).isEqualTo(counts.get(name).asLong());
            }
        }
    }

    @Test
    void fullSizeOutputChannelsAreThePublishedOnes() {
        assertThat(Backbones.create(BackboneSpec.fullSize("resnet18")).outChannels()).isEqualTo(512);
        assertThat(Backbones.create(BackboneSpec.fullSize("resnet50")).outChannels()).isEqualTo(2048);
        assertThat(Backbones.create(BackboneSpec.fullSize("convnext")).outChannels()).isEqualTo(768);
        assertThat(Backbones.create(BackboneSpec.fullSize("vit")).outChannels()).isEqualTo(768);
        assertThat(Backbones.create(BackboneSpec.fullSize("deit")).outChannels()).isEqualTo(192);
        assertThat(Backbones.create(BackboneSpec.fullSize("mobilenetv3")).outChannels()).isEqualTo(960);
        assertThat(Backbones.create(BackboneSpec.fullSize("mobilenetv3-small")).outChannels()).isEqualTo(576);
    }
}
