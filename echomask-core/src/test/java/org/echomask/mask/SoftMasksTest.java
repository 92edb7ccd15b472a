package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftMasksTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"r16x16", "r33x47", "r64x96", "r1x40", "r40x1", "sparse70x50", "full9x9", "single20x30"})
    void gaussianMatchesNumpy(String name) {
        float[][] s = SoftMasks.gaussian(Golden.mask("edt_" + name + "_mask"), 3.0);
        Golden.assertClose(s, Golden.image("soft_" + name + "_s3"), 1e-6);
    }

    @Test
    void onesInsideDecayingOutsideAndZeroForEmpty() {
        boolean[][] m = new boolean[3][5];
        m[1][2] = true;
        float[][] s = SoftMasks.gaussian(m, 2.0);
        assertThat(s[1][2]).isEqualTo(1f);
        assertThat((double) s[1][4]).isCloseTo(Math.exp(-4 / 8.0), org.assertj.core.data.Offset.offset(1e-7));
        assertThat(s[0][0]).isLessThan(s[0][1]).isGreaterThan(0f);
        for (float[] row : SoftMasks.gaussian(new boolean[3][4], 2.0)) {
            assertThat(row).containsOnly(0f);
        }
        float[][] aniso = SoftMasks.gaussian(m, 2.0, 2.0, 1.0);
        assertThat((double) aniso[0][2]).isCloseTo(Math.exp(-4 / 8.0), org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void rejectsBadSigma() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> SoftMasks.gaussian(new boolean[2][2], bad)).hasMessageContaining("sigma");
        }
    }

    @Test
    void png16RoundTripWithinOneLevelAndBottomRowIsRowZero() throws Exception {
        Random rnd = new Random(11);
        float[][] s = new float[7][13];
        for (float[] row : s) {
            for (int t = 0; t < row.length; t++) {
                row[t] = rnd.nextFloat();
            }
        }
        s[0][0] = 1f;
        s[6][12] = 0f;
        Path png = dir.resolve("sub/soft.png");
        SoftMasks.writePng16(png, s);
        float[][] back = SoftMasks.readPng16(png);
        Golden.assertClose(back, s, 0.5 / 65535 + 1e-7);
        assertThat(back[0][0]).isEqualTo(1f);
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getSampleModel().getSampleSize(0)).isEqualTo(16);
        assertThat(img.getRaster().getSample(0, 6, 0)).isEqualTo(65535);
        try (var files = Files.list(png.getParent())) {
            assertThat(files).containsExactly(png);
        }
    }

    @Test
    void readsEightBitBinaryMaskAsZeroOne() {
        boolean[][] m = Golden.parse("#..", ".#.");
        Path png = dir.resolve("bin.png");
        BinaryMasks.write(png, m);
        float[][] s = SoftMasks.readPng16(png);
        assertThat(s[1]).containsExactly(1f, 0f, 0f);
        assertThat(s[0]).containsExactly(0f, 1f, 0f);
    }

    @Test
    void npyRoundTripIsExact() {
        float[][] s = SoftMasks.gaussian(Golden.mask("edt_r16x16_mask"), 1.5);
        Path npy = dir.resolve("soft.npy");
        SoftMasks.writeNpy(npy, s);
        float[][] back = SoftMasks.readNpy(npy);
        for (int f = 0; f < s.length; f++) {
            assertThat(back[f]).containsExactly(s[f]);
        }
    }

    @Test
    void rejectsOutOfRangeValuesAndUnreadableFiles() throws Exception {
        assertThatThrownBy(() -> SoftMasks.writePng16(dir.resolve("x.png"), new float[][] {{0.5f, 1.5f}}))
                .hasMessageContaining("x.png").hasMessageContaining("outside [0, 1]");
        Path junk = dir.resolve("junk.png");
        Files.writeString(junk, "not a png");
        assertThatThrownBy(() -> SoftMasks.readPng16(junk)).hasMessageContaining("junk.png");
    }
}
