package org.echomask.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Conv2d} that hands oneDNN only whole channel blocks: filters and input channels are
 * rounded up to multiples of 16 with zeros (extra filters all zero, their output channels dropped
 * again; extra input channels zero with zero weights), so it is the same layer, with the
 * parameters (shape, names and saved bytes) of a plain {@code Conv2d} and the same outputs up to
 * float rounding.
 *
 * <p>Why: libtorch 2.7.1 runs CPU convolutions through oneDNN 3.7.1, which on AVX-512 machines
 * stores channels in blocks of 16 and pads a partial last block. Two of its kernels read that
 * padding uninitialised (measured on this project's 2-core AVX-512 EPYC, see docs/benchmarks.md):
 * <ul>
 *   <li>backward-data of a k×k (k &gt; 1) convolution with fewer than 16 filters: the input
 *       gradient held whatever the allocator left there. An 8→8 or 16→8 3×3 convolution gave a
 *       different input gradient in most fresh JVMs, and whole networks at width 0.125 got NaN
 *       gradients in about a third of them;</li>
 *   <li>forward of a convolution whose input channels are not a multiple of 16 (8, 24, 40...):
 *       the padded input block is multiplied by zero weights, so old values vanish unless they
 *       happen to be NaN or infinite, and then the output is NaN (a DeepLabV3+ on ResNet-50 at
 *       width 0.125 gave a non-finite output about once in 20 forward passes on reused memory).</li>
 * </ul>
 * With whole blocks neither kernel meets padding. Capping oneDNN at AVX2
 * ({@code ONEDNN_MAX_CPU_ISA=AVX2}, 8-channel blocks) also avoided both, but costs about 30 % of
 * training speed at the default widths, which have only whole blocks and so pay nothing here.
 *
 * <p>Grouped and depthwise convolutions run the plain path: their channels do not mix, so padding
 * stays in padded channels.
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

    /** Whether a layer with these settings pads its filters. */
    static boolean padsFilters(int filters, int groups, Shape kernel) {
        return groups == 1 && filters % BLOCK != 0 && kernel.size() > 1;
    }

    /**
     * Whether a layer pads its input channels. Inputs of fewer than 8 channels (a network's
     * spectrogram or mask input) go to oneDNN's first-layer kernels, which read plain layouts.
     */
    static boolean padsInput(long inChannels, int groups) {
        return groups == 1 && inChannels >= 8 && inChannels % BLOCK != 0;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long inChannels = x.getShape().get(1);
        boolean padFilters = padsFilters(filters, groups, kernelShape);
        boolean padInput = padsInput(inChannels, groups);
        if (!padFilters && !padInput) {
            return super.forwardInternal(store, inputs, training, params);
        }
        NDManager scope = x.getManager();
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = includeBias ? store.getValue(bias, x.getDevice(), training) : null;
        long extraFilters = padFilters ? BLOCK - filters % BLOCK : 0;
        long extraInputs = padInput ? BLOCK - inChannels % BLOCK : 0;
        Shape ws = w.getShape();
        List<NDArray> temporaries = new ArrayList<>();
        try {
            NDArray input = x;
            if (padInput) {
                Shape xs = x.getShape();
                input = keep(temporaries, x.concat(keep(temporaries, scope.zeros(
                        new Shape(xs.get(0), extraInputs, xs.get(2), xs.get(3)), x.getDataType())), 1));
                w = keep(temporaries, w.concat(keep(temporaries, scope.zeros(
                        new Shape(ws.get(0), extraInputs, ws.get(2), ws.get(3)), w.getDataType())), 1));
            }
            if (padFilters) {
                Shape padded = w.getShape();
                w = keep(temporaries, w.concat(keep(temporaries, scope.zeros(
                        new Shape(extraFilters, padded.get(1), padded.get(2), padded.get(3)), w.getDataType())), 0));
                if (b != null) {
                    b = keep(temporaries, b.concat(keep(temporaries, scope.zeros(new Shape(extraFilters), b.getDataType())), 0));
                }
            }
            NDArray full = Conv2d.conv2d(input, w, b, stride, padding, dilation, groups).singletonOrThrow();
            if (!padFilters) {
                return new NDList(full);
            }
            try (full) {
                return new NDList(full.get(":, 0:" + filters));
            }
        } finally {
            temporaries.forEach(NDArray::close);
        }
    }

    private static NDArray keep(List<NDArray> temporaries, NDArray array) {
        temporaries.add(array);
        return array;
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
