package org.echomask.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.MalformedModelException;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BackbonesTest {

    static List<String> architectures() {
        return Backbones.names();
    }

    /** Every supported stride, 1 and 3 channels, batch 2 of 64×64: the map is (2, C, 64/s, 64/s). */
    @ParameterizedTest
    @MethodSource("architectures")
    void outputShapeForEveryStrideAndChannelCount(String name) {
        for (int stride : new int[] {8, 16, 32}) {
            for (int channels : new int[] {1, 3}) {
                BackboneSpec spec;
                try {
                    spec = BackboneSpec.defaults(name).withOutputStride(stride).withInChannels(channels);
                } catch (EchomaskException unsupported) {
                    assertThat(name).isEqualTo("convnext");
                    continue;
                }
                Backbone backbone = Backbones.create(spec);
                assertThat(backbone.outputStride()).isEqualTo(stride);
                assertThat(backbone.description()).isEqualTo(spec.describe());
                try (NDManager manager = NetTesting.engine().newBaseManager()) {
                    Shape in = new Shape(2, channels, 64, 64);
                    NDArray out = NetTesting.run(manager, backbone.block(), in, false);
                    Shape expected = new Shape(2, backbone.outChannels(), 64 / stride, 64 / stride);
                    assertThat(out.getShape()).as(spec.describe()).isEqualTo(expected);
                    assertThat(backbone.block().getOutputShapes(new Shape[] {in})[0]).isEqualTo(expected);
                    assertThat(NetTesting.allFinite(out.toFloatArray())).isTrue();
                }
            }
        }
    }

    /** A training step reaches the first and the last layer with finite, non-zero gradients. */
    @ParameterizedTest
    @MethodSource("architectures")
    void trainingForwardAndBackwardReachFirstAndLastLayer(String name) {
        Backbone backbone = Backbones.create(BackboneSpec.defaults(name));
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            Shape in = new Shape(2, 1, 64, 64);
            backbone.block().initialize(manager, DataType.FLOAT32, in);
            try (GradientCollector collector = NetTesting.engine().newGradientCollector()) {
                NDArray x = manager.randomNormal(in);
                NDArray out = backbone.block().forward(new ParameterStore(manager, false), new NDList(x), true)
                        .singletonOrThrow();
                collector.backward(out.square().mean());
            }
            List<Pair<String, Parameter>> trainable = backbone.block().getParameters().stream()
                    .filter(p -> p.getValue().requiresGradient()).toList();
            Pair<String, Parameter> first = trainable.stream().filter(p -> p.getKey().endsWith("_weight")).findFirst()
                    .orElseThrow();
            Pair<String, Parameter> last = trainable.get(trainable.size() - 1);
            for (Pair<String, Parameter> p : trainable) {
                assertThat(NetTesting.allFinite(p.getValue().getArray().getGradient().toFloatArray()))
                        .as(name + " " + p.getKey()).isTrue();
            }
            assertThat(NetTesting.maxAbs(first.getValue().getArray().getGradient().toFloatArray()))
                    .as(name + " first layer " + first.getKey()).isGreaterThan(0);
            assertThat(NetTesting.maxAbs(last.getValue().getArray().getGradient().toFloatArray()))
                    .as(name + " last layer " + last.getKey()).isGreaterThan(0);
        }
    }

    /**
     * The output of a training forward belongs to the batch's manager, not the parameters': the
     * trainer frees each batch's activations by closing that manager, so an op that hangs them on a
     * parameter's manager leaks every activation of every step (the ViT class token once did).
     */
    @ParameterizedTest
    @MethodSource("architectures")
    void activationsStayInTheBatchScope(String name) {
        Backbone backbone = Backbones.create(BackboneSpec.defaults(name));
        try (NDManager parameters = NetTesting.engine().newBaseManager()) {
            Shape in = new Shape(2, 1, 64, 64);
            backbone.block().initialize(parameters, DataType.FLOAT32, in);
            try (NDManager batch = parameters.newSubManager(); GradientCollector c = NetTesting.engine().newGradientCollector()) {
                NDArray x = batch.randomNormal(in);
                NDArray out = backbone.block().forward(new ParameterStore(batch, false), new NDList(x), true).singletonOrThrow();
                assertThat(out.getManager()).as(name).isSameAs(batch);
            }
        }
    }

    /** Sides that are not multiples of the stride round up, as the Backbone contract says. */
    @Test
    void cnnsRoundOtherSizesUp() {
        for (String name : List.of("resnet18", "resnet50", "convnext", "mobilenetv3", "mobilenetv3-small")) {
            for (int stride : name.equals("convnext") ? new int[] {32} : new int[] {8, 32}) {
                Backbone backbone = Backbones.create(BackboneSpec.defaults(name).withOutputStride(stride));
                try (NDManager manager = NetTesting.engine().newBaseManager()) {
                    NDArray out = NetTesting.run(manager, backbone.block(), new Shape(1, 1, 40, 72), false);
                    assertThat(out.getShape()).as(name + " stride " + stride).isEqualTo(new Shape(1, backbone.outChannels(),
                            (40 + stride - 1) / stride, (72 + stride - 1) / stride));
                }
            }
        }
    }

    /** Saved parameters load into a freshly built network of the same spec and give the same output. */
    @Test
    void parametersSaveAndLoadIntoAFreshNetwork() throws IOException, MalformedModelException {
        for (String name : Backbones.names()) {
            BackboneSpec spec = BackboneSpec.defaults(name);
            Block trained = Backbones.create(spec).block();
            try (NDManager manager = NetTesting.engine().newBaseManager()) {
                Shape in = new Shape(2, 1, 64, 64);
                NetTesting.run(manager, trained, in, true); // moves the BatchNorm running statistics
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                trained.saveParameters(new DataOutputStream(bytes));
                Block loaded = Backbones.create(spec).block();
                loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
                NDArray x = manager.randomNormal(in);
                ParameterStore store = new ParameterStore(manager, false);
                float[] expected = trained.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                float[] actual = loaded.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();
                assertThat(actual).as(name).containsExactly(expected, within(1e-6f));
            }
        }
    }

    @Test
    void visionTransformerRejectsAnotherInputSizeThanItWasBuiltFor() {
        Backbone vit = Backbones.create(BackboneSpec.defaults("vit"));
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            NetTesting.run(manager, vit.block(), new Shape(1, 1, 64, 64), false);
            NDArray other = manager.zeros(new Shape(1, 1, 64, 96));
            assertThatThrownBy(() -> vit.block().forward(new ParameterStore(manager, false), new NDList(other), false))
                    .isInstanceOf(EchomaskException.class).hasMessageContaining("initialised for 16 patches");
        }
    }

    @Test
    void initialisationFollowsTorchvision() {
        Backbone resnet = Backbones.create(BackboneSpec.defaults("resnet18"));
        Backbone vit = Backbones.create(BackboneSpec.defaults("vit"));
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            NetTesting.engine().setRandomSeed(7);
            resnet.block().initialize(manager, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            vit.block().initialize(manager, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            // Kaiming normal, fan-out: the 7×7 stem with 16 filters has std sqrt(2 / (16·49)).
            float[] stem = resnet.block().getParameters().get(0).getValue().getArray().toFloatArray();
            assertThat(NetTesting.std(stem)).isCloseTo(Math.sqrt(2.0 / (16 * 49)), org.assertj.core.data.Percentage
                    .withPercentage(12));
            Parameter gamma = resnet.block().getParameters().get(1).getValue();
            assertThat(gamma.getType()).isEqualTo(Parameter.Type.GAMMA);
            assertThat(gamma.getArray().toFloatArray()).containsOnly(1f);
            // Truncated normal at ±2σ, σ 0.02, has std 0.02·0.8796.
            float[] positions = vit.block().getParameters().get("positionEmbedding").getArray().toFloatArray();
            assertThat(NetTesting.std(positions)).isCloseTo(0.02 * 0.8796, org.assertj.core.data.Percentage
                    .withPercentage(10));
            assertThat(NetTesting.maxAbs(positions)).isLessThanOrEqualTo(0.04);
        }
    }
}
