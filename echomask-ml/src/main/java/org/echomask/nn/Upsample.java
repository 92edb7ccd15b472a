package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.echomask.EchomaskException;

/**
 * Bilinear resizing of {@code (N, C, H, W)} maps to a fixed size, equal to PyTorch's
 * {@code F.interpolate(x, size, mode="bilinear", align_corners=False)} (no antialiasing),
 * gradient included.
 *
 * <p>DJL's {@code NDArray} API has no differentiable NCHW resize. Enlarging calls libtorch's
 * interpolate through DJL's JNI, which stays in the autograd graph. That call antialiases when it
 * shrinks an axis, though, so a shrinking resize is computed instead as {@code Ry · x · Rxᵀ} with
 * the interpolation matrices of the two axes (two small matrix products, also differentiable).
 */
public final class Upsample extends AbstractBlock {
    /** libtorch's interpolation-mode index for bilinear (nearest, linear, bilinear, bicubic, ...). */
    private static final int BILINEAR = 2;

    private final long height;
    private final long width;

    /** A block resizing every input to {@code height × width}. */
    public Upsample(long height, long width) {
        if (height < 1 || width < 1) {
            throw new EchomaskException("Upsample target size must be positive: " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
    }

    /**
     * {@code map} resized to {@code height × width} (align_corners = false); {@code map} itself
     * when it already has that size.
     */
    public static NDArray bilinear(NDArray map, long height, long width) {
        Shape shape = map.getShape();
        if (shape.dimension() != 4) {
            throw new EchomaskException("bilinear resize needs an (N, C, H, W) array, got " + shape);
        }
        if (height < 1 || width < 1) {
            throw new EchomaskException("bilinear resize target must be positive: " + height + "x" + width);
        }
        long inH = shape.get(2);
        long inW = shape.get(3);
        if (inH == height && inW == width) {
            return map;
        }
        if (height >= inH && width >= inW && map instanceof PtNDArray pt) {
            return JniUtils.interpolate(pt, new long[] {height, width}, BILINEAR, false);
        }
        NDManager manager = map.getManager();
        try (NDArray rows = manager.create(weights((int) inH, (int) height), new Shape(height, inH));
                NDArray columns = manager.create(weights((int) inW, (int) width), new Shape(width, inW));
                NDArray columnsT = columns.transpose();
                NDArray alongW = map.matMul(columnsT)) {
            return rows.matMul(alongW);
        }
    }

    /**
     * Row-major {@code (out × in)} matrix of bilinear weights along one axis, PyTorch's rule for
     * align_corners = false: source coordinate {@code (o + 0.5)·in/out − 0.5}, clamped at 0,
     * shared between its two neighbours (the upper one clamped to the last pixel).
     */
    static float[] weights(int in, int out) {
        float[] matrix = new float[out * in];
        double scale = (double) in / out;
        for (int o = 0; o < out; o++) {
            double source = Math.max(0, scale * (o + 0.5) - 0.5);
            int lower = Math.min((int) source, in - 1);
            int upper = Math.min(lower + 1, in - 1);
            double upperWeight = source - lower;
            matrix[o * in + lower] += (float) (1 - upperWeight);
            matrix[o * in + upper] += (float) upperWeight;
        }
        return matrix;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(bilinear(inputs.singletonOrThrow(), height, width));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), height, width)};
    }
}
