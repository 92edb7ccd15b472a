package org.echomask.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Conversions between feature maps and token sequences, shared by the classifier and its fusions. */
final class Tokens {
    private Tokens() {}

    /** (N, D, h, w) feature map to (N, h*w, D) tokens. */
    static NDArray fromMap(NDArray map) {
        Shape s = map.getShape();
        return map.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1);
    }

    /** Token shape of a feature-map shape. */
    static Shape shapeOf(Shape map) {
        return new Shape(map.get(0), map.get(2) * map.get(3), map.get(1));
    }

    /** Mean over tokens: (N, L, D) to (N, D). */
    static NDArray pool(NDArray tokens) {
        return tokens.mean(new int[] {1});
    }
}
