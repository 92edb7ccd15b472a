package org.echomask.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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
