package org.echomask.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.List;

/**
 * Global gradient-norm clipping as {@code torch.nn.utils.clip_grad_norm_} does it: the L2 norm
 * over all gradients together, and one factor {@code maxNorm / (norm + 1e-6)}, capped at 1, for
 * all of them. The factor is handed to {@link AdamW#step}, which scales each gradient inside its
 * fused update, so clipping costs one norm per parameter and no extra pass.
 */
public final class GradientClipping {
    private GradientClipping() {}

    /** L2 norm of all gradients of the trainable parameters taken together. */
    public static double globalNorm(List<Pair<String, Parameter>> parameters) {
        double sumOfSquares = 0;
        for (Pair<String, Parameter> entry : parameters) {
            Parameter parameter = entry.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            try (NDArray gradient = parameter.getArray().getGradient(); NDArray norm = gradient.norm()) {
                double n = norm.getFloat();
                sumOfSquares += n * n;
            }
        }
        return Math.sqrt(sumOfSquares);
    }

    /** The factor that brings a global norm down to {@code maxNorm}; 1 when it is already within or clipping is off (0). */
    public static double scale(double globalNorm, double maxNorm) {
        if (maxNorm <= 0) {
            return 1;
        }
        return Math.min(1.0, maxNorm / (globalNorm + 1e-6));
    }
}
