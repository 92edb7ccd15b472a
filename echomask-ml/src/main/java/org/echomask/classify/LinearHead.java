package org.echomask.classify;

import ai.djl.nn.core.Linear;

/**
 * The linear head, {@code logits = W e + b}: DJL's {@link Linear} itself (a subclass adds no
 * parameter and no metadata), so its parameters keep the names {@code head_weight} and
 * {@code head_bias} of every package saved before heads were pluggable, and its initialisation
 * and arithmetic are Linear's, bit for bit.
 */
final class LinearHead extends Linear implements Head {
    LinearHead(int outputs) {
        super(Linear.builder().setUnits(outputs));
    }
}
