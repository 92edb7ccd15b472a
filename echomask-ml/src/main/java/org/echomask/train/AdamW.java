package org.echomask.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;

/**
 * AdamW with decoupled weight decay, step for step the algorithm of {@code torch.optim.AdamW}:
 * <pre>
 *   w &lt;- w - lr * wd * w                       (decay first, on the weights before this step)
 *   m &lt;- beta1 * m + (1 - beta1) * g
 *   v &lt;- beta2 * v + (1 - beta2) * g^2
 *   w &lt;- w - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * with {@code t} the parameter's own step count. Parameters of one dimension or less (biases,
 * BatchNorm and LayerNorm scales and shifts) are <b>not decayed</b>: pulling a norm's scale
 * towards 0 only fights the normalisation. Parameters that do not require gradients (frozen
 * weights, BatchNorm running statistics) are left alone.
 *
 * <p>The update runs in the engine's fused native kernel ({@code NDArrayEx.adamUpdate} with
 * {@code adamw = true}: one native call per parameter instead of a dozen element-wise passes).
 * That kernel divides by {@code sqrt(v) + eps'} and takes a single pre-scaled step size, so it is
 * fed {@code lr * sqrt(1 - beta2^t) / (1 - beta1^t)} and {@code eps' = eps * sqrt(1 - beta2^t)},
 * which is algebraically torch's update (DJL's own AdamW passes the raw epsilon and so differs
 * from torch while {@code v} is small). Its gradient scale implements global-norm clipping
 * exactly as {@code clip_grad_norm_} scales the gradients; its clamp is switched off. The kernel
 * zeroes each gradient after use, ready for the next backward pass.
 *
 * <p>The state (step, m, v per parameter, keyed by the parameter's path in the block) can be
 * exported to the host and imported, for checkpoints; importing then stepping continues the
 * exact same float trajectory.
 */
public final class AdamW implements AutoCloseable {
    private static final int MAGIC = 0x454d4157; // "EMAW"
    private static final int VERSION = 1;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final NDManager manager;
    private final Map<String, Moments> state = new LinkedHashMap<>();

    /** One parameter's optimizer state on the host. */
    public record ParameterState(String name, long step, HostTensor m, HostTensor v) {}

    private static final class Moments {
        long step;
        final NDArray m;
        final NDArray v;

        Moments(long step, NDArray m, NDArray v) {
            this.step = step;
            this.m = m;
            this.v = v;
        }
    }

    /** An optimizer whose state lives in a sub-manager of {@code parent}, freed by {@link #close}. */
    public AdamW(double beta1, double beta2, double epsilon, double weightDecay, NDManager parent) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("bad AdamW settings: beta1 " + beta1 + ", beta2 " + beta2 + ", epsilon "
                    + epsilon + ", weight decay " + weightDecay);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.manager = parent.newSubManager();
    }

    public static AdamW of(TrainConfig config, NDManager parent) {
        return new AdamW(config.beta1(), config.beta2(), config.epsilon(), config.weightDecay(), parent);
    }

    /** Whether a parameter of this shape gets weight decay: only those of two or more dimensions. */
    public static boolean decays(Shape shape) {
        return shape.dimension() >= 2;
    }

    /**
     * One update of every trainable parameter from its current gradient.
     *
     * @param parameters the block's parameters with their path names ({@code block.getParameters()})
     * @param learningRate this step's learning rate
     * @param gradientScale factor applied to every gradient first (global-norm clipping; 1 = none)
     */
    public void step(List<Pair<String, Parameter>> parameters, double learningRate, double gradientScale) {
        if (!(learningRate >= 0) || !Double.isFinite(learningRate) || !(gradientScale > 0) || !Double.isFinite(gradientScale)) {
            throw new IllegalArgumentException("bad AdamW step: learning rate " + learningRate + ", gradient scale " + gradientScale);
        }
        for (Pair<String, Parameter> entry : parameters) {
            Parameter parameter = entry.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            Moments moments = moments(entry.getKey(), weight);
            moments.step++;
            double correction1 = 1 - Math.pow(beta1, moments.step);
            double root2 = Math.sqrt(1 - Math.pow(beta2, moments.step));
            float decay = decays(weight.getShape()) ? (float) weightDecay : 0f;
            try (NDArray gradient = weight.getGradient()) {
                weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, moments.m, moments.v), new NDList(weight),
                        (float) learningRate, (float) (learningRate * root2 / correction1), decay, (float) gradientScale,
                        -1f, (float) beta1, (float) beta2, (float) (epsilon * root2), false, true);
            }
        }
    }

    /** The state of every parameter stepped or imported so far, in first-seen order. */
    public List<ParameterState> exportState() {
        List<ParameterState> out = new ArrayList<>(state.size());
        for (Map.Entry<String, Moments> e : state.entrySet()) {
            Moments s = e.getValue();
            long[] shape = s.m.getShape().getShape();
            out.add(new ParameterState(e.getKey(), s.step, new HostTensor(s.m.toFloatArray(), shape),
                    new HostTensor(s.v.toFloatArray(), shape)));
        }
        return out;
    }

    /** Replaces the whole state; parameters are matched by name at their next step. */
    public void importState(List<ParameterState> states) {
        clearState();
        for (ParameterState s : states) {
            if (s.step() < 0 || !Arrays.equals(s.m().shape(), s.v().shape())) {
                throw new EchomaskException("bad optimizer state for " + s.name() + ": step " + s.step() + ", shapes "
                        + Arrays.toString(s.m().shape()) + " and " + Arrays.toString(s.v().shape()));
            }
            Shape shape = new Shape(s.m().shape());
            state.put(s.name(), new Moments(s.step(), manager.create(s.m().data(), shape), manager.create(s.v().data(), shape)));
        }
    }

    /** Writes {@link #exportState()} in a small binary format (big-endian floats). */
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        List<ParameterState> states = exportState();
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(states.size());
        for (ParameterState s : states) {
            data.writeUTF(s.name());
            data.writeLong(s.step());
            long[] shape = s.m().shape();
            data.writeInt(shape.length);
            for (long d : shape) {
                data.writeLong(d);
            }
            writeFloats(data, s.m().data());
            writeFloats(data, s.v().data());
        }
        data.flush();
    }

    /** Reads what {@link #save} wrote and imports it. */
    public void load(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC || data.readInt() != VERSION) {
            throw new EchomaskException("not an Echomask AdamW state (version " + VERSION + ")");
        }
        int count = data.readInt();
        List<ParameterState> states = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = data.readUTF();
            long step = data.readLong();
            long[] shape = new long[data.readInt()];
            long n = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = data.readLong();
                n *= shape[d];
            }
            if (n < 0 || n > Integer.MAX_VALUE / Float.BYTES) {
                throw new EchomaskException("bad optimizer state for " + name + ": shape " + Arrays.toString(shape));
            }
            states.add(new ParameterState(name, step, new HostTensor(readFloats(data, (int) n), shape),
                    new HostTensor(readFloats(data, (int) n), shape)));
        }
        importState(states);
    }

    @Override
    public void close() {
        state.clear();
        manager.close();
    }

    private Moments moments(String name, NDArray weight) {
        Moments moments = state.get(name);
        if (moments == null) {
            moments = new Moments(0, manager.zeros(weight.getShape(), weight.getDataType()),
                    manager.zeros(weight.getShape(), weight.getDataType()));
            state.put(name, moments);
        } else if (!moments.m.getShape().equals(weight.getShape())) {
            throw new EchomaskException("optimizer state of parameter " + name + " has shape " + moments.m.getShape()
                    + " but the parameter has " + weight.getShape());
        }
        return moments;
    }

    private void clearState() {
        for (Moments s : state.values()) {
            s.m.close();
            s.v.close();
        }
        state.clear();
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        byte[] bytes = new byte[values.length * Float.BYTES];
        ByteBuffer.wrap(bytes).asFloatBuffer().put(values); // big-endian, like DataOutputStream
        out.write(bytes);
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        byte[] bytes = new byte[n * Float.BYTES];
        in.readFully(bytes);
        float[] values = new float[n];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return values;
    }
}
