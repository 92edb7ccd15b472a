package org.echomask.classify;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import org.echomask.nn.BlockedConv2d;

/**
 * The lightweight CNN of the mask branch: four 3x3 stride-2 conv-BN-ReLU stages (output stride
 * 16), the last one producing the latent dimension directly. A mask carries far less information
 * than a spectrogram (where the energy is, not what it sounds like), so a few thousand parameters
 * per stage are enough; the spectrogram branch keeps the capacity.
 */
public final class MaskEncoder {
    /** Input pixels per output token along each axis. */
    public static final int OUTPUT_STRIDE = 16;

    private MaskEncoder() {}

    /** (N, 1, H, W) mask to (N, latentDim, H/16, W/16). */
    public static SequentialBlock create(int latentDim) {
        int[] channels = {16, 32, 64, latentDim};
        SequentialBlock b = new SequentialBlock();
        for (int c : channels) {
            b.add(BlockedConv2d.blockedBuilder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                    .setFilters(c).optBias(false).build());
            b.add(BatchNorm.builder().optMomentum(0.9f).build());
            b.add(Activation::relu);
        }
        return b;
    }
}
