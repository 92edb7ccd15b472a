package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * The piecewise-linear activations of MobileNetV3 (Howard et al. 2019), as in PyTorch:
 * {@code hardsigmoid(x) = relu6(x + 3) / 6} and {@code hardswish(x) = x · hardsigmoid(x)}.
 */
public final class Activations {
    private Activations() {}

    /** {@code clamp(x / 6 + 1/2, 0, 1)}, elementwise. */
    public static NDArray hardSigmoid(NDArray x) {
        try (NDArray scaled = x.div(6f); NDArray shifted = scaled.add(0.5f)) {
            return shifted.clip(0f, 1f);
        }
    }

    /**
     * {@code x · hardsigmoid(x)}, elementwise, as {@code x · clamp(x + 3, 0, 6) / 6}. DJL has no
     * fused op for it; the final division is done in place on the product (its gradient does not
     * need the product), saving one of the four full-size temporaries.
     */
    public static NDArray hardSwish(NDArray x) {
        NDArray product;
        try (NDArray shifted = x.add(3f); NDArray clipped = shifted.clip(0f, 6f)) {
            product = x.mul(clipped);
        }
        return product.divi(6f);
    }

    public static Block hardSigmoidBlock() {
        return LambdaBlock.singleton(Activations::hardSigmoid, "hardSigmoid");
    }

    public static Block hardSwishBlock() {
        return LambdaBlock.singleton(Activations::hardSwish, "hardSwish");
    }
}
