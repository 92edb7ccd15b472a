import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.echomask.nn.*;
import java.util.ArrayList;
import java.util.List;

/**
 * oneDNN's forward read of a padded input block, provoked: DeepLabV3+ on ResNet-50 at width 0.125
 * (8-channel bottlenecks; its decoder concatenates 16 + 8 channels), 20 training-mode forward
 * passes, each after allocating and freeing NaN-filled arrays so that reused memory holds NaN.
 * Prints how many passes gave a non-finite output (docs/benchmarks.md).
 * usage: java -Dai.djl.offline=true -cp "echomask-app/target/echomask-app.jar:echomask-app/target/lib/*" bench/java/ForwardPaddingProbe.java
 */
public class ForwardPaddingProbe {
    static void poison(NDManager m) {
        List<NDArray> junk = new ArrayList<>();
        for (int s = 1; s < 200; s++) junk.add(m.full(new Shape(s * 997), Float.NaN));
        for (NDArray a : junk) a.close();
    }
    static boolean finite(NDArray a) { for (float f : a.toFloatArray()) if (!Float.isFinite(f)) return false; return true; }
    public static void main(String[] a) throws Exception {
        Engine engine = Engines.pytorch();
        List<BackboneSpec> backbones = List.of(
                BackboneSpec.defaults("resnet50").withWidthMultiplier(0.125).withOutputStride(16));

        for (BackboneSpec backbone : backbones) {
          for (String what : List.of("backbone", "deeplab")) {
            Block net = what.equals("backbone") ? Backbones.create(backbone).block() : DeepLabV3.create(new SegmenterSpec(backbone, 2, List.of(1, 2), 16, SegmenterSpec.DECODER_PLUS));
            try (NDManager m = engine.newBaseManager()) {
                engine.setRandomSeed(7);
                Shape in = new Shape(2, 1, 37, 51);
                net.initialize(m, DataType.FLOAT32, in);
                NDArray x = m.randomNormal(in);
                int bad = 0;
                for (int t = 0; t < 20; t++) {
                    try (NDManager s = m.newSubManager()) {
                        poison(s);
                        NDArray out = net.forward(new ParameterStore(s, false), new NDList(x), true).singletonOrThrow();
                        if (!finite(out)) bad++;
                    }
                }
                System.out.println(backbone.describe() + " " + what + ": non-finite in " + bad + "/20");
            }
          }
        }
    }
}
