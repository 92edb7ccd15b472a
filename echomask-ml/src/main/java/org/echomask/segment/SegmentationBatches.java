package org.echomask.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.echomask.dataset.ExampleSet;
import org.echomask.train.BatchSource;
import org.echomask.train.HostBatch;
import org.echomask.train.HostTensor;

/**
 * Batches for the few-shot segmentation network: spectrogram (N, 1, H, W) in, binary mask
 * (N, H*W) as the target. Training augmentation is the horizontal (time) flip of SPEC section 1
 * step 3, applied to spectrogram and mask together with probability 1/2, which doubles the
 * ~200 HQ masks. For inference the example set may be loaded without masks: the target is then
 * all zeros and unused.
 */
public final class SegmentationBatches implements BatchSource {
    private final ExampleSet examples;

    public SegmentationBatches(ExampleSet examples) {
        this.examples = examples;
    }

    @Override
    public int size() {
        return examples.size();
    }

    @Override
    public HostBatch batch(List<Integer> indices, boolean augment, Random random) {
        int n = indices.size();
        int h = examples.height();
        int w = examples.width();
        int px = h * w;
        float[] spec = new float[n * px];
        float[] target = new float[n * px];
        List<String> ids = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            ExampleSet.Example x = examples.get(indices.get(b));
            ids.add(x.entry().id());
            boolean flip = augment && random.nextBoolean();
            copy(x.spectrogram(), spec, b * px, h, w, flip);
            if (x.mask() != null) {
                copy(x.mask(), target, b * px, h, w, flip);
            }
        }
        return new HostBatch(ids, List.of(new HostTensor(spec, new long[] {n, 1, h, w})),
                new HostTensor(target, new long[] {n, px}));
    }

    /** Copies an (h, w) image into {@code dst} at {@code offset}, reversed along time when {@code flip}. */
    static void copy(float[] src, float[] dst, int offset, int h, int w, boolean flip) {
        if (!flip) {
            System.arraycopy(src, 0, dst, offset, h * w);
            return;
        }
        for (int r = 0; r < h; r++) {
            int row = r * w;
            for (int c = 0; c < w; c++) {
                dst[offset + row + c] = src[row + w - 1 - c];
            }
        }
    }
}
