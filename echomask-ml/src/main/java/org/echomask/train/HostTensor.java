package org.echomask.train;

import java.util.Arrays;

/**
 * A float32 tensor on the Java heap: row-major values and their shape. Loader threads build
 * these; only the training thread turns them into NDArrays, inside a per-batch scope.
 */
public record HostTensor(float[] data, long[] shape) {
    public HostTensor {
        long n = 1;
        for (long s : shape) {
            if (s < 1) {
                throw new IllegalArgumentException("bad shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
        shape = shape.clone();
    }

    /** Leading dimension (the batch size for a batch tensor). */
    public int rows() {
        return (int) shape[0];
    }

    /** Values per row. */
    public int rowSize() {
        return data.length / rows();
    }

    /** Row {@code i} as a copy. */
    public float[] row(int i) {
        int k = rowSize();
        return Arrays.copyOfRange(data, i * k, (i + 1) * k);
    }
}
