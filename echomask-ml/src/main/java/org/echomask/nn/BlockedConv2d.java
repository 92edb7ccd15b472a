package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link Conv2d} that runs with its filter count rounded up to a multiple of 16, the extra
 * filters all zero and their output channels dropped again: the same layer, the same parameters
 * (shape, names and saved bytes of a plain {@code Conv2d}), the same outputs up to float rounding.
 *
 * <p>Why: libtorch 2.7.1 runs CPU convolutions through oneDNN 3.7.1, which on AVX-512 machines
 * stores channels in blocks of 16. Its {@code jit:avx512_core} backward-data kernel for a k×k
 * (k &gt; 1) convolution with fewer than 16 output channels reads the padding of the last block
 * uninitialised: the input gradient then holds whatever the allocator left there. Measured here
 * (2-core AVX-512 EPYC): an 8→8 or 16→8 3×3 convolution gave a different input gradient in most
 * fresh JVMs, and whole networks at width 0.125 (8-channel stages) got NaN gradients in about a
 * third of them, while the same layers with 16 or more filters, 1×1 kernels, depthwise
 * convolutions and {@code ONEDNN_MAX_CPU_ISA=AVX2} were bit-stable. With the filters padded to a
 * full block the kernel never meets a partial block, and a seeded run is the same bits in every
 * JVM. Capping oneDNN at AVX2 would also fix it, but costs about 30 % of training speed at the
 * default widths, which never have partial blocks.
 *
 * <p>Only layers that can hit the bug pay: one group, kernel larger than 1×1, and a filter count
 * that is not a multiple of 16. Everything else runs the plain {@code Conv2d} path.
 */
public final class BlockedConv2d extends Conv2d {
    /** oneDNN's AVX-512 channel block for float32. */
    static final int BLOCK = 16;

    private BlockedConv2d(Builder builder) {
        super(builder);
    }

    /** A builder with {@link Conv2d.Builder}'s settings that builds a {@code BlockedConv2d}. */
    public static Builder blockedBuilder() {
        return new Builder();
    }

    /** Whether a layer with these settings runs padded. */
    static boolean needsPadding(int filters, int groups, Shape kernel) {
        return groups == 1 && filters % BLOCK != 0 && kernel.size() > 1;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (!needsPadding(filters, groups, kernelShape)) {
            return super.forwardInternal(store, inputs, training, params);
        }
        NDArray x = inputs.singletonOrThrow();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = includeBias ? store.getValue(bias, x.getDevice(), training) : null;
        long missing = BLOCK - filters % BLOCK;
        Shape ws = w.getShape();
        try (NDArray zeroFilters = x.getManager().zeros(new Shape(missing, ws.get(1), ws.get(2), ws.get(3)), w.getDataType());
                NDArray paddedWeight = w.concat(zeroFilters, 0);
                NDArray zeroBias = b == null ? null : x.getManager().zeros(new Shape(missing), b.getDataType());
                NDArray paddedBias = b == null ? null : b.concat(zeroBias, 0);
                NDArray full = Conv2d.conv2d(x, paddedWeight, paddedBias, stride, padding, dilation, groups).singletonOrThrow()) {
            return new NDList(full.get(":, 0:" + filters));
        }
    }

    /** {@link Conv2d.Builder} whose {@code build()} makes a {@link BlockedConv2d}. */
    public static final class Builder extends Conv2d.Builder {
        private Builder() {}

        @Override
        public BlockedConv2d build() {
            validate();
            return new BlockedConv2d(this);
        }
    }
}
