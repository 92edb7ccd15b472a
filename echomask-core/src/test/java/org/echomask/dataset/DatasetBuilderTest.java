package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.audio.WavWriter;
import org.echomask.io.Json;
import org.echomask.io.Npy;
import org.echomask.label.RavenTable;
import org.echomask.label.Selection;
import org.echomask.mask.BinaryMasks;
import org.echomask.spectrogram.MelScale;
import org.echomask.spectrogram.Normalisation;
import org.echomask.spectrogram.Scale;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.spectrogram.WindowType;
import org.echomask.synth.GroundTruthMask;
import org.echomask.synth.SoundscapeGenerator;
import org.echomask.synth.SynthConfig;
import org.echomask.synth.SynthProfile;
import org.echomask.synth.SyntheticCorpus;
import org.echomask.testing.TestWavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBuilderTest {
    /** A small transform at 16 kHz so tests stay fast. */
    static final SpectrogramTransform SMALL = new SpectrogramTransform("small", 16_000, WindowType.HANN, 256, 128, true,
            Scale.DB, 1e-10, 80.0, 0, 0, 32, MelScale.HTK, null, 32, 24, Normalisation.PER_IMAGE);

    static float[] tone(double hz, int rate, double seconds) {
        float[] x = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    @Test
    void foldersBecomeLabelledExamplesAndBadFilesAreReportedNotFatal(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("audio");
        WavWriter.write(root.resolve("whale/a.wav"), tone(500, 16_000, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        WavWriter.write(root.resolve("whale/b.wav"), tone(700, 8_000, 1.5), 8_000, WavWriter.Encoding.FLOAT_32);
        WavWriter.write(root.resolve("dolphin/c.wav"), tone(5000, 48_000, 0.7), 48_000, WavWriter.Encoding.PCM_24);
        TestWavs.pcm(1, 16_000, 16).samples(new float[][] {tone(300, 16_000, 0.5)}).truncate(4000)
                .write(root.resolve("dolphin/truncated.wav"));
        Files.writeString(root.resolve("dolphin/notes.wav"), "not audio at all");

        Path out = dir.resolve("ds");
        DatasetConfig config = DatasetConfig.defaults(SMALL).withWindow(0.5, 0.5);
        DatasetSummary s = new DatasetBuilder(config).build("folders", root.toString(), ExampleSources.fromFolders(root),
                out, Progress.NONE);

        assertThat(s.errors()).extracting(DatasetError::path)
                .containsExactlyInAnyOrder(root.resolve("dolphin/notes.wav").toString(), root.resolve("dolphin/truncated.wav").toString());
        assertThat(s.errors()).allSatisfy(e -> assertThat(e.problem()).isNotBlank());
        assertThat(s.errors().stream().filter(e -> e.path().endsWith("truncated.wav")).findFirst().orElseThrow().problem())
                .contains("truncated");
        // 1.0 s -> 2 windows, 1.5 s -> 3 windows, 0.7 s -> 1 window (the 0.2 s tail is dropped).
        assertThat(s.entries()).hasSize(6);
        assertThat(s.entries()).extracting(DatasetEntry::id).contains("a_w0000", "a_w0001", "b_w0002", "c_w0000");
        for (DatasetEntry e : s.entries()) {
            Npy.Array a = Npy.read(out.resolve(e.array()));
            assertThat(a.shape()).containsExactly(32, 24);
            assertThat(Files.exists(out.resolve(e.image()))).isTrue();
            assertThat(e.labels()).containsExactly(e.recording().contains("whale") ? "whale" : "dolphin");
            assertThat(Files.exists(e.recordingPath(out))).as(e.recording()).isTrue();
        }
        assertThat(DatasetManifest.read(out.resolve("manifest.csv"))).isEqualTo(s.entries());
        assertThat(Files.readAllLines(out.resolve("errors.csv"))).hasSize(3).first().isEqualTo("path,problem");
        DatasetInfo info = Json.readFile(out.resolve("dataset.json"), DatasetInfo.class);
        assertThat(info.transform()).isEqualTo(SMALL);
        assertThat(info.labels()).containsExactly("dolphin", "whale");
        assertThat(info.recordingsFailed()).isEqualTo(2);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("audio", "ds");
        }
    }

    @Test
    void groupsNeverStraddleSplits(@TempDir Path dir) throws Exception {
        StringBuilder manifest = new StringBuilder("path,label,tape\n");
        for (int i = 0; i < 40; i++) {
            String name = "r" + i + ".wav";
            WavWriter.write(dir.resolve(name), tone(200 + 10 * i, 16_000, 0.3), 16_000, WavWriter.Encoding.PCM_16);
            manifest.append(name).append(",").append(i % 2 == 0 ? "a" : "b").append(",tape").append(i % 8).append('\n');
        }
        Files.writeString(dir.resolve("m.csv"), manifest);
        DatasetSummary s = new DatasetBuilder(DatasetConfig.defaults(SMALL)).build("manifest", "m.csv",
                ExampleSources.fromManifest(dir.resolve("m.csv"), null), dir.resolve("ds"), Progress.NONE);
        Map<String, Set<String>> splitsPerTape = s.entries().stream().collect(Collectors.groupingBy(DatasetEntry::group,
                Collectors.mapping(DatasetEntry::split, Collectors.toSet())));
        assertThat(splitsPerTape).hasSize(8).allSatisfy((tape, splits) -> assertThat(splits).hasSize(1));
        assertThat(s.entries().stream().map(DatasetEntry::split).distinct()).contains("train", "val", "test");
        // whole-recording mode: one example per file, cyclically padded 0.3 s clips keep their own length
        assertThat(s.entries()).hasSize(40).allSatisfy(e -> assertThat(e.durationS()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void ravenSelectionsLabelTheWindowsTheyOverlap(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        Path tables = dir.resolve("tables");
        WavWriter.write(audio.resolve("rec1.wav"), tone(1000, 16_000, 4.0), 16_000, WavWriter.Encoding.PCM_16);
        WavWriter.write(audio.resolve("rec2.wav"), tone(1000, 16_000, 2.0), 16_000, WavWriter.Encoding.PCM_16);
        RavenTable.write(tables.resolve("rec1.Table.1.selections.txt"), List.of(
                new Selection(0.2, 0.9, 500, 1500, "orca"), new Selection(2.1, 3.9, 500, 1500, "humpback")), "Species");
        DatasetSummary s = new DatasetBuilder(DatasetConfig.defaults(SMALL).withWindow(1.0, 1.0)).build("raven",
                tables.toString(), ExampleSources.fromRaven(tables, audio, "Species").plans(), dir.resolve("ds"), Progress.NONE);
        Map<String, List<String>> labels = new HashMap<>();
        s.entries().forEach(e -> labels.put(e.id(), e.labels()));
        assertThat(labels).containsEntry("rec1_w0000", List.of("orca")).containsEntry("rec1_w0001", List.of())
                .containsEntry("rec1_w0002", List.of("humpback")).containsEntry("rec1_w0003", List.of("humpback"))
                .containsEntry("rec2_w0000", List.of()).containsEntry("rec2_w0001", List.of());
        assertThat(s.info().labels()).containsExactly("humpback", "orca");
    }

    @Test
    void syntheticManifestCarriesExactGroundTruthMasks(@TempDir Path dir) {
        SynthConfig synth = SynthConfig.of(SynthProfile.ORIGIN).withDuration(0.5);
        SyntheticCorpus.write(dir.resolve("corpus"), synth, 3, 4, SyntheticCorpus.Splits.of(0.5, 0.25));
        Path manifest = dir.resolve("corpus/manifest.csv");
        SpectrogramTransform t = SpectrogramTransform.builder(SpectrogramTransform.ORIGIN).outputHeight(64)
                .outputWidth(32).name("origin-small").build();
        DatasetSummary s = new DatasetBuilder(DatasetConfig.defaults(t)).build("manifest", manifest.toString(),
                ExampleSources.fromManifest(manifest, null), dir.resolve("ds"), Progress.NONE);
        assertThat(s.errors()).isEmpty();
        assertThat(s.info().synthetic()).isTrue();
        assertThat(s.entries()).hasSize(4).allSatisfy(e -> assertThat(e.hasHqMask()).isTrue());
        for (DatasetEntry e : s.entries()) {
            int index = Integer.parseInt(e.id().substring(e.id().lastIndexOf('-') + 1));
            boolean[][] expected = GroundTruthMask.render(SoundscapeGenerator.generate(3, index, synth), t);
            assertThat(BinaryMasks.read(dir.resolve("ds").resolve(e.hqMask()))).isDeepEqualTo(expected);
        }
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotADataset(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("precious.txt"), "keep me");
        WavWriter.write(dir.resolve("audio/x/a.wav"), tone(500, 16_000, 0.5), 16_000, WavWriter.Encoding.PCM_16);
        assertThatThrownBy(() -> new DatasetBuilder(DatasetConfig.defaults(SMALL)).build("folders", "audio",
                ExampleSources.fromFolders(dir.resolve("audio")), dir, Progress.NONE))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("not an Echomask dataset");
        assertThat(Files.readString(dir.resolve("precious.txt"))).isEqualTo("keep me");
    }

    @Test
    void rebuildingReplacesTheOldDatasetWhole(@TempDir Path dir) throws Exception {
        WavWriter.write(dir.resolve("audio/x/a.wav"), tone(500, 16_000, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        Path out = dir.resolve("ds");
        new DatasetBuilder(DatasetConfig.defaults(SMALL).withWindow(0.25, 0.25)).build("folders", "audio",
                ExampleSources.fromFolders(dir.resolve("audio")), out, Progress.NONE);
        assertThat(Files.list(out.resolve("arrays")).count()).isEqualTo(4);
        new DatasetBuilder(DatasetConfig.defaults(SMALL)).build("folders", "audio",
                ExampleSources.fromFolders(dir.resolve("audio")), out, Progress.NONE);
        assertThat(Files.list(out.resolve("arrays")).count()).isEqualTo(1);
    }

    @Test
    void recordingPathsAreRelativeInsideTheProjectAndAbsoluteOutside() {
        assertThat(RecordingRenderer.recordingPath(Path.of("/p/ds"), Path.of("/p/audio/a.wav"))).isEqualTo("../audio/a.wav");
        assertThat(RecordingRenderer.recordingPath(Path.of("/p/ds"), Path.of("/shared/a.wav"))).isEqualTo("/shared/a.wav");
    }
}
