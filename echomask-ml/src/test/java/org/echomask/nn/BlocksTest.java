package org.echomask.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;

class BlocksTest {

    @Test
    void hardActivationsMatchPyTorchDefinitions() {
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            NDArray x = manager.create(new float[] {-4, -3, -1.5f, 0, 1.5f, 3, 4});
            assertThat(Activations.hardSigmoid(x).toFloatArray()).containsExactly(new float[] {0, 0, 0.25f, 0.5f, 0.75f, 1, 1},
                    within(1e-6f));
            assertThat(Activations.hardSwish(x).toFloatArray())
                    .containsExactly(new float[] {0, 0, -0.375f, 0, 1.125f, 3, 4}, within(1e-6f));
        }
    }

    @Test
    void batchNormKeepsNinetyPercentOfRunningStatisticsLikePyTorchMomentumPointOne() {
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            BatchNorm bn = Layers.batchNorm();
            NDArray x = manager.ones(new Shape(2, 3, 4, 4)).mul(5f);
            NetTesting.run(manager, bn, x.getShape(), false);
            bn.forward(new ParameterStore(manager, false), new NDList(x), true);
            NDArray runningMean = bn.getParameters().get("runningMean").getArray();
            assertThat(runningMean.toFloatArray()).containsExactly(new float[] {0.5f, 0.5f, 0.5f}, within(1e-6f));
        }
    }

    @Test
    void layerNorm2dNormalisesChannelsAtEveryPixel() {
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            NDArray out = NetTesting.run(manager, new LayerNorm2d(1e-6f), new Shape(2, 8, 3, 5), false);
            assertThat(out.getShape()).isEqualTo(new Shape(2, 8, 3, 5));
            NDArray mean = out.mean(new int[] {1});
            NDArray var = out.square().mean(new int[] {1});
            assertThat(NetTesting.maxAbs(mean.toFloatArray())).isLessThan(1e-5);
            assertThat(NetTesting.maxAbs(var.sub(1f).toFloatArray())).isLessThan(1e-3);
        }
    }

    @Test
    void squeezeExcitationRescalesChannelsByGatesBetweenZeroAndOne() {
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            SqueezeExcitation se = new SqueezeExcitation(16, 8, SqueezeExcitation.Gate.HARD_SIGMOID);
            Shape shape = new Shape(2, 16, 4, 4);
            se.initialize(manager, DataType.FLOAT32, shape);
            NDArray x = manager.randomUniform(0.1f, 1f, shape);
            NDArray out = se.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            NDArray ratio = out.div(x);
            assertThat(ratio.min().getFloat()).isGreaterThanOrEqualTo(0f);
            assertThat(ratio.max().getFloat()).isLessThanOrEqualTo(1f);
            // one gate per (example, channel): constant over the 4×4 pixels
            float[] perChannel = ratio.get(new NDIndex("0, 3")).toFloatArray();
            for (float gate : perChannel) {
                assertThat(gate).isCloseTo(perChannel[0], within(1e-6f));
            }
            assertThatThrownBy(() -> se.initialize(manager, DataType.FLOAT32, new Shape(1, 8, 4, 4)))
                    .isInstanceOf(EchomaskException.class).hasMessageContaining("16 channels");
        }
    }

    @Test
    void globalAverageIsTheSpatialMean() {
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            NDArray x = manager.arange(24f).reshape(2, 3, 2, 2);
            assertThat(Pooling.globalAverage(x).toFloatArray()).containsExactly(1.5f, 5.5f, 9.5f, 13.5f, 17.5f, 21.5f);
            assertThat(Pooling.globalAverageKeepDims(x).getShape()).isEqualTo(new Shape(2, 3, 1, 1));
        }
    }

    @Test
    void upsampleMatchesTorchBilinearIncludingItsGradient() throws IOException {
        JsonNode cases = ParameterCountTest.reference().get("bilinear");
        assertThat(cases.size()).isEqualTo(3);
        for (JsonNode c : cases) {
            try (NDManager manager = NetTesting.engine().newBaseManager()) {
                NDArray x = manager.create(floats(c.get("input")), shape(c.get("input_shape")));
                x.setRequiresGradient(true);
                Shape outShape = shape(c.get("output_shape"));
                Upsample upsample = new Upsample(outShape.get(2), outShape.get(3));
                NDArray y;
                try (GradientCollector collector = NetTesting.engine().newGradientCollector()) {
                    y = upsample.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
                    NDArray weights = manager.arange((float) outShape.size()).reshape(outShape);
                    collector.backward(y.mul(weights).sum());
                }
                assertThat(y.getShape()).isEqualTo(outShape);
                assertThat(upsample.getOutputShapes(new Shape[] {x.getShape()})[0]).isEqualTo(outShape);
                assertThat(y.toFloatArray()).containsExactly(floats(c.get("output")), within(1e-5f));
                assertThat(x.getGradient().toFloatArray()).containsExactly(floats(c.get("weighted_sum_gradient")),
                        within(1e-4f));
            }
        }
    }

    @Test
    void multiHeadAttentionAttendsOverKeysWhateverTheirOrder() {
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            MultiHeadAttention attention = new MultiHeadAttention(16, 4);
            Shape query = new Shape(2, 3, 12);
            Shape keyValue = new Shape(2, 5, 8);
            attention.initialize(manager, DataType.FLOAT32, query, keyValue);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray q = manager.randomNormal(query);
            NDArray kv = manager.randomNormal(keyValue);
            NDArray out = attention.forward(store, new NDList(q, kv), false).singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(2, 3, 16));
            assertThat(attention.getOutputShapes(new Shape[] {query, keyValue})[0]).isEqualTo(new Shape(2, 3, 16));
            // Attention is a weighted set operation: reversing the key/value sequence changes nothing.
            NDArray reversed = kv.flip(1);
            NDArray outReversed = attention.forward(store, new NDList(q, reversed), false).singletonOrThrow();
            assertThat(outReversed.toFloatArray()).containsExactly(out.toFloatArray(), within(1e-5f));
            // With a single key all weight goes to it, whatever the query.
            NDArray single = kv.get(new NDIndex(":, 0:1, :"));
            NDArray a = attention.forward(store, new NDList(q, single), false).singletonOrThrow();
            NDArray b = attention.forward(store, new NDList(q.mul(-3f), single), false).singletonOrThrow();
            assertThat(a.toFloatArray()).containsExactly(b.toFloatArray(), within(1e-5f));
            assertThat(NetTesting.maxAbs(out.sub(a).toFloatArray())).isGreaterThan(1e-4);
        }
    }

    @Test
    void multiHeadAttentionAlsoRunsAsSelfAttentionAndChecksShapes() {
        try (NDManager manager = NetTesting.engine().newBaseManager()) {
            NDArray out = NetTesting.run(manager, new MultiHeadAttention(24, 3), new Shape(2, 7, 24), true);
            assertThat(out.getShape()).isEqualTo(new Shape(2, 7, 24));
            assertThatThrownBy(() -> new MultiHeadAttention(10, 3)).isInstanceOf(EchomaskException.class)
                    .hasMessageContaining("multiple of the 3 heads");
            MultiHeadAttention attention = new MultiHeadAttention(8, 2);
            assertThatThrownBy(() -> attention.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 8), new Shape(3, 3, 8)))
                    .isInstanceOf(EchomaskException.class).hasMessageContaining("same N");
        }
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    private static Shape shape(JsonNode array) {
        long[] dims = new long[array.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = array.get(i).asLong();
        }
        return new Shape(dims);
    }
}
