package org.echomask.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plots decode, have their documented sizes, encode values in pixels, and survive odd inputs. */
class PlotsTest {
    private static final double NaN = Double.NaN;
    /** The first Okabe–Ito colour, which the first series is drawn in. */
    private static final int FIRST_SERIES = 0x0072B2;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void everyPlotIsADecodablePngOfItsSize() {
        assertSize(Plots.groupedBars("t", "y", List.of("a", "b"), List.of("s1", "s2"),
                List.of(new double[] {0.2, 0.4}, new double[] {0.3, 0.5})), Chart.WIDTH, Chart.HEIGHT);
        assertSize(Plots.lines("t", "epoch", "loss", List.of("train", "val"),
                List.of(new double[] {1, 0.5, 0.3}, new double[] {1.1, 0.7})), Chart.WIDTH, Chart.HEIGHT);
        assertSize(Plots.histogram("t", "score", new double[] {0.1, 0.2, 0.25, 0.9}, 0, 1, 10), Chart.WIDTH,
                Chart.HEIGHT);

        BufferedImage small = decode(Plots.confusionMatrix("t", List.of("no", "yes"), new int[][] {{5, 1}, {2, 7}}));
        assertThat(small.getWidth()).isEqualTo(640);
        assertThat(small.getHeight()).isBetween(420, 640);
    }

    @Test
    void confusionMatrixIsDarkerWhereTheRowFractionIsLarger() {
        List<String> names = List.of("whistle", "click");
        int[][] counts = {{90, 10}, {30, 70}};
        BufferedImage img = decode(Plots.confusionMatrix("cm", names, counts));
        ConfusionMatrixPlot.Layout layout = ConfusionMatrixPlot.layout(names);
        // A corner of each cell: the centre carries the count's text.
        double d00 = luminance(cellCorner(img, layout, 0, 0));
        double d01 = luminance(cellCorner(img, layout, 0, 1));
        double d10 = luminance(cellCorner(img, layout, 1, 0));
        double d11 = luminance(cellCorner(img, layout, 1, 1));
        assertThat(d00).isLessThan(d11); // 0.9 of its row vs 0.7
        assertThat(d11).isLessThan(d10); // 0.7 vs 0.3
        assertThat(d10).isLessThan(d01); // 0.3 vs 0.1
    }

    @Test
    void confusionMatrixScalesToThirtyLongNamedClasses() {
        List<String> names = new ArrayList<>();
        int n = 30;
        int[][] counts = new int[n][n];
        for (int i = 0; i < n; i++) {
            names.add("a rather long class name number " + i);
            counts[i][i] = 100_000 + i;
            counts[i][(i + 1) % n] = 3;
        }
        BufferedImage img = decode(Plots.confusionMatrix("many", names, counts));
        ConfusionMatrixPlot.Layout layout = ConfusionMatrixPlot.layout(names);
        assertThat(img.getWidth()).isEqualTo(layout.width()).isGreaterThan(640);
        assertThat(layout.cell()).isGreaterThanOrEqualTo(16);
        assertThat(layout.left() + layout.grid()).isLessThan(img.getWidth());
        assertThat(luminance(cellCorner(img, layout, 7, 7))).isLessThan(luminance(cellCorner(img, layout, 7, 20)));
    }

    @Test
    void groupedBarsDrawATallerBarForALargerValue() {
        BufferedImage img = decode(Plots.groupedBars("bars", "score", List.of("small", "large"), List.of("only"),
                List.of(new double[] {0.2, 0.8})));
        int left = tallestRun(img, 0, img.getWidth() / 2, FIRST_SERIES);
        int right = tallestRun(img, img.getWidth() / 2, img.getWidth(), FIRST_SERIES);
        assertThat(left).isPositive();
        assertThat((double) right / left).isBetween(3.5, 4.5);
    }

    @Test
    void aNanBarIsAnEmptySlot() {
        BufferedImage img = decode(Plots.groupedBars("bars", "score", List.of("missing", "present"),
                List.of("only"), List.of(new double[] {NaN, 0.5})));
        assertThat(tallestRun(img, 0, img.getWidth() / 2, FIRST_SERIES)).isZero();
        assertThat(tallestRun(img, img.getWidth() / 2, img.getWidth(), FIRST_SERIES)).isPositive();
    }

    @Test
    void nanAndEmptyInputsDoNotCrash() {
        List<byte[]> pngs = List.of(
                Plots.groupedBars("all NaN", "y", List.of("a"), List.of("s", "t"),
                        List.of(new double[] {NaN}, new double[] {Double.POSITIVE_INFINITY})),
                Plots.groupedBars("empty", "y", List.of(), List.of(), List.of()),
                Plots.groupedBars("no series", "y", List.of("a", "b"), List.of(), List.of()),
                Plots.groupedBars("negative", "y", List.of("a"), List.of("s"), List.of(new double[] {-3})),
                Plots.lines("empty", "epoch", "loss", List.of(), List.of()),
                Plots.lines("empty series", "epoch", "loss", List.of("a"), List.of(new double[0])),
                Plots.lines("NaN", "epoch", "loss", List.of("a", "b"), List.of(new double[] {NaN, NaN},
                        new double[] {NaN, 2, NaN})),
                Plots.lines("flat", "epoch", "loss", List.of("a"), List.of(new double[] {0.5})),
                Plots.histogram("empty", "x", new double[0], 0, 1, 5),
                Plots.histogram("all NaN or outside", "x", new double[] {NaN, -1, 7}, 0, 1, 5),
                Plots.confusionMatrix("empty", List.of(), new int[0][0]),
                Plots.confusionMatrix("zeros", List.of("a", "b"), new int[2][2]),
                Plots.confusionMatrix("one class", List.of("a"), new int[][] {{4}}),
                Plots.confusionMatrix(null, List.of("<script>"), new int[][] {{1}}));
        for (byte[] png : pngs) {
            assertThat(decode(png).getWidth()).isGreaterThan(0);
        }
    }

    @Test
    void mismatchedSizesAreRefusedWithTheSizes() {
        assertThatThrownBy(() -> Plots.groupedBars("t", "y", List.of("a"), List.of("s", "t"),
                List.of(new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 series names but 1 value arrays");
        assertThatThrownBy(() -> Plots.groupedBars("t", "y", List.of("a", "b", "c"), List.of("origin"),
                List.of(new double[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series \"origin\" has 2 values for 3 categories");
        assertThatThrownBy(() -> Plots.lines("t", "x", "y", List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 series names but 0 value arrays");
        assertThatThrownBy(() -> Plots.confusionMatrix("t", List.of("a", "b"), new int[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 class names but 1 rows");
        assertThatThrownBy(() -> Plots.confusionMatrix("t", List.of("a", "b"), new int[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 (b) has 1 counts, expected 2");
        assertThatThrownBy(() -> Plots.confusionMatrix("t", List.of("a"), new int[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative count");
        assertThatThrownBy(() -> Plots.histogram("t", "x", new double[] {1}, 1, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lo < hi");
        assertThatThrownBy(() -> Plots.histogram("t", "x", new double[] {1}, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bins");
    }

    @Test
    void writePngWritesTheBytesAtomically(@TempDir Path dir) throws IOException {
        byte[] png = Plots.histogram("h", "x", new double[] {0.5}, 0, 1, 2);
        Path file = dir.resolve("plots/h.png");
        Plots.writePng(file, Plots.histogram("other", "x", new double[] {0.25}, 0, 1, 3));
        Plots.writePng(file, png); // replaces
        assertThat(Files.readAllBytes(file)).isEqualTo(png);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void axisTicksAreNiceAndCoverTheData() {
        Axis a = Axis.covering(0, 0.83, 5, false);
        assertThat(a.ticks()).containsExactly(0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(a.label(0.2)).isEqualTo("0.2");
        Axis counts = Axis.covering(0, 3, 5, true);
        assertThat(counts.ticks()).containsExactly(0, 1, 2, 3);
        Axis epochs = Axis.within(1, 30, 8, true);
        assertThat(epochs.ticks()).containsExactly(5, 10, 15, 20, 25, 30);
    }

    private static void assertSize(byte[] png, int width, int height) {
        BufferedImage img = decode(png);
        assertThat(img.getWidth()).isEqualTo(width);
        assertThat(img.getHeight()).isEqualTo(height);
    }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img).as("decodable PNG").isNotNull();
            return img;
        } catch (IOException e) {
            throw new AssertionError("not a PNG", e);
        }
    }

    private static int cellCorner(BufferedImage img, ConfusionMatrixPlot.Layout layout, int row, int col) {
        int x = layout.left() + (int) Math.round(col * layout.cell()) + 3;
        int y = layout.top() + (int) Math.round(row * layout.cell()) + 3;
        return img.getRGB(x, y);
    }

    private static double luminance(int rgb) {
        return 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
    }

    /** The longest vertical run of exactly this colour in any column of [x0, x1). */
    private static int tallestRun(BufferedImage img, int x0, int x1, int rgb) {
        int best = 0;
        for (int x = x0; x < x1; x++) {
            int run = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                run = (img.getRGB(x, y) & 0xffffff) == rgb ? run + 1 : 0;
                best = Math.max(best, run);
            }
        }
        return best;
    }
}
