package org.echomask.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * How the mask branch joins the spectrogram branch: spectrogram tokens (N, Ls, D) and mask tokens
 * (N, Lm, D) to one fused vector (N, D). Every implementation keeps a residual path from the
 * spectrogram tokens, so a noisy mask cannot dominate. Implementations are blocks (their
 * parameters live under the classifier's {@code fusion} child) created by name through
 * {@link Fusions}.
 */
public interface Fusion extends Block {

    /** Builds an untrained fusion; the registry's entries. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param dim the latent dimension D of both token sets and of the output
         * @param heads attention heads, for fusions that attend (others ignore it)
         */
        Fusion create(int dim, int heads);
    }

    /** The fused vector (N, D). */
    default NDArray fuse(ParameterStore ps, NDArray spectrogramTokens, NDArray maskTokens, boolean training) {
        return forward(ps, new NDList(spectrogramTokens, maskTokens), training).singletonOrThrow();
    }
}
