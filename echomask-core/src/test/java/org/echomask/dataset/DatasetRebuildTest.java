package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.echomask.dataset.DatasetBuilderTest.SMALL;
import static org.echomask.dataset.DatasetBuilderTest.tone;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.audio.WavWriter;
import org.echomask.io.Npy;
import org.echomask.mask.BinaryMasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building a dataset again over itself: a person's HQ masks survive, a failing output stops the run. */
class DatasetRebuildTest {

    private static DatasetSummary build(Path audio, Path out, double window) {
        return new DatasetBuilder(DatasetConfig.defaults(SMALL).withWindow(window, window)).build("folders",
                audio.toString(), ExampleSources.fromFolders(audio), out, Progress.NONE);
    }

    /** Saves a mask as the annotation page does: masks/hq/<id>.png plus the manifest's hq columns. */
    private static boolean[][] annotate(Path ds, String id) {
        List<DatasetEntry> entries = DatasetManifest.read(ds.resolve("manifest.csv"));
        List<DatasetEntry> updated = new ArrayList<>();
        boolean[][] mask = null;
        for (DatasetEntry e : entries) {
            if (e.id().equals(id)) {
                int[] shape = Npy.read(ds.resolve(e.array())).shape();
                mask = new boolean[shape[0]][shape[1]];
                for (int f = 0; f < shape[0]; f++) {
                    mask[f][(f * 3) % shape[1]] = true; // a pattern no builder would make
                }
                BinaryMasks.write(ds.resolve("masks/hq/" + id + ".png"), mask);
                Map<String, String> extra = new LinkedHashMap<>(e.extra());
                extra.put("hq_status", "accepted");
                extra.put("hq_updated", "2026-12-01T10:00:00Z");
                e = new DatasetEntry(e.id(), e.recording(), e.startS(), e.endS(), e.labels(), e.split(), e.group(),
                        e.array(), e.image(), "masks/hq/" + id + ".png", extra);
            }
            updated.add(e);
        }
        DatasetManifest.write(ds.resolve("manifest.csv"), updated);
        return mask;
    }

    private static DatasetEntry entry(Path ds, String id) {
        return DatasetManifest.read(ds.resolve("manifest.csv")).stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void rebuildingKeepsAPersonsMasksThatStillFitAndMovesTheOthersAside(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        WavWriter.write(audio.resolve("whale/a.wav"), tone(500, 16_000, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        WavWriter.write(audio.resolve("whale/b.wav"), tone(900, 16_000, 0.5), 16_000, WavWriter.Encoding.PCM_16);
        Path ds = dir.resolve("ds");
        build(audio, ds, 0.25);
        boolean[][] maskA = annotate(ds, "a_w0001");
        boolean[][] maskB = annotate(ds, "b_w0000");

        // The same build again: both masks still lie on the same spectrograms.
        DatasetSummary same = build(audio, ds, 0.25);
        assertThat(same.hqMasks().kept()).isEqualTo(2);
        assertThat(same.hqMasks().orphaned()).isEmpty();
        DatasetEntry a = entry(ds, "a_w0001");
        assertThat(a.hqMask()).isEqualTo("masks/hq/a_w0001.png");
        assertThat(a.extra()).containsEntry("hq_status", "accepted").containsEntry("hq_updated", "2026-12-01T10:00:00Z");
        assertThat(BinaryMasks.read(ds.resolve(a.hqMask()))).isDeepEqualTo(maskA);
        assertThat(same.info().synthetic()).as("a person's masks are not synthetic ground truth").isFalse();

        // b.wav gone: its mask has no example any more and is moved aside, never deleted.
        Files.delete(audio.resolve("whale/b.wav"));
        DatasetSummary without = build(audio, ds, 0.25);
        assertThat(without.hqMasks().kept()).isEqualTo(1);
        assertThat(without.hqMasks().orphaned()).singleElement().satisfies(o -> {
            assertThat(o.path()).isEqualTo("masks/hq-orphaned/b_w0000.png");
            assertThat(o.problem()).contains("b_w0000", "no example with this id");
        });
        assertThat(BinaryMasks.read(ds.resolve("masks/hq-orphaned/b_w0000.png"))).isDeepEqualTo(maskB);
        assertThat(Files.readString(ds.resolve("masks/hq-orphaned/orphans.csv"))).contains("b_w0000", "whale/b.wav",
                "accepted");

        // Another window: a_w0001 now covers other audio; it joins the earlier orphan, which stays.
        DatasetSummary rewindowed = build(audio, ds, 0.5);
        assertThat(rewindowed.hqMasks().kept()).isZero();
        assertThat(rewindowed.hqMasks().orphaned()).singleElement()
                .satisfies(o -> assertThat(o.problem()).contains("a_w0001", "now covers"));
        assertThat(entry(ds, "a_w0001").hasHqMask()).isFalse();
        assertThat(BinaryMasks.read(ds.resolve("masks/hq-orphaned/a_w0001.png"))).isDeepEqualTo(maskA);
        assertThat(BinaryMasks.read(ds.resolve("masks/hq-orphaned/b_w0000.png"))).isDeepEqualTo(maskB);
        assertThat(Files.readAllLines(ds.resolve("masks/hq-orphaned/orphans.csv"))).hasSize(3);

        // A rebuild with nothing new to move aside keeps the earlier orphans and their list.
        DatasetSummary quiet = build(audio, ds, 0.5);
        assertThat(quiet.hqMasks().orphaned()).isEmpty();
        assertThat(Files.readAllLines(ds.resolve("masks/hq-orphaned/orphans.csv"))).hasSize(3);
        assertThat(BinaryMasks.read(ds.resolve("masks/hq-orphaned/a_w0001.png"))).isDeepEqualTo(maskA);
    }

    @Test
    void aMaskOverAChangedSpectrogramIsMovedAsideNotKept(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        WavWriter.write(audio.resolve("whale/a.wav"), tone(500, 16_000, 0.5), 16_000, WavWriter.Encoding.PCM_16);
        Path ds = dir.resolve("ds");
        build(audio, ds, 0.25);
        annotate(ds, "a_w0000");
        // Same file name, same length, other sound (e.g. a re-exported channel): the mask no longer fits.
        WavWriter.write(audio.resolve("whale/a.wav"), tone(3000, 16_000, 0.5), 16_000, WavWriter.Encoding.PCM_16);
        DatasetSummary s = build(audio, ds, 0.25);
        assertThat(s.hqMasks().kept()).isZero();
        assertThat(s.hqMasks().orphaned()).singleElement()
                .satisfies(o -> assertThat(o.problem()).contains("spectrogram changed"));
        assertThat(Files.exists(ds.resolve("masks/hq-orphaned/a_w0000.png"))).isTrue();
    }

    @Test
    void aFullDiskStopsTheBuildAndLeavesTheOldDatasetAsItWas(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        for (String name : List.of("a", "b", "c", "d")) {
            WavWriter.write(audio.resolve("whale/" + name + ".wav"), tone(500, 16_000, 0.5), 16_000,
                    WavWriter.Encoding.PCM_16);
        }
        Path ds = dir.resolve("ds");
        build(audio, ds, 0.25);
        String manifestBefore = Files.readString(ds.resolve("manifest.csv"));
        AtomicInteger writes = new AtomicInteger();
        DatasetOutput fillsUp = new DatasetOutput() {
            @Override
            public void array(Path npy, float[][] values) {
                if (writes.incrementAndGet() > 3) {
                    throw new UncheckedIOException("cannot write " + npy + ": No space left on device",
                            new java.io.IOException("No space left on device"));
                }
                DatasetOutput.super.array(npy, values);
            }
        };
        DatasetConfig config = DatasetConfig.defaults(SMALL).withWindow(0.25, 0.25);
        assertThatThrownBy(() -> new DatasetBuilder(config, fillsUp).build("folders", audio.toString(),
                ExampleSources.fromFolders(audio), ds, Progress.NONE))
                .isInstanceOf(EchomaskException.class)
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("dataset " + ds + " not written")
                .hasMessageContaining("unchanged");
        assertThat(Files.readString(ds.resolve("manifest.csv"))).isEqualTo(manifestBefore);
        assertThat(Files.readAllLines(ds.resolve("errors.csv"))).containsExactly("path,problem");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("audio", "ds");
        }
    }

    @Test
    void aFullDiskOnAFirstBuildLeavesNothing(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        WavWriter.write(audio.resolve("whale/a.wav"), tone(500, 16_000, 0.5), 16_000, WavWriter.Encoding.PCM_16);
        DatasetOutput full = new DatasetOutput() {
            @Override
            public void image(Path png, float[][] values) {
                throw new UncheckedIOException(new java.io.IOException("No space left on device"));
            }
        };
        assertThatThrownBy(() -> new DatasetBuilder(DatasetConfig.defaults(SMALL), full).build("folders",
                audio.toString(), ExampleSources.fromFolders(audio), dir.resolve("ds"), Progress.NONE))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("No space left on device");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("audio");
        }
    }
}
