package org.echomask.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.initializer.XavierInitializer;

/**
 * Small factories shared by every network here, so that padding, initialisation and BatchNorm
 * settings are decided once and match torchvision.
 *
 * <p>Initialisation follows torchvision: convolutions Kaiming-normal with fan-out (std =
 * sqrt(2 / (out·k·k))), BatchNorm γ = 1 and β = 0, biases 0; transformer-style linears and tokens
 * truncated normal with σ = 0.02. Every factory sets its initialiser on the parameter itself, so a
 * trainer must not add global initialisers on top ({@code DefaultTrainingConfig} adds none).
 */
public final class Layers {
    /** Kaiming normal, fan-out mode: DJL's Xavier with magnitude 2 over the output fan. */
    public static final Initializer KAIMING_FAN_OUT =
            new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.OUT, 2);

    /**
     * PyTorch's default for a conv or linear layer nobody re-initialises (Kaiming uniform with
     * a = √5, i.e. U(±1/√fan-in)): used for the final classifier conv of a segmentation head,
     * where fan-out scaling would start from huge logits.
     */
    public static final Initializer PYTORCH_DEFAULT =
            new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1);

    /** Truncated normal (±2σ), σ = 0.02: transformer linears, tokens and position embeddings. */
    public static final Initializer TRUNCATED_NORMAL = new TruncatedNormalInitializer(0.02f);

    /**
     * DJL's momentum is the fraction of the running statistics kept per step; 0.9 equals
     * PyTorch's {@code momentum=0.1}.
     */
    public static final float BATCH_NORM_KEEP = 0.9f;

    private Layers() {}

    /**
     * A 2-D convolution with "same" padding for odd kernels ({@code dilation·(k−1)/2}), so a
     * stride-1 layer keeps the map size and a stride-s layer gives {@code ceil(size / s)}. Built as
     * a {@link BlockedConv2d}, so training is the same bits in every JVM at any width.
     */
    public static Conv2d conv(int outChannels, int kernel, int stride, int dilation, int groups, boolean bias,
            Initializer weightInit) {
        int pad = kernel % 2 == 1 ? dilation * (kernel - 1) / 2 : 0;
        Conv2d conv = BlockedConv2d.blockedBuilder()
                .setFilters(outChannels)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .optDilation(new Shape(dilation, dilation))
                .optGroups(groups)
                .optBias(bias)
                .build();
        conv.setInitializer(weightInit, Parameter.Type.WEIGHT);
        return conv;
    }

    /** A bias-free, Kaiming-initialised convolution (the kind followed by BatchNorm). */
    public static Conv2d conv(int outChannels, int kernel, int stride) {
        return conv(outChannels, kernel, stride, 1, 1, false, KAIMING_FAN_OUT);
    }

    /** BatchNorm over channels with PyTorch's defaults (ε = 1e-5, momentum 0.1). */
    public static BatchNorm batchNorm() {
        return batchNorm(1e-5f);
    }

    /** BatchNorm over channels with PyTorch momentum 0.1 and the given ε. */
    public static BatchNorm batchNorm(float epsilon) {
        return BatchNorm.builder().optMomentum(BATCH_NORM_KEEP).optEpsilon(epsilon).build();
    }

    /** conv → BatchNorm → activation (none when {@code activation} is null), torchvision's Conv2dNormActivation. */
    public static SequentialBlock convBnAct(int outChannels, int kernel, int stride, int dilation, int groups,
            float bnEpsilon, Block activation) {
        SequentialBlock block = new SequentialBlock()
                .add(conv(outChannels, kernel, stride, dilation, groups, false, KAIMING_FAN_OUT))
                .add(batchNorm(bnEpsilon));
        if (activation != null) {
            block.add(activation);
        }
        return block;
    }

    /** A linear layer over the last axis with bias 0 and truncated-normal (σ 0.02) weights. */
    public static Linear linear(long outFeatures) {
        Linear linear = Linear.builder().setUnits(outFeatures).optBias(true).build();
        linear.setInitializer(TRUNCATED_NORMAL, Parameter.Type.WEIGHT);
        return linear;
    }

    /**
     * {@code value} rounded to the nearest multiple of 8, at least 8 and never more than 10 % below
     * {@code value}: torchvision's {@code _make_divisible}, used for every width-scaled channel count.
     */
    public static int divisible(double value) {
        int rounded = Math.max(8, (int) (value + 4) / 8 * 8);
        if (rounded < 0.9 * value) {
            rounded += 8;
        }
        return rounded;
    }

    /** Number of trainable scalars (BatchNorm running statistics excluded, as in torch's {@code parameters()}). */
    public static long trainableParameterCount(Block block) {
        long total = 0;
        for (Parameter p : block.getParameters().values()) {
            if (p.requiresGradient()) {
                Shape shape = p.getShape() != null ? p.getShape() : p.getArray().getShape();
                total += shape.size();
            }
        }
        return total;
    }
}
