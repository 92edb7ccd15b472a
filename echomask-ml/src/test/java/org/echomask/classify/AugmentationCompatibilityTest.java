package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.echomask.Progress;
import org.echomask.augment.Pipeline;
import org.echomask.augment.TimeShift;
import org.echomask.dataset.ExampleSet;
import org.echomask.io.Json;
import org.echomask.mask.MaskKind;
import org.echomask.testing.SyntheticDatasets;
import org.echomask.train.BatchSource;
import org.echomask.train.EpochRecord;
import org.echomask.train.HostBatch;
import org.echomask.train.HostTensor;
import org.echomask.train.TrainConfig;
import org.echomask.train.Trainer;
import org.echomask.train.TrainingResult;
import org.echomask.train.Weights;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving the time shift into an augmentation pipeline must not change training by one bit. The
 * golden file was written by the code before the pipeline (the shift inside
 * {@code ClassificationBatches}): for a short seeded run with a mask branch, the SHA-256 of every
 * batch the trainer was given (ids, spectrograms, masks, targets, train or not), the SHA-256 of the
 * trained weights and the per-epoch losses. Equal batches mean the same draws from the same
 * {@code Random} in the same order; equal weights and losses, the same training.
 *
 * <p>Rewrite (only when training is meant to change): {@code -Dechomask.golden.write=true}.
 */
class AugmentationCompatibilityTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/classify/augment-training.json");
    private static final TrainConfig CONFIG = TrainConfig.defaults().withEpochs(2).withBatchSize(4).withLearningRate(3e-3)
            .withSeed(11).withLoaders(2, 2);

    record Golden(String batchesSha256, String weightsSha256, List<Double> trainLosses, List<Double> valLosses) {}

    @TempDir
    static Path root;
    static Path dataset;
    static ClassifierSpec spec;

    @BeforeAll
    static void makeData() {
        dataset = SyntheticDatasets.origin(root, 12, 0.5, 3);
        spec = ClassifierSpec.builder().setBackbone(EndToEndTest.small()).setMaskInput(MaskKind.BINARY)
                .optMaskSource("hq").setTask(Task.MULTILABEL).setLabels(List.of("beluga_click", "beluga_whistle", "porpoise_click"))
                .optLatentDim(16).setInputSize(128, 128).optTimeShift(0.25).build();
    }

    @Test
    void trainingWithTheTimeShiftIsThatOfTheCodeBeforeThePipeline() throws Exception {
        assertThat(spec.augment()).isEqualTo(Pipeline.of(new TimeShift(0.25)));
        ExampleSet train = ExampleSet.load(dataset, e -> e.split().equals("train"), spec.maskSelection(), 1, Progress.NONE);
        ExampleSet val = ExampleSet.load(dataset, e -> e.split().equals("val"), spec.maskSelection(), 1, Progress.NONE);
        Digesting trainBatches = new Digesting(batches(train, spec));
        Digesting valBatches = new Digesting(batches(val, spec));
        MaskGuidedClassifier block = spec.build();
        ClassifierLearner learner = new ClassifierLearner(block, spec.task(), spec.labelSet(), 1, 128, 128, null, spec.loss());
        TrainingResult result = new Trainer().train(learner, trainBatches, valBatches, CONFIG, root.resolve("run"),
                Progress.NONE, false);

        List<String> all = new ArrayList<>(trainBatches.digests);
        all.addAll(valBatches.digests);
        Collections.sort(all); // loader threads finish batches in any order; each batch is its own (seed, epoch, batch)
        Golden actual = new Golden(sha256(String.join("\n", all).getBytes(StandardCharsets.UTF_8)),
                sha256(Weights.save(block)), result.history().stream().map(EpochRecord::trainLoss).toList(),
                result.history().stream().map(EpochRecord::valLoss).toList());
        if (Boolean.getBoolean("echomask.golden.write")) {
            Json.writeFile(GOLDEN, actual);
            return;
        }
        assertThat(trainBatches.augmented).as("the run must have shifted something").isGreaterThan(0);
        Golden golden = Json.mapper().readValue(Files.readString(GOLDEN), Golden.class);
        assertThat(actual.batchesSha256()).as("batches").isEqualTo(golden.batchesSha256());
        assertThat(actual.trainLosses()).containsExactlyElementsOf(golden.trainLosses());
        assertThat(actual.valLosses()).containsExactlyElementsOf(golden.valLosses());
        assertThat(actual.weightsSha256()).as("weights").isEqualTo(golden.weightsSha256());
    }

    @Test
    void batchesNotForTrainingAreTheExamplesAsTheyAreAndDrawNothing() {
        ExampleSet val = ExampleSet.load(dataset, e -> true, spec.maskSelection(), 1, Progress.NONE);
        List<Integer> indices = java.util.stream.IntStream.range(0, val.size()).boxed().toList();
        Random random = new Random(3);
        HostBatch b = batches(val, spec).batch(indices, false, random);
        assertThat(random.nextLong()).as("no draws").isEqualTo(new Random(3).nextLong());
        int px = 128 * 128;
        for (int i = 0; i < val.size(); i++) {
            assertThat(java.util.Arrays.copyOfRange(b.inputs().get(0).data(), i * px, (i + 1) * px))
                    .containsExactly(val.get(i).spectrogram());
            assertThat(java.util.Arrays.copyOfRange(b.inputs().get(1).data(), i * px, (i + 1) * px))
                    .containsExactly(val.get(i).mask());
        }
        // While training the same pipeline does move them, the mask with the spectrogram.
        HostBatch shifted = batches(val, spec).batch(indices, true, new Random(3));
        assertThat(shifted.inputs().get(0).data()).isNotEqualTo(b.inputs().get(0).data());
        assertThat(shifted.inputs().get(1).data()).isNotEqualTo(b.inputs().get(1).data());
    }

    /** The classifier's batches as training makes them. */
    private static ClassificationBatches batches(ExampleSet examples, ClassifierSpec spec) {
        return new ClassificationBatches(examples, true, spec.task(), spec.labelSet(), spec.augment());
    }

    /** A source that hashes every batch it hands out. */
    private static final class Digesting implements BatchSource {
        private final BatchSource inner;
        final List<String> digests = Collections.synchronizedList(new ArrayList<>());
        volatile int augmented;

        Digesting(BatchSource inner) {
            this.inner = inner;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public HostBatch batch(List<Integer> indices, boolean augment, Random random) {
            HostBatch b = inner.batch(indices, augment, random);
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update((augment + " " + b.ids()).getBytes(StandardCharsets.UTF_8));
                for (HostTensor t : b.inputs()) {
                    update(md, t.data());
                }
                update(md, b.target().data());
                digests.add(HexFormat.of().formatHex(md.digest()));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
            if (augment) {
                augmented++;
            }
            return b;
        }

        private static void update(MessageDigest md, float[] values) {
            ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
            buffer.asFloatBuffer().put(values);
            md.update(buffer.array());
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
