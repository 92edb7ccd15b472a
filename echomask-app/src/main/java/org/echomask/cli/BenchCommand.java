package org.echomask.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.echomask.Progress;
import org.echomask.classify.ClassifierLearner;
import org.echomask.classify.ClassifierSpec;
import org.echomask.classify.MaskGuidedClassifier;
import org.echomask.classify.Task;
import org.echomask.mask.MaskKind;
import org.echomask.mask.MaskRecipe;
import org.echomask.nn.Layers;
import org.echomask.train.BatchSource;
import org.echomask.train.EpochRecord;
import org.echomask.train.HostBatch;
import org.echomask.train.HostTensor;
import org.echomask.train.TrainConfig;
import org.echomask.train.Trainer;
import org.echomask.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code echomask bench training}: training throughput of a classifier through the real trainer
 * (prefetching loaders, per-batch scopes, AdamW) on random in-memory inputs, so the figure is the
 * network's and the trainer's, not the disk's. bench/train.sh runs it next to PyTorch-Python.
 */
@Command(name = "bench-training", mixinStandardHelpOptions = true,
        description = {"Measure training throughput (examples/s) of a classifier on random 1x128x128 inputs",
                "through the real trainer; the first epoch is warm-up and not counted."})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    BackboneOptions backbone;

    @Mixin
    MaskFusionOptions maskFusion;

    @Option(names = "--batch-size", defaultValue = "32", converter = Bounds.TrainingBatch.class,
            description = "Examples per step (>= 2: BatchNorm needs two). Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--examples", defaultValue = "1024", converter = Bounds.Positive.class,
            description = "Training examples per epoch. Default: ${DEFAULT-VALUE}.")
    int examples;

    @Option(names = "--epochs", defaultValue = "3", converter = WarmUpAndOne.class,
            description = "Epochs (>= 2: the first is warm-up). Default: ${DEFAULT-VALUE}.")
    int epochs;

    /** At least one epoch after the warm-up, or there is no rate to report. */
    static final class WarmUpAndOne implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Bounds.intAtLeast(value, 2);
        }
    }

    @Override
    public Integer call() throws Exception {
        MaskKind input = maskFusion.mask;
        List<String> labels = List.of("a", "b", "c");
        ClassifierSpec spec = ClassifierSpec.builder().setBackbone(backbone.spec()).setMaskInput(input)
                .optMaskSource(input.used() ? MaskRecipe.HQ : "").optSoftSigma(input == MaskKind.SOFT ? 2 : 0)
                .optFusion(maskFusion.fusion).setTask(Task.MULTILABEL).setLabels(labels).setInputSize(128, 128)
                .build();
        MaskGuidedClassifier block = spec.build();
        ClassifierLearner learner = new ClassifierLearner(block, Task.MULTILABEL, spec.labelSet(), 1, 128, 128, null);
        TrainConfig config = TrainConfig.defaults().withEpochs(epochs).withBatchSize(batchSize).withPatience(0);
        Path run = Files.createTempDirectory("echomask-bench-");
        TrainingResult r = new Trainer().train(learner, new RandomBatches(examples, input.used(), 1),
                new RandomBatches(batchSize, input.used(), 2), config, run, Progress.NONE, false);
        List<Double> rates = new ArrayList<>();
        for (EpochRecord e : r.history().subList(1, r.history().size())) {
            rates.add(e.trainExamplesPerSecond());
        }
        double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        long params = Layers.trainableParameterCount(block);
        System.out.printf(Locale.ROOT, "%s: %d parameters, %.1f examples/s (epochs after warm-up: %s)%n", spec.describe(),
                params, mean, rates.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList());
        StringBuilder memory = new StringBuilder();
        for (EpochRecord e : r.history()) {
            int n = e.epoch();
            if (n == 1 || n == r.history().size() || (n % 10 == 0)) {
                memory.append(String.format(Locale.ROOT, " %d: %.0f/%.0f", n, e.heapUsedMb(), e.rssMb()));
            }
        }
        System.out.println("memory by epoch (heap used MiB / RSS MiB):" + memory);
        System.out.printf(Locale.ROOT, "{\"impl\": \"echomask\", \"model\": \"%s\", \"params\": %d, \"examples_per_s\": %.2f}%n",
                input.used() ? maskFusion.fusion.id() : "none", params, mean);
        return 0;
    }

    /** Random spectrograms, binary masks and multi-hot targets, generated once and held in memory. */
    private static final class RandomBatches implements BatchSource {
        private final float[][] spec;
        private final float[][] masks;
        private final float[][] targets;

        RandomBatches(int n, boolean withMask, long seed) {
            Random r = new Random(seed);
            spec = new float[n][128 * 128];
            masks = withMask ? new float[n][128 * 128] : null;
            targets = new float[n][3];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < spec[i].length; j++) {
                    spec[i][j] = (float) r.nextGaussian();
                    if (withMask) {
                        masks[i][j] = r.nextBoolean() ? 1f : 0f;
                    }
                }
                for (int k = 0; k < 3; k++) {
                    targets[i][k] = r.nextBoolean() ? 1f : 0f;
                }
            }
        }

        @Override
        public int size() {
            return spec.length;
        }

        @Override
        public HostBatch batch(List<Integer> indices, boolean augment, Random random) {
            int n = indices.size();
            float[] s = new float[n * 128 * 128];
            float[] m = masks == null ? null : new float[n * 128 * 128];
            float[] t = new float[n * 3];
            List<String> ids = new ArrayList<>();
            for (int b = 0; b < n; b++) {
                int i = indices.get(b);
                ids.add("x" + i);
                System.arraycopy(spec[i], 0, s, b * 128 * 128, 128 * 128);
                if (m != null) {
                    System.arraycopy(masks[i], 0, m, b * 128 * 128, 128 * 128);
                }
                System.arraycopy(targets[i], 0, t, b * 3, 3);
            }
            List<HostTensor> inputs = new ArrayList<>();
            inputs.add(new HostTensor(s, new long[] {n, 1, 128, 128}));
            if (m != null) {
                inputs.add(new HostTensor(m, new long[] {n, 1, 128, 128}));
            }
            return new HostBatch(ids, inputs, new HostTensor(t, new long[] {n, 3}));
        }
    }
}
