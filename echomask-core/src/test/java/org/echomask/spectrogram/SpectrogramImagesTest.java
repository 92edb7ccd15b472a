package org.echomask.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrogramImagesTest {

    @Test
    void grayPutsRowZeroAtTheBottomAndScalesMinMax(@TempDir Path dir) throws Exception {
        float[][] v = {{0, 1, 2}, {3, 4, Float.NaN}, {5, 6, Float.NEGATIVE_INFINITY}, {7, 8, 10}};
        Path png = dir.resolve("sub/x.png");
        SpectrogramImages.writeGray(png, v);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(3);
        assertThat(img.getHeight()).isEqualTo(4);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(img.getRaster().getSample(0, 3, 0)).isEqualTo(0); // row 0, col 0 = min, bottom-left
        assertThat(img.getRaster().getSample(2, 0, 0)).isEqualTo(255); // row 3, col 2 = max, top-right
        assertThat(img.getRaster().getSample(1, 3, 0)).isEqualTo(26); // 1/10 of the range
        assertThat(img.getRaster().getSample(2, 2, 0)).isEqualTo(0); // NaN
        assertThat(img.getRaster().getSample(2, 1, 0)).isEqualTo(0); // -inf
        try (var files = Files.list(png.getParent())) {
            assertThat(files).containsExactly(png); // no temporary left behind
        }
    }

    @Test
    void constantImageIsBlack() {
        BufferedImage img = SpectrogramImages.gray(new float[][] {{2, 2}, {2, 2}});
        assertThat(img.getRaster().getSample(1, 1, 0)).isZero();
    }

    @Test
    void colourFigureIsScaledUpWithViridisPlotArea(@TempDir Path dir) throws Exception {
        Spectrogram s = chirp();
        Path png = dir.resolve("c.png");
        if (System.getProperty("echomask.keepImage") != null) {
            SpectrogramImages.writeColour(Path.of(System.getProperty("echomask.keepImage")), s, "dB");
        }
        SpectrogramImages.writeColour(png, s, "dB");
        BufferedImage img = ImageIO.read(png.toFile());
        // 128 x 200 cells scaled by whole pixels to at least 720 x 360, plus margins for the axes.
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(720 + 150);
        assertThat(img.getHeight()).isGreaterThanOrEqualTo(360 + 90);
        // Plot: 200 columns x4 = 800 px from x=84, 128 rows x3 = 384 px from y=44. After 1 s the
        // noise stops, so low frequencies at 1.5 s sit at the top_db floor: the darkest colour.
        assertThat(img.getRGB(84 + 600, 44 + 384 - 20) & 0xffffff).isEqualTo(ColourMap.viridis(0));
        // Frequency increases upwards: the 2 kHz start of the tone is near the bottom-left.
        assertThat(img.getRGB(84 + 2, 44 + 384 - 32) & 0xffffff).isNotEqualTo(ColourMap.viridis(0));
        assertThat(img.getRGB(2, 2) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void ticksAreRoundNumbers() {
        assertThat(SpectrogramImages.ticks(0, 1.0, 5)).containsExactly(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        assertThat(SpectrogramImages.ticks(0.3, 144, 6)).containsExactly(25.0, 50.0, 75.0, 100.0, 125.0);
        assertThat(SpectrogramImages.formatNumber(0.6000000000000001)).isEqualTo("0.6");
        assertThat(SpectrogramImages.formatNumber(125.0)).isEqualTo("125");
    }

    @Test
    void viridisEndsMatchMatplotlib() {
        // matplotlib viridis(0) = (68, 1, 84), viridis(1) = (253, 231, 37), within the LUT's 4/255.
        int lo = ColourMap.viridis(0);
        int hi = ColourMap.viridis(1);
        assertThat(lo >> 16).isCloseTo(68, org.assertj.core.data.Offset.offset(3));
        assertThat(hi >> 16).isCloseTo(253, org.assertj.core.data.Offset.offset(3));
        assertThat((hi >> 8) & 0xff).isCloseTo(231, org.assertj.core.data.Offset.offset(3));
        assertThat(hi & 0xff).isCloseTo(37, org.assertj.core.data.Offset.offset(4));
    }

    /** A rising tone with a harmonic and some noise at 48 kHz, 2 s, rendered in dB. */
    static Spectrogram chirp() {
        int rate = 48_000;
        float[] x = new float[rate * 2];
        java.util.Random r = new java.util.Random(5);
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double f = 2000 + 14000 * i / (double) x.length;
            phase += 2 * Math.PI * f / rate;
            x[i] = (float) (0.5 * Math.sin(phase) + 0.1 * Math.sin(2 * phase) + 0.001 * r.nextGaussian()
                    * (i < x.length / 2 ? 1 : 0));
        }
        SpectrogramTransform t = SpectrogramTransform.builder(SpectrogramTransform.ORIGIN).name("demo").sampleRate(rate)
                .fmaxHz(0).outputSize(128, 200).topDb(90.0).normalisation(Normalisation.NONE).build();
        return t.apply(x, rate);
    }
}
