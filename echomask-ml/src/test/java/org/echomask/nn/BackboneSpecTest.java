package org.echomask.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;

class BackboneSpecTest {

    @Test
    void defaultsExistForEveryArchitectureAndTakeOneChannel() {
        for (String name : Backbones.names()) {
            BackboneSpec spec = BackboneSpec.defaults(name);
            assertThat(spec.architecture()).isEqualTo(name);
            assertThat(spec.inChannels()).isEqualTo(1);
            assertThat(spec.outputStride()).isEqualTo(BackboneSpec.isTransformer(name) ? 16 : 32);
        }
        assertThat(BackboneSpec.defaults("resnet18").widthMultiplier()).isEqualTo(0.25);
    }

    @Test
    void jsonRoundTripsAndDepthIsOptional() {
        BackboneSpec spec = new BackboneSpec("vit", 0.5, 3, 16, 4);
        String json = Json.write(spec);
        assertThat(json).contains("\"width_multiplier\"", "\"in_channels\"", "\"output_stride\"", "\"depth\"");
        assertThat(Json.read(json, BackboneSpec.class)).isEqualTo(spec);
        BackboneSpec noDepth = Json.read(
                "{\"architecture\": \"resnet18\", \"width_multiplier\": 0.25, \"in_channels\": 1, \"output_stride\": 8}",
                BackboneSpec.class);
        assertThat(noDepth).isEqualTo(new BackboneSpec("resnet18", 0.25, 1, 8, 0));
    }

    @Test
    void jsonRejectsUnknownKeysMissingFieldsAndBadValues() {
        assertThatThrownBy(() -> Json.read("{\"architecture\": \"resnet18\", \"width_multiplier\": 1, \"in_channels\": 1, "
                + "\"output_stride\": 32, \"colour\": 1}", BackboneSpec.class)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> Json.read("{\"architecture\": \"resnet18\", \"in_channels\": 1, \"output_stride\": 32}",
                BackboneSpec.class)).isInstanceOf(EchomaskException.class).hasMessageContaining("width_multiplier");
        assertThatThrownBy(() -> Json.read("{\"architecture\": \"convnext\", \"width_multiplier\": 1, \"in_channels\": 1, "
                + "\"output_stride\": 8}", BackboneSpec.class)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("convnext supports output_stride [32], not 8");
    }

    @Test
    void validationNamesTheProblem() {
        assertThatThrownBy(() -> new BackboneSpec("resnet19", 1, 1, 32, 0)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("unknown architecture 'resnet19'").hasMessageContaining("mobilenetv3-small");
        assertThatThrownBy(() -> new BackboneSpec("resnet18", 0, 1, 32, 0)).hasMessageContaining("width_multiplier");
        assertThatThrownBy(() -> new BackboneSpec("resnet18", Double.NaN, 1, 32, 0)).hasMessageContaining("width_multiplier");
        assertThatThrownBy(() -> new BackboneSpec("resnet18", 1, 2, 32, 0)).hasMessageContaining("in_channels must be 1 or 3");
        assertThatThrownBy(() -> new BackboneSpec("resnet50", 1, 1, 4, 0)).hasMessageContaining("[8, 16, 32], not 4");
        assertThatThrownBy(() -> new BackboneSpec("vit", 1, 1, 12, 0)).hasMessageContaining("patch size");
        assertThatThrownBy(() -> new BackboneSpec("mobilenetv3", 1, 1, 32, 3)).hasMessageContaining("fixed depth");
        assertThatThrownBy(() -> new BackboneSpec("deit", 1, 1, 16, 100)).hasMessageContaining("depth must be");
        assertThatThrownBy(() -> BackboneSpec.defaults("alexnet")).hasMessageContaining("unknown architecture 'alexnet'");
    }

    @Test
    void withersKeepTheOtherFieldsAndDescribeIsReadable() {
        BackboneSpec spec = BackboneSpec.defaults("resnet18").withOutputStride(8).withInChannels(3);
        assertThat(spec).isEqualTo(new BackboneSpec("resnet18", 0.25, 3, 8, 0));
        assertThat(spec.describe()).isEqualTo("resnet18 x0.25, 3-channel input, output stride 8");
        assertThat(spec.withWidthMultiplier(1).withDepth(0).describe()).contains("x1.0");
        assertThat(new BackboneSpec("deit", 1, 1, 16, 4).describe()).endsWith("depth 4");
    }

    @Test
    void channelRoundingFollowsTorchvision() {
        assertThat(Layers.divisible(64 * 0.25)).isEqualTo(16);
        assertThat(Layers.divisible(3)).isEqualTo(8);
        assertThat(Layers.divisible(72 * 0.75)).isEqualTo(56);
        assertThat(Layers.divisible(20)).isEqualTo(24);
        assertThat(Layers.divisible(960)).isEqualTo(960);
        assertThat(Backbones.heads(768)).isEqualTo(12);
        assertThat(Backbones.heads(192)).isEqualTo(3);
        assertThat(Backbones.heads(96)).isEqualTo(2);
        assertThat(Backbones.heads(8)).isEqualTo(1);
    }
}
