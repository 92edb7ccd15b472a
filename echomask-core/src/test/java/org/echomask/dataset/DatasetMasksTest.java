package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.io.Json;
import org.echomask.io.Npy;
import org.echomask.mask.BinaryMasks;
import org.echomask.mask.MaskKind;
import org.echomask.mask.MaskMaker;
import org.echomask.mask.MaskProposer;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.echomask.mask.SoftMasks;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.synth.SynthConfig;
import org.echomask.synth.SynthProfile;
import org.echomask.synth.SyntheticCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proposals, soft masks and their evaluation over a tiny synthetic dataset (six 0.5-s clips, 64x32 arrays). */
class DatasetMasksTest {
    static final SpectrogramTransform T = SpectrogramTransform.builder(SpectrogramTransform.ORIGIN).outputHeight(64)
            .outputWidth(32).name("origin-small").build();

    @TempDir
    static Path shared;
    static Path corpus;

    @BeforeAll
    static void corpus() {
        corpus = shared.resolve("corpus");
        SyntheticCorpus.write(corpus, SynthConfig.of(SynthProfile.ORIGIN).withDuration(0.5), 7, 6,
                SyntheticCorpus.Splits.of(0.5, 0.25));
    }

    static Path dataset(Path dir) {
        Path manifest = corpus.resolve("manifest.csv");
        Path ds = dir.resolve("ds");
        new DatasetBuilder(DatasetConfig.defaults(T)).build("manifest", manifest.toString(),
                ExampleSources.fromManifest(manifest, null), ds, Progress.NONE);
        return ds;
    }

    @Test
    void proposalsAreWrittenAndTrackedInTheManifest(@TempDir Path dir) {
        Path ds = dataset(dir);
        ProposerConfig c = ProposerConfig.preset("soundscape");
        DatasetMasks.Report r = DatasetMasks.propose(ds, c, 2, Progress.NONE);
        assertThat(r.written()).isEqualTo(6);
        assertThat(r.failures()).isEmpty();
        String tag = DatasetMasks.versionTag(c);
        assertThat(tag).matches("soundscape-t3\\.5-[0-9a-f]{8}");
        assertThat(DatasetMasks.versionTag(c.withThreshold(4))).isNotEqualTo(tag).startsWith("soundscape-t4-");
        assertThat(Json.readFile(ds.resolve("masks/proposals/config.json"), ProposerConfig.class)).isEqualTo(c);
        List<DatasetEntry> entries = DatasetManifest.read(ds.resolve("manifest.csv"));
        assertThat(entries).hasSize(6).allSatisfy(e -> {
            assertThat(e.extra()).containsEntry("proposal_mask", "masks/proposals/" + e.id() + ".png")
                    .containsEntry("proposal_config", tag);
            float[][] values = Npy.read(ds.resolve(e.array())).toMatrix();
            assertThat(BinaryMasks.read(ds.resolve(e.extra().get("proposal_mask"))))
                    .isDeepEqualTo(MaskProposer.propose(values, c));
            assertThat(e.hasHqMask()).isTrue();
        });
        assertThat(entries.get(0).extra().keySet()).containsExactly("proposal_mask", "proposal_config");
    }

    /** A network stand-in: one thread, whole batches; records them. Its mask: pixels above the image's first value. */
    static final class BatchedMaker implements MaskMaker {
        final List<List<float[][]>> batches = new ArrayList<>();

        @Override
        public List<boolean[][]> make(List<float[][]> spectrograms) {
            batches.add(spectrograms);
            return spectrograms.stream().map(BatchedMaker::mask).toList();
        }

        static boolean[][] mask(float[][] v) {
            boolean[][] m = new boolean[v.length][v[0].length];
            for (int f = 0; f < v.length; f++) {
                for (int t = 0; t < v[0].length; t++) {
                    m[f][t] = v[f][t] > v[0][0];
                }
            }
            return m;
        }

        @Override
        public String describe() {
            return "batched";
        }
    }

    @Test
    void aNetworksMasksAreMadeInConsecutiveBatchesAndReplaceStaleSoftMasks(@TempDir Path dir) throws Exception {
        Path ds = dataset(dir);
        MaskRecipe generated = new MaskRecipe(MaskKind.BINARY, MaskRecipe.GENERATED, 0, null);
        DatasetMasks.make(ds, generated, new BatchedMaker(), 4, 1, Progress.NONE);
        DatasetMasks.soften(ds, MaskRecipe.GENERATED, 2, 2, Progress.NONE);
        BatchedMaker maker = new BatchedMaker();

        DatasetMasks.Report r = DatasetMasks.make(ds, generated, maker, 4, 2, Progress.NONE);

        assertThat(r.written()).isEqualTo(6);
        assertThat(r.column()).isEqualTo("generated_mask");
        assertThat(maker.batches).extracting(List::size).containsExactly(4, 2);
        List<DatasetEntry> entries = DatasetManifest.read(ds.resolve("manifest.csv"));
        for (int i = 0; i < entries.size(); i++) {
            DatasetEntry e = entries.get(i);
            float[][] values = Npy.read(ds.resolve(e.array())).toMatrix();
            assertThat(maker.batches.get(i / 4).get(i % 4)).as("manifest order").isDeepEqualTo(values);
            assertThat(e.extra()).containsEntry("generated_mask", "masks/generated/" + e.id() + ".png")
                    .doesNotContainKey("soft_generated_s2");
            assertThat(BinaryMasks.read(ds.resolve(e.extra().get("generated_mask")))).isDeepEqualTo(BatchedMaker.mask(values));
        }
        assertThatThrownBy(() -> DatasetMasks.make(ds, new MaskRecipe(MaskKind.BINARY, MaskRecipe.HQ, 0, null), maker, 4, 1,
                Progress.NONE)).isInstanceOf(EchomaskException.class).hasMessageContaining("annotation page");

        // An unreadable array fails its example only; the batch goes on without it and its column is emptied.
        Files.delete(ds.resolve(entries.get(1).array()));
        BatchedMaker again = new BatchedMaker();
        DatasetMasks.Report partial = DatasetMasks.make(ds, generated, again, 4, 1, Progress.NONE);
        assertThat(partial.written()).isEqualTo(5);
        assertThat(partial.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(entries.get(1).id());
            assertThat(f.problem()).contains("array file missing");
        });
        assertThat(again.batches).extracting(List::size).containsExactly(3, 2);
        assertThat(DatasetManifest.read(ds.resolve("manifest.csv")).get(1).extra()).containsEntry("generated_mask", "");
    }

    @Test
    void softMasksEqualTheGaussianOfTheSourceAndReproposingClearsStaleSoftColumns(@TempDir Path dir) {
        Path ds = dataset(dir);
        DatasetMasks.Report hq = DatasetMasks.soften(ds, "hq", 1.5, 2, Progress.NONE);
        assertThat(hq.column()).isEqualTo("soft_hq_s1.5");
        assertThat(hq.written()).isEqualTo(6);
        for (DatasetEntry e : DatasetManifest.read(ds.resolve("manifest.csv"))) {
            String rel = e.extra().get("soft_hq_s1.5");
            assertThat(rel).isEqualTo("masks/soft-hq-s1.5/" + e.id() + ".png");
            float[][] expected = SoftMasks.gaussian(BinaryMasks.read(ds.resolve(e.hqMask())), 1.5);
            float[][] stored = SoftMasks.readPng16(ds.resolve(rel));
            for (int f = 0; f < expected.length; f++) {
                for (int t = 0; t < expected[f].length; t++) {
                    assertThat(stored[f][t]).isCloseTo(expected[f][t], Offset.offset(0.5f / 65535 + 1e-7f));
                }
            }
        }
        assertThat(Json.readFile(ds.resolve("masks/soft-hq-s1.5/soft.json"), DatasetMasks.SoftInfo.class))
                .isEqualTo(new DatasetMasks.SoftInfo("hq", "hq_mask", 1.5, ""));

        assertThatThrownBy(() -> DatasetMasks.soften(ds, "proposal", 2, 1, Progress.NONE))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("masks propose");
        DatasetMasks.propose(ds, ProposerConfig.preset("default"), 2, Progress.NONE);
        DatasetMasks.Report p = DatasetMasks.soften(ds, "proposal", 2, 2, Progress.NONE);
        assertThat(p.column()).isEqualTo("soft_proposal_s2");
        assertThat(p.version()).contains(DatasetMasks.versionTag(ProposerConfig.preset("default")));
        DatasetEntry first = DatasetManifest.read(ds.resolve("manifest.csv")).get(0);
        assertThat(SoftMasks.readPng16(ds.resolve(first.extra().get("soft_proposal_s2")))[0])
                .hasSize(32);
        DatasetMasks.propose(ds, ProposerConfig.preset("click"), 2, Progress.NONE);
        assertThat(DatasetManifest.read(ds.resolve("manifest.csv")).get(0).extra().keySet())
                .containsExactly("soft_hq_s1.5", "proposal_mask", "proposal_config");
    }

    @Test
    void aCorruptOrMissingArrayIsReportedAndSkipped(@TempDir Path dir) throws Exception {
        Path ds = dataset(dir);
        List<DatasetEntry> entries = DatasetManifest.read(ds.resolve("manifest.csv"));
        Path corrupt = ds.resolve(entries.get(1).array());
        Files.writeString(corrupt, "not an npy file");
        Files.delete(ds.resolve(entries.get(4).array()));
        DatasetMasks.Report r = DatasetMasks.propose(ds, ProposerConfig.preset("default"), 2, Progress.NONE);
        assertThat(r.written()).isEqualTo(4);
        assertThat(r.failures()).extracting(DatasetMasks.Failure::id).containsExactly(entries.get(1).id(), entries.get(4).id());
        assertThat(r.failures().get(0).problem()).contains(corrupt.toString());
        assertThat(r.failures().get(1).problem()).contains("missing");
        Map<String, String> columns = DatasetManifest.read(ds.resolve("manifest.csv")).get(1).extra();
        assertThat(columns).containsEntry("proposal_mask", "").containsEntry("proposal_config", "");
        assertThat(ds.resolve("masks/proposals/" + entries.get(1).id() + ".png")).doesNotExist();
    }

    @Test
    void evaluationScoresProposalsPerSoundTypeWithBaselines(@TempDir Path dir) {
        Path ds = dataset(dir);
        ProposerConfig c = ProposerConfig.preset("soundscape");
        DatasetMasks.propose(ds, c, 2, Progress.NONE);
        MaskEvaluation.Evaluation stored = MaskEvaluation.evaluate(ds, List.of(MaskEvaluation.Candidate.stored()), 2,
                Progress.NONE);
        MaskEvaluation.Evaluation live = MaskEvaluation.evaluate(ds, List.of(MaskEvaluation.Candidate.of(c)), 2,
                Progress.NONE);
        assertThat(stored.failures()).isEmpty();
        assertThat(stored.examples()).isEqualTo(6);
        assertThat(stored.results()).extracting(MaskEvaluation.Result::name)
                .containsExactly("stored", MaskEvaluation.BACKGROUND, MaskEvaluation.SIGNAL);
        assertThat(stored.results().get(0).version()).isEqualTo(DatasetMasks.versionTag(c));
        assertThat(stored.results().get(0).rows()).isEqualTo(live.results().get(0).rows());
        List<DatasetEntry> entries = DatasetManifest.read(ds.resolve("manifest.csv"));
        for (MaskEvaluation.Row row : stored.results().get(0).rows()) {
            long expected = switch (row.type()) {
                case MaskEvaluation.ALL -> entries.size();
                case MaskEvaluation.NONE -> entries.stream().filter(e -> e.labels().isEmpty()).count();
                default -> entries.stream().filter(e -> e.labels().contains(row.type())).count();
            };
            assertThat(row.examples()).as(row.type()).isEqualTo((int) expected);
            assertThat(row.iou()).isBetween(0.0, 1.0);
            assertThat(row.dice()).isGreaterThanOrEqualTo(row.iou());
        }
        // all-signal finds everything, all-background nothing, on every labelled type
        for (MaskEvaluation.Row row : stored.results().get(2).rows()) {
            if (!row.type().equals(MaskEvaluation.NONE)) {
                assertThat(row.pooledRecall()).as(row.type()).isEqualTo(1.0);
                assertThat(row.coverage()).isEqualTo(1.0);
            }
        }
        assertThat(stored.results().get(1).rows()).filteredOn(r -> !r.type().equals(MaskEvaluation.ALL)
                && !r.type().equals(MaskEvaluation.NONE)).allSatisfy(r -> assertThat(r.pooledRecall()).isZero());
        // the proposer beats both trivial baselines overall
        assertThat(stored.results().get(0).rows().get(0).pooledIou())
                .isGreaterThan(stored.results().get(1).rows().get(0).pooledIou())
                .isGreaterThan(stored.results().get(2).rows().get(0).pooledIou());
        assertThat(ds.resolve("masks/proposals/evaluation.json")).exists();
    }

    @Test
    void ignoredPixelsCountNeitherWay() {
        boolean[][] p = {{true, true, false, false}};
        boolean[][] r = {{true, false, true, false}};
        boolean[][] ignore = {{false, true, true, false}};
        MaskEvaluation.Counts c = MaskEvaluation.Counts.of(p, r, ignore);
        assertThat(c).isEqualTo(new MaskEvaluation.Counts(1, 0, 0, 2));
        MaskEvaluation.Row row = MaskEvaluation.row("x", List.of(c, MaskEvaluation.Counts.of(p, r, null)));
        assertThat(row.iou()).isCloseTo((1 + 1 / 3.0) / 2, Offset.offset(1e-12));
        assertThat(row.pooledIou()).isCloseTo(2 / 4.0, Offset.offset(1e-12));
    }

    @Test
    void namesOfColumnsAndFolders() {
        assertThat(DatasetMasks.softColumn("hq", 2.0)).isEqualTo("soft_hq_s2");
        assertThat(DatasetMasks.softDirectory("generated", 0.75)).isEqualTo("masks/soft-generated-s0.75");
        assertThat(DatasetMasks.sourceColumn("proposal")).isEqualTo("proposal_mask");
        assertThatThrownBy(() -> DatasetMasks.sourceColumn("../x")).isInstanceOf(EchomaskException.class);
    }
}
