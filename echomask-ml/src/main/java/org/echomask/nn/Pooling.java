package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/** Global average pooling of {@code (N, C, H, W)} feature maps. */
public final class Pooling {
    private Pooling() {}

    /**
     * Mean over the spatial axes: {@code (N, C, H, W) → (N, C)}. (The engine's adaptive pooling:
     * PyTorch's DJL {@code mean} takes one axis only.)
     */
    public static NDArray globalAverage(NDArray map) {
        return map.getNDArrayInternal().globalAvgPool();
    }

    /** Mean over the spatial axes keeping them: {@code (N, C, H, W) → (N, C, 1, 1)}. */
    public static NDArray globalAverageKeepDims(NDArray map) {
        Shape shape = map.getShape();
        try (NDArray pooled = globalAverage(map)) {
            return pooled.reshape(shape.get(0), shape.get(1), 1, 1);
        }
    }

    /** A block {@code (N, C, H, W) → (N, C)}. */
    public static Block globalAverageBlock() {
        return LambdaBlock.singleton(Pooling::globalAverage, "globalAveragePool");
    }
}
