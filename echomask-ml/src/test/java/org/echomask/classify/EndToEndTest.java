package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.Progress;
import org.echomask.dataset.ExampleSet;
import org.echomask.dataset.MaskSelection;
import org.echomask.mask.MaskKind;
import org.echomask.nn.BackboneSpec;
import org.echomask.nn.DeepLabV3;
import org.echomask.nn.SegmenterSpec;
import org.echomask.segment.SegmenterModel;
import org.echomask.segment.SegmenterTraining;
import org.echomask.testing.SyntheticDatasets;
import org.echomask.train.EpochRecord;
import org.echomask.train.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole deep-learning path on a tiny generated dataset: the segmenter and every fusion train
 * for a few steps with a falling loss, and a saved package reloads to exactly the same outputs.
 */
class EndToEndTest {
    @TempDir
    static Path root;
    static Path dataset;
    static final TrainConfig CONFIG = TrainConfig.defaults().withEpochs(4).withBatchSize(4).withLearningRate(3e-3)
            .withSeed(5).withLoaders(1, 2);

    @BeforeAll
    static void makeData() {
        dataset = SyntheticDatasets.origin(root, 16, 0.5, 3);
    }

    static BackboneSpec small() {
        return BackboneSpec.defaults("resnet18").withWidthMultiplier(0.125);
    }

    static void assertLossFalls(List<EpochRecord> history) {
        assertThat(history).hasSize(CONFIG.epochs());
        assertThat(history.get(history.size() - 1).trainLoss()).isLessThan(history.get(0).trainLoss());
    }

    @ParameterizedTest
    @CsvSource({"none,concat,multilabel", "binary,concat,multilabel", "soft,gated,multilabel", "soft,xattn,multiclass"})
    void classifierTrainsAndReloadsExactly(String mask, String fusion, String task) {
        MaskKind input = MaskKind.parse(mask);
        ClassifierSpec spec = ClassifierSpec.builder().setBackbone(small()).setMaskInput(input).optMaskSource("hq")
                .optSoftSigma(input == MaskKind.SOFT ? 2 : 0).optFusion(FusionKind.parse(fusion)).setTask(Task.parse(task))
                .setLabels(List.of("beluga_click", "beluga_whistle", "porpoise_click")).optLatentDim(32).optHeads(4)
                .setInputSize(128, 128).optTimeShift(0.25).build();
        Path out = root.resolve("model-" + mask + "-" + fusion + ".zip");
        ClassifierTraining.Outcome o = ClassifierTraining.run(new ClassifierTraining.Job(dataset, spec, CONFIG, true, out,
                false, List.of("test")), Progress.NONE);
        assertLossFalls(o.result().history());
        assertThat(out).isRegularFile();
        try (ClassifierModel m = ClassifierModel.open(out)) {
            assertThat(m.spec()).isEqualTo(spec);
            ExampleSet val = ExampleSet.load(dataset, e -> e.split().equals("val"), spec.maskSelection(), 1, Progress.NONE);
            List<float[]> again = m.scores(val, CONFIG.batchSize(), Progress.NONE);
            assertThat(again).hasSameSizeAs(o.valScores());
            for (int i = 0; i < again.size(); i++) {
                assertThat(again.get(i)).containsExactly(o.valScores().get(i));
            }
            assertThat(m.opened().provenance().datasetManifestSha256()).hasSize(64);
            assertThat(m.opened().provenance().history()).hasSize(CONFIG.epochs());
        }
    }

    @Test
    void segmenterTrainsPredictsAndReloadsExactly() throws Exception {
        SegmenterSpec spec = DeepLabV3.defaults().withNumClasses(2).withBackbone(small().withOutputStride(8));
        Path out = root.resolve("segmenter");
        SegmenterTraining.Outcome o = SegmenterTraining.run(new SegmenterTraining.Job(dataset, spec, CONFIG, 8, out, false,
                List.of("test")), Progress.NONE);
        assertLossFalls(o.result().history());
        assertThat(o.trainMasks()).isEqualTo(8);
        assertThat(o.heldOut().meanIou()).isBetween(0.0, 1.0);
        try (SegmenterModel m = SegmenterModel.open(out)) {
            ExampleSet val = ExampleSet.load(dataset, e -> e.split().equals("val") && e.hasHqMask(),
                    MaskSelection.binary("hq"), 1, Progress.NONE);
            List<float[]> again = m.probabilities(val, CONFIG.batchSize(), Progress.NONE);
            for (int i = 0; i < again.size(); i++) {
                assertThat(again.get(i)).containsExactly(o.valProbabilities().get(i));
            }
            ExampleSet all = ExampleSet.load(dataset, e -> true, MaskSelection.NONE, 1, Progress.NONE);
            m.writeGeneratedMasks(all, out, 4, Progress.NONE);
        }
        ExampleSet generated = ExampleSet.load(dataset, e -> true, MaskSelection.binary("generated"), 1, Progress.NONE);
        assertThat(generated.size()).isEqualTo(16);
        assertThat(Files.readString(dataset.resolve("manifest.csv"))).contains("generated_mask");
    }
}
