package org.echomask.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvAnnotationsTest {
    @TempDir
    Path dir;

    @Test
    void readsAliasesCaseInsensitivelyAndGroupsByRecording() throws IOException {
        Path p = dir.resolve("a.csv");
        Files.writeString(p, "\uFEFFSpecies,Start,End Time (s),File,Notes\r\n"
                + "beluga,1.5,2,a.wav,\"quiet, far\"\r\nporpoise,0,0.001,b.wav,\r\norca,3,4,a.wav,x\r\n\r\n");
        Map<String, List<Selection>> m = CsvAnnotations.read(p);
        assertThat(m.keySet()).containsExactly("a.wav", "b.wav");
        assertThat(m.get("a.wav")).containsExactly(
                new Selection(1.5, 2, Double.NaN, Double.NaN, "beluga", 1, Map.of("Notes", "quiet, far")),
                new Selection(3, 4, Double.NaN, Double.NaN, "orca", 1, Map.of("Notes", "x")));
        assertThat(m.get("b.wav").get(0).label()).isEqualTo("porpoise");
    }

    @Test
    void missingColumnAndBadNumbersAreClear() throws IOException {
        Path p = dir.resolve("a.csv");
        Files.writeString(p, "recording,begin_s,label\na.wav,1,x\n");
        assertThatThrownBy(() -> CsvAnnotations.read(p)).isInstanceOf(AnnotationFileException.class)
                .hasMessageContaining(p + ", line 1, column \"end_s\": required column missing")
                .hasMessageContaining("[recording, begin_s, label]");
        Files.writeString(p, "recording,begin_s,end_s,label\na.wav,1,2,x\n\n\"b\nc.wav\",1,abc,y\n");
        assertThatThrownBy(() -> CsvAnnotations.read(p)).hasMessage(p + ", line 4, column \"end_s\": not a number: \"abc\"");
        Files.writeString(p, "begin_s,end_s,label\n1,2,x\n");
        assertThatThrownBy(() -> CsvAnnotations.read(p)).hasMessageContaining("\"recording\"");
        assertThat(CsvAnnotations.readSingle(p)).containsExactly(new Selection(1, 2, Double.NaN, Double.NaN, "x"));
        Files.writeString(p, "file,begin_s,end_s,label\na,1,2,x\nb,1,2,x\n");
        assertThatThrownBy(() -> CsvAnnotations.readSingle(p)).hasMessageContaining("one recording");
    }

    @Test
    void semicolonFilesTakeDecimalCommas() throws IOException {
        Path p = dir.resolve("a.csv");
        Files.writeString(p, "file;begin;end;low;high;label\na.wav;0,5;1,25;;8000;x\n");
        assertThat(CsvAnnotations.read(p).get("a.wav")).containsExactly(new Selection(0.5, 1.25, Double.NaN, 8000, "x"));
    }

    @Test
    void roundTrip() throws IOException {
        Map<String, List<Selection>> m = new LinkedHashMap<>();
        m.put("dir/a, b.wav", List.of(new Selection(0.1, 0.35, 2000, 8000, "beluga_whistle", 1,
                Map.of("Notes", "said \"hi\"")), new Selection(2, 2, Double.NaN, Double.NaN, "click")));
        m.put("c.wav", List.of(new Selection(0, 299.999999, 0, 1234567.5, "vessel", 1, Map.of("Notes", ""))));
        Path p = dir.resolve("out/a.csv");
        CsvAnnotations.write(p, m);
        assertThat(Files.readAllLines(p).get(0)).isEqualTo("recording,begin_s,end_s,low_hz,high_hz,label,Notes");
        Map<String, List<Selection>> back = CsvAnnotations.read(p);
        assertThat(back.get("c.wav")).isEqualTo(m.get("c.wav"));
        assertThat(back.get("dir/a, b.wav").get(0)).isEqualTo(m.get("dir/a, b.wav").get(0));
        assertThat(back.get("dir/a, b.wav").get(1).extra()).containsExactly(Map.entry("Notes", ""));
    }

    /** Found by the fuzz campaign: a negative band edge was accepted and clipped later without a word. */
    @Test
    void negativeOrInfiniteFrequencyIsRefusedNamingTheLine() throws IOException {
        for (String lo : new String[] {"-200", "Infinity"}) {
            Path csv = Files.writeString(dir.resolve("band.csv"),
                    "recording,begin_s,end_s,low_hz,high_hz,label\na.wav,0.5,1.25,100,900,orca\na.wav,2,3," + lo + ",4000,orca\n");
            assertThatThrownBy(() -> CsvAnnotations.read(csv)).isInstanceOf(AnnotationFileException.class)
                    .hasMessageContaining("band.csv").hasMessageContaining("line 3")
                    .hasMessageContaining(lo.equals("-200") ? "frequency must be 0 Hz or more" : "not a number");
        }
        Path raven = Files.writeString(dir.resolve("t.Table.1.selections.txt"),
                "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\tSpecies\n"
                        + "1\tSpectrogram 1\t1\t0.5\t1.25\t-5\t900\torca\n");
        assertThatThrownBy(() -> RavenTable.read(raven)).isInstanceOf(AnnotationFileException.class)
                .hasMessageContaining("t.Table.1.selections.txt").hasMessageContaining("frequency");
    }
}
