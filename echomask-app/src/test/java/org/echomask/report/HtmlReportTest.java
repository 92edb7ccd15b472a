package org.echomask.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page is self-contained, escapes everything it is given, and is written atomically. */
class HtmlReportTest {
    private static final String EVIL = "<script>alert(1)</script>";
    private static final byte[] PNG_A = Plots.histogram("a", "x", new double[] {0.1, 0.2}, 0, 1, 4);
    private static final byte[] PNG_B = Plots.lines("b", "epoch", "loss", List.of("l"), List.of(new double[] {3, 2}));

    @Test
    void escapesEveryTextEntryPoint() {
        String html = new HtmlReport(EVIL)
                .note(EVIL)
                .version(EVIL)
                .heading(EVIL)
                .subheading(EVIL)
                .paragraph(EVIL)
                .preformatted(EVIL)
                .table(EVIL, List.of(EVIL), List.of(List.of(EVIL)))
                .image(EVIL, PNG_A)
                .imageRow(List.of(EVIL), List.of(PNG_B))
                .render();
        assertThat(html).doesNotContainIgnoringCase("<script");
        // title twice (<title> and <h1>), note, footer, h2, h3, p, pre, caption, th, td, 2 × (alt + figcaption)
        assertThat(count(html, "&lt;script&gt;alert(1)&lt;/script&gt;")).isEqualTo(15);
    }

    @Test
    void attributesCannotBeBrokenOutOf() {
        String html = new HtmlReport("t").image("x\" onerror=\"alert(1)", PNG_A).render();
        assertThat(html).doesNotContain("\" onerror=").contains("x&quot; onerror=&quot;alert(1)");
    }

    @Test
    void hasNoExternalReference() {
        String html = sample().render();
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("url(")
                .doesNotContain("href=").doesNotContain("<link").doesNotContain("@import");
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            assertThat(src.group(1)).startsWith("data:image/png;base64,");
            images++;
        }
        assertThat(images).isEqualTo(3);
        assertThat(html).startsWith("<!doctype html>").contains("<meta charset=\"utf-8\">").contains("<style>")
                .contains("img-src data:");
    }

    @Test
    void imagesRoundTripThroughTheDataUris() {
        String html = sample().render();
        Matcher src = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<byte[]> decoded = new ArrayList<>();
        while (src.find()) {
            decoded.add(Base64.getDecoder().decode(src.group(1)));
        }
        assertThat(decoded).hasSize(3);
        assertThat(decoded.get(0)).isEqualTo(PNG_A);
        assertThat(decoded.get(1)).isEqualTo(PNG_A);
        assertThat(decoded.get(2)).isEqualTo(PNG_B);
    }

    @Test
    void tablesMarkTheBestAndTheTrivialRowsAndAlignNumbers() {
        String html = new HtmlReport("t")
                .table("scores", List.of("model", "accuracy", "OOD"),
                        List.of(List.of("gated", "0.804", "66.0 %"), List.of("majority", "0.310", "\u2013"),
                                List.of("plain", "0.712", "55.0 %")),
                        Set.of(0), Set.of(1))
                .render();
        assertThat(html).contains("<tr class=\"best\"><td>gated</td><td class=\"num\">0.804</td>")
                .contains("<tr class=\"muted\"><td>majority</td>")
                .contains("<th>model</th><th class=\"num\">accuracy</th><th class=\"num\">OOD</th>")
                .contains("<caption>scores</caption>");
    }

    @Test
    void inconsistentInputsAreRefused() {
        HtmlReport r = new HtmlReport("t");
        assertThatThrownBy(() -> r.table("c", List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 has 1 cells but the header has 2");
        assertThatThrownBy(() -> r.table("c", List.of("a"), List.of(List.of("1")), Set.of(3), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("emphasis row 3");
        assertThatThrownBy(() -> r.imageRow(List.of("a", "b"), List.of(PNG_A)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 captions but 1 images");
        assertThatThrownBy(() -> r.image("html", "<b>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PNG");
    }

    @Test
    void footerOnlyWhenAVersionIsSet() {
        assertThat(new HtmlReport("t").render()).doesNotContain("<footer>");
        assertThat(new HtmlReport("t").version("0.1.0").render()).contains("<footer>Echomask 0.1.0</footer>");
    }

    @Test
    void writesUtf8Atomically(@TempDir Path dir) throws Exception {
        HtmlReport report = new HtmlReport("Wale \u2013 Beluga \u00fc \u2265 \u03c3").paragraph("\u00e9t\u00e9 \u2026");
        Path file = dir.resolve("out/report.html");
        new HtmlReport("old").write(file);
        new HtmlReport("old").write(dir.resolve("out/other.html"));
        report.write(file); // replaces the old one in place
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).isEqualTo(report.render());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html",
                    "other.html"); // no temporary file left behind
        }
        // Through AtomicFiles: a target that cannot be written is reported with its path, nothing half-made.
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "x");
        assertThatThrownBy(() -> report.write(blocked.resolve("report.html")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write");
    }

    private static HtmlReport sample() {
        return new HtmlReport("Sample").note("generated 2026-11-29 18:40 UTC").version("test")
                .heading("Scores")
                .table("t", List.of("a", "b"), List.of(List.of("x", "1.000")))
                .image("one", PNG_A)
                .imageRow(List.of("two", "three"), List.of(PNG_A, PNG_B))
                .preformatted("./echomask experiment paper");
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
