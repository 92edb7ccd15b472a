package org.echomask.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@link BlockedConv2d} is the convolution it pads: the same outputs and gradients as the
 * operator in float64 (to float32 rounding), and the same saved bytes as a plain {@code Conv2d} holding the same
 * weights, so packages written before it load unchanged.
 */
class BlockedConv2dTest {

    @ParameterizedTest(name = "{0}->{1} k{2} groups {3} bias {4}")
    @CsvSource({"8,8,3,1,false", "16,8,3,1,true", "2,8,3,1,false", "24,40,1,1,false", "24,24,3,1,true",
            "16,16,3,1,false", "24,24,3,24,false"})
    void equalsThePlainConvolution(int in, int out, int kernel, int groups, boolean bias) throws Exception {
        Engine engine = NetTesting.engine();
        try (NDManager m = engine.newBaseManager()) {
            engine.setRandomSeed(3);
            Conv2d blocked = Layers.conv(out, kernel, 1, 1, groups, bias, Layers.KAIMING_FAN_OUT);
            Shape shape = new Shape(2, in, 9, 11);
            blocked.initialize(m, DataType.FLOAT32, shape);
            if (bias) {
                blocked.getParameters().get("bias").getArray().set(m.randomNormal(new Shape(out)).toFloatArray());
            }
            NDArray x = m.randomNormal(shape);
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector g = engine.newGradientCollector()) {
                y = blocked.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                g.backward(y.mul(y).sum());
            }
            float[] dx = x.getGradient().toFloatArray();
            Parameter weight = blocked.getParameters().get("weight");
            float[] dw = weight.getArray().getGradient().toFloatArray();

            // The reference runs in float64, which libtorch computes without oneDNN (whose float32
            // kernels are what BlockedConv2d works around: the plain float32 operator is not a reference).
            NDArray x2 = x.toType(DataType.FLOAT64, true);
            x2.setRequiresGradient(true);
            NDArray w2 = weight.getArray().toType(DataType.FLOAT64, true);
            w2.setRequiresGradient(true);
            NDArray b2 = bias ? blocked.getParameters().get("bias").getArray().toType(DataType.FLOAT64, true) : null;
            NDArray y2;
            int pad = kernel / 2;
            try (GradientCollector g = engine.newGradientCollector()) {
                y2 = Conv2d.conv2d(x2, w2, b2, new Shape(1, 1), new Shape(pad, pad), new Shape(1, 1), groups).singletonOrThrow();
                g.backward(y2.mul(y2).sum());
            }
            assertThat(y.getShape()).isEqualTo(y2.getShape());
            assertClose(y.toFloatArray(), floats(y2));
            assertClose(dx, floats(x2.getGradient()));
            assertClose(dw, floats(w2.getGradient()));

            Conv2d plain = Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(out).optGroups(groups)
                    .optPadding(new Shape(pad, pad)).optBias(bias).build();
            plain.initialize(m, DataType.FLOAT32, shape);
            plain.getParameters().get("weight").getArray().set(weight.getArray().toFloatArray());
            if (bias) {
                plain.getParameters().get("bias").getArray().set(blocked.getParameters().get("bias").getArray().toFloatArray());
            }
            assertThat(saved(blocked)).isEqualTo(saved(plain));
        }
    }

    private static float[] floats(NDArray a) {
        return a.toType(DataType.FLOAT32, true).toFloatArray();
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = NetTesting.maxAbs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-5 * scale + 1e-6));
        }
    }

    private static byte[] saved(Conv2d conv) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            conv.saveParameters(out);
        }
        return bytes.toByteArray();
    }
}
