package org.echomask.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.echomask.io.Json;
import org.echomask.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudacityLabelsTest {
    @TempDir
    Path dir;

    @Test
    void readsLabelsFrequencyLinesAndPointLabels() throws IOException {
        Path p = dir.resolve("l.txt");
        Files.writeString(p, "\uFEFF1.000000\t2.500000\tbeluga whistle\r\n\\\t2000.000000\t8000.000000\r\n"
                + "3.000000\t3.000000\tclick\r\n4\t5\tlow only\n\\\t100\t-1.000000\n\n");
        List<Selection> s = AudacityLabels.read(p);
        assertThat(s).hasSize(3);
        assertThat(s.get(0)).isEqualTo(new Selection(1, 2.5, 2000, 8000, "beluga whistle"));
        assertThat(s.get(1)).isEqualTo(new Selection(3, 3, Double.NaN, Double.NaN, "click"));
        assertThat(s.get(2).lowFreqHz()).isEqualTo(100);
        assertThat(s.get(2).highFreqHz()).isNaN();
    }

    @Test
    void acceptsDecimalCommas() throws IOException {
        Path p = dir.resolve("l.txt");
        Files.writeString(p, "0,25\t1,5\tsong\n\\\t1000,5\t2000\n");
        assertThat(AudacityLabels.read(p)).containsExactly(new Selection(0.25, 1.5, 1000.5, 2000, "song"));
    }

    @Test
    void errorsNameTheLine() throws IOException {
        Path p = dir.resolve("l.txt");
        Files.writeString(p, "0\t1\ta\n1\t2x\tb\n");
        assertThatThrownBy(() -> AudacityLabels.read(p)).isInstanceOf(AnnotationFileException.class)
                .hasMessage(p + ", line 2, column \"end\": not a number: \"2x\"");
        Files.writeString(p, "0\t1\n");
        assertThatThrownBy(() -> AudacityLabels.read(p)).hasMessageContaining("line 1")
                .hasMessageContaining("start<TAB>end<TAB>label");
        Files.writeString(p, "\\\t1\t2\n");
        assertThatThrownBy(() -> AudacityLabels.read(p)).hasMessageContaining("without a label line");
        Files.writeString(p, "0\t1\t\n");
        assertThatThrownBy(() -> AudacityLabels.read(p)).hasMessageContaining("empty label");
        Files.writeString(p, "0\t1\tx\n\\\t1,2,3\t5\n");
        assertThatThrownBy(() -> AudacityLabels.read(p)).hasMessageContaining("line 2, column \"low frequency\"");
    }

    @Test
    void roundTripsWithAudacitysLayout() throws IOException {
        Path p = dir.resolve("sub/out.txt");
        List<Selection> s = List.of(new Selection(0.101385, 0.36752, 6441.064453, 12296.577148, "SP"),
                new Selection(5, 5, Double.NaN, Double.NaN, "point"),
                new Selection(6, 7, Double.NaN, 9000, "high only"));
        AudacityLabels.write(p, s);
        assertThat(Files.readString(p)).isEqualTo("0.101385\t0.367520\tSP\n\\\t6441.064453\t12296.577148\n"
                + "5.000000\t5.000000\tpoint\n6.000000\t7.000000\thigh only\n\\\t-1.000000\t9000.000000\n");
        assertThat(AudacityLabels.read(p)).isEqualTo(s);
    }

    @Test
    void realLabelTrackMatchesPython() throws IOException {
        Path track = SharedData.requireData("fixtures/spinetail_44k.audacity.txt");
        JsonNode e = Json.mapper().readTree(RavenTableTest.resource("golden/labels/fixtures_expected.json"))
                .get("audacity");
        List<Selection> s = AudacityLabels.read(track);
        assertThat(s).hasSize(e.get("count").asInt());
        assertThat(s.stream().filter(x -> !Double.isNaN(x.lowFreqHz())).count()).isEqualTo(e.get("with_frequency").asInt());
        Map<String, Long> counts = s.stream().collect(Collectors.groupingBy(Selection::label, Collectors.counting()));
        assertThat(counts).isEqualTo(Map.of("SP", e.at("/label_counts/SP").asLong(), "CRER", e.at("/label_counts/CRER").asLong()));
        for (var pair : List.of(Map.entry(s.get(0), e.get("first")), Map.entry(s.get(s.size() - 1), e.get("last")))) {
            Selection x = pair.getKey();
            JsonNode want = pair.getValue();
            assertThat(x).isEqualTo(new Selection(want.get("begin").asDouble(), want.get("end").asDouble(),
                    want.get("low").asDouble(), want.get("high").asDouble(), want.get("label").asText()));
        }
        // Written back in Audacity's own layout, the file is byte-identical to the original.
        Path copy = dir.resolve("copy.txt");
        AudacityLabels.write(copy, s);
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(track));
    }
}
