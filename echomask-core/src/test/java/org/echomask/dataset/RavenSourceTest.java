package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.echomask.dataset.DatasetBuilderTest.SMALL;
import static org.echomask.dataset.DatasetBuilderTest.tone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.echomask.Progress;
import org.echomask.audio.WavWriter;
import org.echomask.label.RavenTable;
import org.echomask.label.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching Raven tables to recordings, and reporting every table or selection that cannot be used. */
class RavenSourceTest {

    private static Map<Path, List<String>> labelsByRecording(ExampleSources.Found found) {
        Map<Path, List<String>> m = new HashMap<>();
        found.plans().forEach(p -> m.put(p.audio().getFileName(), p.selections().stream().map(Selection::label).toList()));
        return m;
    }

    @Test
    void dottedSoundTrapNamesGetOnlyTheirOwnTable(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        Path tables = dir.resolve("tables");
        WavWriter.write(audio.resolve("5678.220101123000.wav"), tone(500, 16_000, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        WavWriter.write(audio.resolve("5678.220101124500.wav"), tone(500, 16_000, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        RavenTable.write(tables.resolve("5678.220101123000.Table.1.selections.txt"),
                List.of(new Selection(0.1, 0.5, 100, 900, "orca")), "Species");
        RavenTable.write(tables.resolve("5678.220101124500.Table.1.selections.txt"),
                List.of(new Selection(0.2, 0.6, 100, 900, "humpback")), "Species");

        ExampleSources.Found found = ExampleSources.fromRaven(tables, audio, "Species");
        assertThat(found.problems()).isEmpty();
        assertThat(labelsByRecording(found))
                .containsEntry(Path.of("5678.220101123000.wav"), List.of("orca"))
                .containsEntry(Path.of("5678.220101124500.wav"), List.of("humpback"));
    }

    @Test
    void theBeginFileColumnNamesTheRecordingWhateverTheTableIsCalled(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        Path tables = dir.resolve("tables");
        WavWriter.write(audio.resolve("5678.220101123000.wav"), tone(500, 16_000, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        WavWriter.write(audio.resolve("5678.220101124500.wav"), tone(500, 16_000, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        Files.createDirectories(tables);
        Files.writeString(tables.resolve("unit5678.txt"), String.join("\n",
                "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tSpecies\tBegin File",
                "1\tSpectrogram 1\t1\t0.1\t0.4\torca\t5678.220101123000.wav",
                "2\tSpectrogram 1\t1\t0.2\t0.5\thumpback\tD:\\\\unit\\\\5678.220101124500.wav", ""));
        // A single-recording table whose Begin File names a file since renamed: its own name decides.
        Files.writeString(tables.resolve("5678.220101130000.Table.1.selections.txt"), String.join("\n",
                "Selection\tBegin Time (s)\tEnd Time (s)\tSpecies\tBegin File",
                "1\t0.1\t0.4\tminke\tSoundTrap_original_name.wav", ""));
        WavWriter.write(audio.resolve("5678.220101130000.wav"), tone(500, 16_000, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        ExampleSources.Found found = ExampleSources.fromRaven(tables, audio, null);
        assertThat(found.problems()).isEmpty();
        assertThat(labelsByRecording(found)).containsEntry(Path.of("5678.220101130000.wav"), List.of("minke"));
        assertThat(labelsByRecording(found))
                .containsEntry(Path.of("5678.220101123000.wav"), List.of("orca"))
                .containsEntry(Path.of("5678.220101124500.wav"), List.of("humpback"));
    }

    @Test
    void badOrphanAndIgnoredAnnotationFilesAreReportedAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path audio = dir.resolve("audio");
        Path tables = dir.resolve("tables");
        WavWriter.write(audio.resolve("good.wav"), tone(500, 16_000, 2.0), 16_000, WavWriter.Encoding.PCM_16);
        WavWriter.write(audio.resolve("broken.wav"), tone(500, 16_000, 1.0), 16_000, WavWriter.Encoding.PCM_16);
        RavenTable.write(tables.resolve("good.Table.1.selections.txt"), List.of(new Selection(0.1, 0.5, 100, 900, "orca"),
                new Selection(5.0, 5.5, 100, 900, "orca")), "Species");
        Files.writeString(tables.resolve("broken.Table.1.selections.txt"),
                "Selection\tBegin Time (s)\tEnd Time (s)\tSpecies\n1\tsoon\t0.5\torca\n");
        RavenTable.write(tables.resolve("missing.Table.1.selections.txt"),
                List.of(new Selection(0.1, 0.5, 100, 900, "orca")), "Species");
        Files.writeString(tables.resolve("good.csv"), "begin_s,end_s,label\n0.1,0.2,orca\n");

        ExampleSources.Found found = ExampleSources.fromRaven(tables, audio, "Species");
        assertThat(found.plans()).extracting(p -> p.audio().getFileName().toString()).containsExactly("good.wav");
        DatasetSummary s = new DatasetBuilder(DatasetConfig.defaults(SMALL).withWindow(1.0, 1.0)).build("raven",
                tables.toString(), found.plans(), found.problems(), dir.resolve("ds"), Progress.NONE);

        Map<String, String> problems = new HashMap<>();
        s.errors().forEach(e -> problems.put(Path.of(e.path()).getFileName().toString(), e.problem()));
        assertThat(problems).hasSize(5);
        assertThat(problems.get("broken.Table.1.selections.txt")).contains("line 2", "Begin Time (s)", "soon");
        assertThat(problems.get("broken.wav")).contains("left out", "broken.Table.1.selections.txt");
        assertThat(problems.get("missing.Table.1.selections.txt")).contains("no recording named \"missing\"");
        assertThat(problems.get("good.csv")).contains("not read");
        assertThat(problems.get("good.wav")).contains("1 of 2 selection(s) begin after the recording ends", "5.000 s");
        assertThat(s.entries()).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("ds/errors.csv"))).hasSize(6);
    }

    @Test
    void tableStemsDropRavensSuffixOnly() {
        assertThat(RavenSource.tableStem(Path.of("5678.220101123000.Table.1.selections.txt"))).isEqualTo("5678.220101123000");
        assertThat(RavenSource.tableStem(Path.of("rec.selections.txt"))).isEqualTo("rec");
        assertThat(RavenSource.tableStem(Path.of("a.b.c.txt"))).isEqualTo("a.b.c");
        assertThat(RavenSource.tableStem(Path.of("rec.wav.Table.12.selections.TXT"))).isEqualTo("rec.wav");
    }
}
