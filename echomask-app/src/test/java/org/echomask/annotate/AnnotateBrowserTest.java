package org.echomask.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.echomask.cli.Main;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.mask.BinaryMasks;
import org.echomask.mask.ProposerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page for real in headless Chromium (Debian's {@code chromium} + {@code chromium-driver}):
 * load it over a small synthetic dataset, clear the proposal, paint one brush stroke with real
 * mouse events, accept, and check the saved PNG and the manifest. Writes a screenshot of the page
 * to {@code target/annotate.png} (docs/annotate.png is a copy of a good one).
 */
class AnnotateBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Must match MARGIN in editor.js: where the picture starts inside the canvas. */
    private static final int LEFT = 62;
    private static final int TOP = 12;
    private static final int RIGHT = 14;
    private static final int BOTTOM = 40;

    @Test
    void paintStrokeAcceptAndCheckSavedMask(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        Path ds = syntheticDataset(dir);
        AnnotationStore store = AnnotationStore.open(ds);
        String first = store.next().orElseThrow().id();
        Examples examples = new Examples(store, ProposerConfig.preset("default"));
        int width = examples.size(store.entry(first).orElseThrow())[0];
        AnnotationApi api = new AnnotationApi(store, examples, 200);
        try (AnnotationServer server = AnnotationServer.start(api, "127.0.0.1", 0)) {
            WebDriver browser = null;
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            try {
                browser = new ChromeDriver(service, options(dir.resolve("chromium-profile")));
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(server.url());
                wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
                assertThat(browser.findElement(By.id("example-id")).getText()).isEqualTo(first);

                // Raise the threshold (keyboard shortcut): the page re-runs the proposer for this example.
                new Actions(browser).sendKeys("..").perform();
                wait.until(d -> d.findElement(By.id("message")).getText().equals("proposal at threshold 2.7"));
                // Clear the mask, then paint from picture pixel (30, 40) to (100, 40).
                new Actions(browser).sendKeys("c").perform();
                wait.until(d -> d.findElement(By.id("coverage")).getText().equals("mask 0.0 % of pixels"));
                int height = examples.size(store.entry(first).orElseThrow())[1];
                double[] scale = pictureScale(browser, width, height);
                Map<?, ?> rect = (Map<?, ?>) ((JavascriptExecutor) browser)
                        .executeScript("const r = document.getElementById('canvas').getBoundingClientRect();"
                                + "return {x: r.left, y: r.top};");
                double x0 = ((Number) rect.get("x")).doubleValue() + LEFT;
                double y0 = ((Number) rect.get("y")).doubleValue() + TOP;
                int row = 40;
                Actions stroke = new Actions(browser)
                        .moveToLocation(at(x0, 30, scale[0]), at(y0, row, scale[1])).clickAndHold();
                for (int px = 35; px <= 100; px += 5) {
                    stroke.moveToLocation(at(x0, px, scale[0]), at(y0, row, scale[1]));
                }
                stroke.release().perform();
                browser.findElement(By.id("accept")).click();

                Path saved = ds.resolve("masks/hq/" + first + ".png");
                wait.until(d -> statusOf(ds, first).equals("accepted"));
                boolean[][] mask = BinaryMasks.read(saved);
                assertThat(mask.length).isEqualTo(height);
                int f = height - 1 - row; // mask row 0 is the picture's bottom row
                for (int t = 30; t <= 100; t++) {
                    assertThat(mask[f][t]).as("stroke pixel at column %d", t).isTrue();
                }
                assertThat(mask[f + 8][60]).as("above the stroke").isFalse();
                assertThat(mask[f - 8][60]).as("below the stroke").isFalse();
                assertThat(BinaryMasks.coverage(mask)).isBetween(0.02, 0.06);
                DatasetEntry e = DatasetManifest.read(ds.resolve("manifest.csv")).stream()
                        .filter(x -> x.id().equals(first)).findFirst().orElseThrow();
                assertThat(e.hqMask()).isEqualTo("masks/hq/" + first + ".png");
                assertThat(e.extra().get("hq_updated")).isNotBlank();

                // The page moved on to the next example and counts the accepted mask.
                wait.until(d -> !d.findElement(By.id("example-id")).getText().equals(first));
                wait.until(d -> d.findElement(By.id("progress-text")).getText().startsWith("1 of 200"));
                Files.createDirectories(Path.of("target"));
                Files.write(Path.of("target", "annotate.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } finally {
                if (browser != null) {
                    browser.quit();
                }
                service.stop();
            }
        }
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1440,900",
                "--force-device-scale-factor=1");
        return o;
    }

    /** Screen pixels per picture pixel {along time, along frequency}, from the canvas size the page chose. */
    private static double[] pictureScale(WebDriver browser, int pictureWidth, int pictureHeight) {
        List<?> size = (List<?>) ((JavascriptExecutor) browser)
                .executeScript("const c = document.getElementById('canvas'); return [c.width, c.height];");
        return new double[] {(((Number) size.get(0)).doubleValue() - LEFT - RIGHT) / pictureWidth,
                (((Number) size.get(1)).doubleValue() - TOP - BOTTOM) / pictureHeight};
    }

    private static int at(double origin, int pixel, double scale) {
        return (int) Math.round(origin + (pixel + 0.5) * scale);
    }

    private static String statusOf(Path ds, String id) {
        return DatasetManifest.read(ds.resolve("manifest.csv")).stream().filter(x -> x.id().equals(id)).findFirst()
                .map(x -> x.extra().getOrDefault("hq_status", "")).orElse("");
    }

    /** Three half-second synthetic clips as a dataset whose HQ masks are removed, so all need annotating. */
    private static Path syntheticDataset(Path dir) {
        Path corpus = dir.resolve("corpus");
        Path ds = dir.resolve("ds");
        assertThat(Main.run("synth", "--out", corpus.toString(), "--clips", "3", "--seed", "11", "--duration", "0.5"))
                .isZero();
        assertThat(Main.run("dataset", "--manifest", corpus.resolve("manifest.csv").toString(), "--out", ds.toString(),
                "--threads", "1")).isZero();
        List<DatasetEntry> pending = DatasetManifest.read(ds.resolve("manifest.csv")).stream()
                .map(e -> new DatasetEntry(e.id(), e.recording(), e.startS(), e.endS(), e.labels(), e.split(), e.group(),
                        e.array(), e.image(), "", e.extra()))
                .toList();
        DatasetManifest.write(ds.resolve("manifest.csv"), pending);
        return ds;
    }
}
