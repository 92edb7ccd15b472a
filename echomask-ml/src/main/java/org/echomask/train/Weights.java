package org.echomask.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.echomask.EchomaskException;

/**
 * A block's parameters as bytes ({@link Block#saveParameters} format) and back. Loading swaps in
 * new arrays, so it frees the old ones and turns gradients back on for trainable parameters
 * ({@code Parameter.load} leaves new arrays without them).
 */
public final class Weights {
    private Weights() {}

    public static byte[] save(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The first parameter (in block order) holding a NaN or an infinity, named with what it holds,
     * e.g. {@code "01Linear_weight (NaN)"}; empty when every value is finite. One reduction per
     * parameter on the engine: cheap next to an epoch, so it runs at every epoch end and save.
     */
    public static Optional<String> firstNonFinite(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().isInitialized()) {
                continue;
            }
            NDArray a = p.getValue().getArray();
            if (!a.getDataType().isFloating()) {
                continue;
            }
            // A scope of its own: the test arrays would otherwise pile up in the parameters' manager.
            try (NDScope scope = new NDScope()) {
                if (a.isNaN().any().getBoolean()) {
                    return Optional.of(p.getKey() + " (NaN)");
                }
                if (a.isInfinite().any().getBoolean()) {
                    return Optional.of(p.getKey() + " (infinite)");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Loads parameters saved by {@link #save} into {@code block}, their arrays in {@code manager}.
     *
     * @param origin names the bytes' origin in error messages (e.g. a file)
     */
    public static void load(Block block, byte[] weights, NDManager manager, String origin) {
        List<NDArray> previous = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) {
                previous.add(p.getValue().getArray());
            }
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new EchomaskException(origin + ": weights do not fit this network: " + e.getMessage(), e);
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (parameter.requiresGradient()) {
                parameter.getArray().setRequiresGradient(true);
            }
        }
        for (NDArray array : previous) {
            array.close();
        }
    }
}
