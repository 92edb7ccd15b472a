package org.echomask.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.echomask.dataset.ExampleSet;
import org.echomask.label.LabelSet;
import org.echomask.train.BatchSource;
import org.echomask.train.HostBatch;
import org.echomask.train.HostTensor;

/**
 * Batches of an {@link ExampleSet} for a classifier: the spectrogram (N, 1, H, W), the mask
 * (N, 1, H, W) when the model has a mask branch, and the task's target rows. Training
 * augmentation is a random circular shift along time, the same for spectrogram and mask: a
 * window's labels do not depend on where in the window a call sits.
 */
public final class ClassificationBatches implements BatchSource {
    private final ExampleSet examples;
    private final boolean withMask;
    private final float[][] targets;
    private final double maxShiftFraction;

    /**
     * @param maxShiftFraction largest time shift as a fraction of the width (0 = no augmentation)
     */
    public ClassificationBatches(ExampleSet examples, boolean withMask, Task task, LabelSet labels,
            double maxShiftFraction) {
        if (withMask && examples.size() > 0 && examples.get(0).mask() == null) {
            throw new IllegalArgumentException("the example set was loaded without masks");
        }
        if (!(maxShiftFraction >= 0 && maxShiftFraction <= 1)) {
            throw new IllegalArgumentException("time-shift fraction must be in [0, 1], got " + maxShiftFraction);
        }
        this.examples = examples;
        this.withMask = withMask;
        this.maxShiftFraction = maxShiftFraction;
        targets = new float[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            targets[i] = task.target(labels, examples.get(i).entry().labels());
        }
    }

    @Override
    public int size() {
        return examples.size();
    }

    /** The target row of example {@code i}. */
    public float[] target(int i) {
        return targets[i].clone();
    }

    @Override
    public HostBatch batch(List<Integer> indices, boolean augment, Random random) {
        int n = indices.size();
        int h = examples.height();
        int w = examples.width();
        int px = h * w;
        float[] spec = new float[n * px];
        float[] mask = withMask ? new float[n * px] : null;
        int k = targets.length == 0 ? 0 : targets[0].length;
        float[] target = new float[n * k];
        List<String> ids = new ArrayList<>(n);
        int maxShift = (int) Math.floor(maxShiftFraction * w);
        for (int b = 0; b < n; b++) {
            int i = indices.get(b);
            ExampleSet.Example x = examples.get(i);
            ids.add(x.entry().id());
            int shift = augment && maxShift > 0 ? random.nextInt(2 * maxShift + 1) - maxShift : 0;
            rollTime(x.spectrogram(), spec, b * px, h, w, shift);
            if (withMask) {
                rollTime(x.mask(), mask, b * px, h, w, shift);
            }
            System.arraycopy(targets[i], 0, target, b * k, k);
        }
        List<HostTensor> inputs = new ArrayList<>();
        inputs.add(new HostTensor(spec, new long[] {n, 1, h, w}));
        if (withMask) {
            inputs.add(new HostTensor(mask, new long[] {n, 1, h, w}));
        }
        return new HostBatch(ids, inputs, new HostTensor(target, new long[] {n, k}));
    }

    /** Copies an (h, w) row-major image into {@code dst} at {@code offset}, rolled by {@code shift} columns. */
    static void rollTime(float[] src, float[] dst, int offset, int h, int w, int shift) {
        int s = Math.floorMod(shift, w);
        for (int r = 0; r < h; r++) {
            int row = r * w;
            System.arraycopy(src, row, dst, offset + row + s, w - s);
            System.arraycopy(src, row + w - s, dst, offset + row, s);
        }
    }
}
