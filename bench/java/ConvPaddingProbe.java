import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.echomask.nn.Engines;
import org.echomask.nn.Layers;

/**
 * One fresh JVM's view of oneDNN's partial channel blocks (see bench/conv_padding.sh): for each
 * convolution shape, the hash of (output, input gradient, weight gradient) of a seeded pass, once
 * through the plain float32 operator and once through Echomask's BlockedConv2d. Identical inputs,
 * so any hash that differs between JVMs is a read of uninitialised memory; "nan" marks a
 * non-finite value.
 */
public class ConvPaddingProbe {
    static final int[][] CASES = {{8, 8, 3}, {16, 8, 3}, {2, 8, 3}, {8, 8, 1}, {24, 24, 3}, {24, 40, 1}, {16, 16, 3}};

    public static void main(String[] args) throws Exception {
        Engine engine = Engines.pytorch();
        StringBuilder line = new StringBuilder();
        for (int[] c : CASES) {
            for (boolean blocked : new boolean[] {false, true}) {
                try (NDManager m = engine.newBaseManager()) {
                    engine.setRandomSeed(3);
                    Conv2d conv = Layers.conv(c[1], c[2], 1, 1, 1, false, Layers.KAIMING_FAN_OUT);
                    Shape shape = new Shape(2, c[0], 10, 13);
                    conv.initialize(m, DataType.FLOAT32, shape);
                    float[] xs = new float[(int) shape.size()];
                    Random r = new Random(1);
                    for (int i = 0; i < xs.length; i++) {
                        xs[i] = (float) r.nextGaussian();
                    }
                    NDArray x = m.create(xs, shape);
                    x.setRequiresGradient(true);
                    NDArray w = conv.getParameters().get("weight").getArray();
                    NDArray y;
                    try (GradientCollector g = engine.newGradientCollector()) {
                        y = blocked ? conv.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow()
                                : Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(c[2] / 2, c[2] / 2)).singletonOrThrow();
                        g.backward(y.mul(y).mean());
                    }
                    line.append(String.format("%d>%d k%d %s=%s ", c[0], c[1], c[2], blocked ? "blocked" : "plain",
                            hash(y.toFloatArray(), x.getGradient().toFloatArray(), w.getGradient().toFloatArray())));
                }
            }
        }
        System.out.println(line.toString().trim());
    }

    static String hash(float[]... arrays) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (float[] a : arrays) {
            for (float f : a) {
                if (!Float.isFinite(f)) {
                    return "nan";
                }
            }
            ByteBuffer b = ByteBuffer.allocate(a.length * 4);
            b.asFloatBuffer().put(a);
            md.update(b.array());
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 8);
    }
}
