package org.echomask.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.io.Json;
import org.echomask.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RavenTableTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsShuffledColumnsKeepsExtrasAndCollapsesViews() throws IOException {
        Path t = file("t.txt", String.join("\n",
                "Notes\tHigh Freq (Hz)\tBegin Time (s)\tSelection\tSpecies\tView\tEnd Time (s)\tLow Freq (Hz)\tChannel",
                "first\t8000\t1.5\t1\tbeluga\tWaveform 1\t2.25\t2000\t1",
                "first\t8000\t1.5\t1\tbeluga\tSpectrogram 1\t2.25\t2000\t1",
                "second\t140000\t10\t2\tporpoise\tSpectrogram 1\t10.001\t120000\t2",
                "second\t140000\t10\t2\tporpoise\tWaveform 1\t10.001\t120000\t2", ""));
        List<Selection> s = RavenTable.read(t);
        assertThat(s).hasSize(2);
        assertThat(s.get(0)).isEqualTo(new Selection(1.5, 2.25, 2000, 8000, "beluga", 1, Map.of("Notes", "first")));
        assertThat(s.get(1)).isEqualTo(
                new Selection(10, 10.001, 120000, 140000, "porpoise", 2, Map.of("Notes", "second")));
    }

    @Test
    void namedLabelColumnWinsOverDefaultsAndDefaultOrderIsDocumented() throws IOException {
        Path t = file("t.txt", "Begin Time (s)\tEnd Time (s)\tAnnotation\tSpecies\n0\t1\tcall\tbeluga\n");
        assertThat(RavenTable.read(t).get(0).label()).isEqualTo("beluga");
        Selection byName = RavenTable.read(t, "annotation").get(0);
        assertThat(byName.label()).isEqualTo("call");
        assertThat(byName.extra()).containsExactly(Map.entry("Species", "beluga"));
        assertThat(byName.lowFreqHz()).isNaN();
    }

    @Test
    void missingLabelColumnListsTheColumns() throws IOException {
        Path t = file("t.txt", "Selection\tBegin Time (s)\tEnd Time (s)\tScore\n1\t0\t1\t0.5\n");
        assertThatThrownBy(() -> RavenTable.read(t))
                .isInstanceOf(AnnotationFileException.class)
                .hasMessageContaining(t.toString())
                .hasMessageContaining("no label column")
                .hasMessageContaining("[Selection, Begin Time (s), End Time (s), Score]");
        assertThatThrownBy(() -> RavenTable.read(t, "Species"))
                .hasMessageContaining("column \"Species\"").hasMessageContaining("label column missing");
        assertThat(RavenTable.readAs(t, "humpback").get(0).extra()).containsExactly(Map.entry("Score", "0.5"));
    }

    @Test
    void missingTimeColumnIsNamed() throws IOException {
        Path t = file("t.txt", "Selection\tBegin Time (s)\tSpecies\n1\t0\tx\n");
        assertThatThrownBy(() -> RavenTable.read(t)).hasMessageContaining("line 1, column \"End Time (s)\"")
                .hasMessageContaining("required column missing");
    }

    @Test
    void badNumberNamesFileLineAndColumn() throws IOException {
        Path t = file("t.txt", "Selection\tBegin Time (s)\tEnd Time (s)\tSpecies\n1\t0\t1\ta\n2\t3\t4,5s\tb\n");
        assertThatThrownBy(() -> RavenTable.read(t))
                .isInstanceOf(AnnotationFileException.class)
                .hasMessage(t + ", line 3, column \"End Time (s)\": not a number: \"4,5s\"")
                .satisfies(e -> assertThat(((AnnotationFileException) e).line()).isEqualTo(3));
        Path nan = file("nan.txt", "Begin Time (s)\tEnd Time (s)\tSpecies\nNaN\t1\ta\n");
        assertThatThrownBy(() -> RavenTable.read(nan)).hasMessageContaining("line 2");
        Path backwards = file("back.txt", "Begin Time (s)\tEnd Time (s)\tSpecies\n\n2\t1\ta\n");
        assertThatThrownBy(() -> RavenTable.read(backwards)).hasMessageContaining("line 3")
                .hasMessageContaining("begin <= end");
        Path empty = file("empty.txt", "Begin Time (s)\tEnd Time (s)\tSpecies\n0\t1\t \n");
        assertThatThrownBy(() -> RavenTable.read(empty)).hasMessageContaining("line 2, column \"Species\": empty label");
    }

    @Test
    void conflictingDuplicateSelectionNumbersAreAnError() throws IOException {
        Path t = file("t.txt", "Selection\tView\tBegin Time (s)\tEnd Time (s)\tSpecies\n"
                + "1\tSpectrogram 1\t0\t1\ta\n1\tSpectrogram 1\t5\t6\ta\n");
        assertThatThrownBy(() -> RavenTable.read(t)).hasMessageContaining("line 3")
                .hasMessageContaining("also appears on line 2");
    }

    @Test
    void toleratesBomCrlfQuotesAndTrailingBlankLines() throws IOException {
        String content = "\uFEFFSelection\tView\tBegin Time (s)\tEnd Time (s)\tSpecies\tNotes\r\n"
                + "1\tSpectrogram 1\t0.5\t1\t\"beluga whistle\"\t\"says \"\"hi\"\"\tthere\"\r\n"
                + "2\tSpectrogram 1\t2\t3\tporpoise\t5\" long\r\n\r\n\r\n";
        Path t = file("t.txt", content);
        List<Selection> s = RavenTable.read(t);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).label()).isEqualTo("beluga whistle");
        assertThat(s.get(0).extra().get("Notes")).isEqualTo("says \"hi\"\tthere");
        assertThat(s.get(1).extra().get("Notes")).isEqualTo("5\" long");
    }

    @Test
    void roundTripWriteReadEqual() {
        Path t = dir.resolve("out/rt.txt");
        List<Selection> original = goldenSelectionsRoundable();
        RavenTable.write(t, original, "Species");
        assertThat(RavenTable.read(t, "Species")).isEqualTo(original);
        RavenTable.write(t, original);
        assertThat(RavenTable.read(t)).isEqualTo(original);
    }

    @Test
    void writtenTableMatchesGolden() throws IOException {
        Path t = dir.resolve("golden.txt");
        RavenTable.write(t, goldenSelections(), "Species");
        assertThat(Files.readString(t)).isEqualTo(resource("golden/labels/raven_standard.txt"));
        assertThat(Files.readString(t).lines().findFirst().orElseThrow()).startsWith(
                "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\tSpecies\t");
    }

    @Test
    void scoreColumnFollowsTheLabel() throws IOException {
        Path t = dir.resolve("scored.txt");
        List<Selection> s = List.of(new Selection(0, 2, 10, 100, "humpback"), new Selection(2, 4, 10, 100, "humpback"));
        RavenTable.write(t, s, "Species", "Score", new double[] {0.91234567, 1e-9});
        List<String> lines = Files.readAllLines(t);
        assertThat(lines.get(0)).endsWith("\tSpecies\tScore");
        assertThat(lines.get(1)).endsWith("\thumpback\t0.912346");
        assertThat(lines.get(2)).endsWith("\thumpback\t0");
        assertThatThrownBy(() -> RavenTable.write(t, s, "Species", "Score", new double[1]))
                .hasMessageContaining("one score per selection");
        assertThatThrownBy(() -> RavenTable.write(t, s, "Begin Time (s)")).hasMessageContaining("standard");
    }

    @Test
    void combinedTableRoundTripsPerFile() {
        Path t = dir.resolve("combined.txt");
        Selection a = new Selection(1, 2, 100, 200, "humpback", 1, Map.of("Notes", "x"));
        Selection b = new Selection(0.25, 0.5, 100, 200, "orca");
        RavenTable.writeCombined(t, List.of(new RavenTable.FileSelections(Path.of("/data/a.wav"), 0, List.of(a)),
                new RavenTable.FileSelections(Path.of("/data/b.wav"), 300, List.of(b))), "Species");
        List<Selection> read = RavenTable.read(t);
        assertThat(read.get(1).begin()).isEqualTo(300.25);
        assertThat(read.get(1).extra()).containsEntry(RavenTable.BEGIN_PATH, "/data/b.wav")
                .containsEntry(RavenTable.FILE_OFFSET, "0.25");
        Map<String, List<Selection>> split = RavenTable.splitByFile(read);
        assertThat(split.keySet()).containsExactly("/data/a.wav", "/data/b.wav");
        assertThat(split.get("/data/b.wav").get(0).begin()).isEqualTo(0.25);
        assertThat(split.get("/data/b.wav").get(0).end()).isCloseTo(0.5, within(1e-9));
        assertThat(split.get("/data/a.wav").get(0).extra()).containsEntry("Notes", "x");
        assertThatThrownBy(() -> RavenTable.splitByFile(List.of(b))).hasMessageContaining("Begin Path");
    }

    @Test
    void readAllKeepsFileOrder() throws IOException {
        Path one = file("1.txt", "Begin Time (s)\tEnd Time (s)\tClass\n0\t1\ta\n");
        Path two = file("2.txt", "Begin Time (s)\tEnd Time (s)\tClass\n0\t1\tb\n3\t4\tc\n");
        Map<Path, List<Selection>> all = RavenTable.readAll(List.of(two, one), "Class");
        assertThat(all.keySet()).containsExactly(two, one);
        assertThat(all.get(two)).extracting(Selection::label).containsExactly("b", "c");
    }

    @Test
    void realDetectorTableMatchesPython() throws IOException {
        Path table = SharedData.requireData("fixtures/humpback_2khz_299s.raven.txt");
        JsonNode expected = Json.mapper().readTree(resource("golden/labels/fixtures_expected.json")).get("raven");
        assertThatThrownBy(() -> RavenTable.read(table)).hasMessageContaining("Prediction/Comments");
        List<Selection> s = RavenTable.readAs(table, "humpback");
        assertThat(s).hasSize(expected.get("count").asInt());
        check(s.get(0), expected.get("first"));
        check(s.get(4), expected.get("fifth"));
        check(s.get(s.size() - 1), expected.get("last"));
        assertThat(s.stream().mapToDouble(Selection::duration).sum())
                .isCloseTo(expected.get("total_duration").asDouble(), within(1e-9));
    }

    private static void check(Selection s, JsonNode e) {
        assertThat(s.begin()).isEqualTo(e.get("begin").asDouble());
        assertThat(s.end()).isEqualTo(e.get("end").asDouble());
        assertThat(s.lowFreqHz()).isEqualTo(e.get("low").asDouble());
        assertThat(s.highFreqHz()).isEqualTo(e.get("high").asDouble());
        assertThat(s.extra()).containsExactly(Map.entry("Prediction/Comments", e.get("score").asText()));
    }

    /** Mirrors SELECTIONS in src/test/python/make_label_goldens.py. */
    static List<Selection> goldenSelections() {
        return List.of(
                new Selection(0.1, 0.35, 2000, 8000, "beluga_whistle", 1, ordered("Notes", "faint", "Score", "0.9")),
                new Selection(12.3456789, 13.0, Double.NaN, Double.NaN, "porpoise_click", 2, Map.of("Score", "0.5")),
                new Selection(1e-7, 299.99999949, 0, 1234567.5, "vessel", 1, Map.of("Notes", "two words")));
    }

    /** Values a 6-decimal table holds exactly, every selection with the same extra columns. */
    private static List<Selection> goldenSelectionsRoundable() {
        return List.of(
                new Selection(0.1, 0.35, 2000, 8000, "beluga_whistle", 1, ordered("Notes", "faint", "Score", "0.9")),
                new Selection(12.345679, 13.0, Double.NaN, Double.NaN, "porpoise click", 2,
                        ordered("Notes", "", "Score", "0.5")),
                new Selection(0, 299.999999, 0, 1234567.5, "vessel", 1, ordered("Notes", "tab\there", "Score", "")));
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = RavenTableTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
