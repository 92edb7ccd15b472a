package org.echomask.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.echomask.EchomaskException;

/** Moves batches between the host and the engine (training thread only). */
final class Tensors {
    private Tensors() {}

    static NDArray toEngine(HostTensor tensor, NDManager scope) {
        return scope.create(tensor.data(), new Shape(tensor.shape()));
    }

    static NDList inputs(HostBatch batch, NDManager scope) {
        return inputs(batch.inputs(), scope);
    }

    /** The host tensors as engine arrays in {@code scope}, in order. */
    static NDList inputs(List<HostTensor> tensors, NDManager scope) {
        NDList list = new NDList(tensors.size());
        for (HostTensor t : tensors) {
            list.add(toEngine(t, scope));
        }
        return list;
    }

    /** A scalar loss as a double; an error naming {@code what} if it is not a single value. */
    static double scalar(NDArray loss, String what) {
        if (loss.size() != 1) {
            throw new EchomaskException(what + " must be a scalar, got shape " + loss.getShape());
        }
        return loss.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }

    /** The rows of a {@code (N, ...)} array as float32 host arrays. */
    static List<float[]> rows(NDArray scores, int expectedRows) {
        Shape shape = scores.getShape();
        if (shape.dimension() < 1 || shape.get(0) != expectedRows) {
            throw new EchomaskException("scores have shape " + shape + " for a batch of " + expectedRows + " examples");
        }
        float[] all = scores.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        int rowSize = all.length / expectedRows;
        List<float[]> rows = new ArrayList<>(expectedRows);
        for (int i = 0; i < expectedRows; i++) {
            rows.add(Arrays.copyOfRange(all, i * rowSize, (i + 1) * rowSize));
        }
        return rows;
    }
}
