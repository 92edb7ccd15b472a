package org.echomask.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.echomask.EchomaskException;
import org.echomask.label.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {
    private static final SynthConfig CONFIG = SynthConfig.of(SynthProfile.ORIGIN).withDuration(0.25);

    @Test
    void writesAudioAndManifestAndRegeneratesEveryClip(@TempDir Path dir) throws IOException {
        Map<String, List<Selection>> seen = new TreeMap<>();
        List<SyntheticCorpus.Row> rows = SyntheticCorpus.write(dir, CONFIG, 99, 10, SyntheticCorpus.Splits.of(0.6, 0.2),
                (out, row, clip) -> seen.put(row.id(), clip.events()));
        assertThat(rows).hasSize(10);
        assertThat(seen).hasSize(10);
        List<String> lines = Files.readAllLines(dir.resolve("manifest.csv"));
        assertThat(lines.get(0)).isEqualTo("id,path,labels,split,profile,seed,index,sample_rate,duration_s,vessel");
        assertThat(lines).hasSize(11);
        assertThat(SyntheticCorpus.readManifest(dir.resolve("manifest.csv"))).isEqualTo(rows);
        assertThat(rows.stream().filter(r -> r.split().equals("train"))).hasSize(6);
        assertThat(rows.stream().filter(r -> r.split().equals("val"))).hasSize(2);
        assertThat(rows.stream().filter(r -> r.split().equals("test"))).hasSize(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
        for (SyntheticCorpus.Row row : rows) {
            assertThat(Files.size(dir.resolve(row.path()))).isEqualTo(44 + 2L * 72_000);
            SyntheticClip clip = SyntheticCorpus.regenerate(dir, row);
            assertThat(clip.id()).isEqualTo(row.id());
            assertThat(clip.events()).isEqualTo(seen.get(row.id()));
            assertThat(SyntheticCorpus.events(CONFIG, row)).isEqualTo(clip.events());
            assertThat(String.join(";", clip.labels())).isEqualTo(String.join(";", row.labels()));
        }
    }

    @Test
    void splitsDependOnTheSeedOnly() {
        String[] a = SyntheticCorpus.assignSplits(5, 50, SyntheticCorpus.Splits.of(0.7, 0.15));
        assertThat(SyntheticCorpus.assignSplits(5, 50, SyntheticCorpus.Splits.of(0.7, 0.15))).containsExactly(a);
        assertThat(SyntheticCorpus.assignSplits(6, 50, SyntheticCorpus.Splits.of(0.7, 0.15))).isNotEqualTo(a);
        assertThat(List.of(a).stream().filter("train"::equals)).hasSize(35);
    }

    @Test
    void regenerateRejectsAFileThatNoLongerMatches(@TempDir Path dir) throws IOException {
        List<SyntheticCorpus.Row> rows = SyntheticCorpus.write(dir, CONFIG, 1, 2, SyntheticCorpus.Splits.of(1, 0));
        SyntheticCorpus.Row row = rows.get(1);
        Path wav = dir.resolve(row.path());
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(44 + 2 * 1000, (short) (b.getShort(44 + 2 * 1000) + 3));
        Files.write(wav, bytes);
        assertThatThrownBy(() -> SyntheticCorpus.regenerate(dir, row)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining(row.path().substring(row.path().lastIndexOf('/') + 1))
                .hasMessageContaining("sample 1000");

        SyntheticCorpus.Row wrongIndex = new SyntheticCorpus.Row(row.id(), row.path(), row.labels(), row.split(),
                row.profile(), row.seed(), 0, row.sampleRate(), row.durationS(), row.vessel());
        assertThatThrownBy(() -> SyntheticCorpus.regenerate(dir, wrongIndex)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("does not match");

        SyntheticCorpus.Row otherProfile = new SyntheticCorpus.Row(row.id(), row.path(), row.labels(), row.split(),
                "shifted", row.seed(), row.index(), row.sampleRate(), row.durationS(), row.vessel());
        assertThatThrownBy(() -> SyntheticCorpus.regenerate(dir, otherProfile)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("shifted");
    }

    @Test
    void badManifestIsReportedWithItsFile(@TempDir Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.csv");
        Files.writeString(manifest, "id,path\nx,y\n");
        assertThatThrownBy(() -> SyntheticCorpus.readManifest(manifest)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining(manifest.toString());
        List<String> lines = new ArrayList<>(List.of(String.join(",", SyntheticCorpus.COLUMNS),
                "a,audio/a.wav,,train,origin,notanumber,0,288000,2,false"));
        Files.write(manifest, lines);
        assertThatThrownBy(() -> SyntheticCorpus.readManifest(manifest)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("notanumber");
    }
}
