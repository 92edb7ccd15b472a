package org.echomask.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.echomask.augment.HostExample;
import org.echomask.augment.Pipeline;
import org.echomask.dataset.ExampleSet;
import org.echomask.label.LabelSet;
import org.echomask.train.BatchSource;
import org.echomask.train.HostBatch;
import org.echomask.train.HostTensor;

/**
 * Batches of an {@link ExampleSet} for a classifier: the spectrogram (N, 1, H, W), the mask
 * (N, 1, H, W) when the model has a mask branch, and the task's target rows. Each example is
 * copied into the batch, then the augmentation {@link Pipeline} edits it there: while training, in
 * example order from the batch's {@code Random}; otherwise only its non-augmentation steps run.
 */
public final class ClassificationBatches implements BatchSource {
    private final ExampleSet examples;
    private final boolean withMask;
    private final float[][] targets;
    private final Pipeline pipeline;

    /** @param pipeline steps applied to each example (augmentations only when a batch is for training) */
    public ClassificationBatches(ExampleSet examples, boolean withMask, Task task, LabelSet labels, Pipeline pipeline) {
        if (withMask && examples.size() > 0 && examples.get(0).mask() == null) {
            throw new IllegalArgumentException("the example set was loaded without masks");
        }
        this.examples = examples;
        this.withMask = withMask;
        this.pipeline = java.util.Objects.requireNonNull(pipeline, "pipeline");
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
        for (int b = 0; b < n; b++) {
            int i = indices.get(b);
            ExampleSet.Example x = examples.get(i);
            ids.add(x.entry().id());
            System.arraycopy(x.spectrogram(), 0, spec, b * px, px);
            if (withMask) {
                System.arraycopy(x.mask(), 0, mask, b * px, px);
            }
            pipeline.apply(new HostExample(spec, mask, b * px, h, w), random, augment);
            System.arraycopy(targets[i], 0, target, b * k, k);
        }
        List<HostTensor> inputs = new ArrayList<>();
        inputs.add(new HostTensor(spec, new long[] {n, 1, h, w}));
        if (withMask) {
            inputs.add(new HostTensor(mask, new long[] {n, 1, h, w}));
        }
        return new HostBatch(ids, inputs, new HostTensor(target, new long[] {n, k}));
    }
}
