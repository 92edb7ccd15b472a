package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static final String RATIOS = "44100, 32000\n40000, 288000\n166000, 288000\n96000, 16000\n48000, 44100\n8000, 24000";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = RATIOS)
    void matchesScipyResamplePoly(int from, int to) {
        float[] x = Golden.npy("resample_in.npy");
        float[] expected = Golden.npy("resample_" + from + "_" + to + ".npy");
        float[] y = Resampler.resample(x, from, to);
        assertThat(y).hasSize(expected.length);
        assertThat(Golden.maxAbsDiff(y, expected)).isLessThan(1e-5);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = RATIOS)
    void streamingInBlocksEqualsOneShot(int from, int to) {
        float[] x = Golden.npy("resample_in.npy");
        float[] oneShot = Resampler.resample(x, from, to);
        Random rnd = new Random(from ^ to);
        Resampler r = Resampler.of(from, to);
        float[] out = new float[0];
        int pos = 0;
        while (pos < x.length) {
            int n = Math.min(x.length - pos, rnd.nextInt(90)); // includes empty blocks
            out = concat(out, r.process(x, pos, n));
            pos += n;
        }
        out = concat(out, r.flush());
        assertThat(out).containsExactly(oneShot);
    }

    /** Issue 13: 20·factor overflowed an int, and the error said only "-19". */
    @ParameterizedTest
    @CsvSource({"2147483647,32000", "200000033,32000", "32000,2147483647"})
    void ratiosWhoseFilterCannotBeBuiltAreRefusedNamingTheRates(int from, int to) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Resampler.of(from, to))
                .isInstanceOf(org.echomask.EchomaskException.class)
                .hasMessageContaining(from + " Hz to " + to + " Hz").hasMessageContaining("sample rate");
    }

    @Test
    void theLargestAllowedFactorStillBuilds() {
        assertThat(Resampler.of(Resampler.MAX_FACTOR, 1).down()).isEqualTo(Resampler.MAX_FACTOR);
    }

    @Test
    void reducesTheRatioAndKeepsIdentity() {
        Resampler r = Resampler.of(44100, 32000);
        assertThat(r.up()).isEqualTo(320);
        assertThat(r.down()).isEqualTo(441);
        float[] x = {1, 2, 3};
        assertThat(Resampler.resample(x, 16000, 16000)).containsExactly(1, 2, 3).isNotSameAs(x);
        assertThat(Resampler.resamplePoly(new float[0], 3, 2)).isEmpty();
        assertThat(Resampler.resamplePoly(new float[7], 3, 2)).hasSize(11); // ceil(7 * 3 / 2)
    }

    @Test
    void passesInBandTonesAndRemovesAliases() {
        int from = 48000;
        int to = 16000;
        float[] x = new float[48000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (Math.sin(2 * Math.PI * 1000 * i / from) + Math.sin(2 * Math.PI * 12000 * i / from));
        }
        float[] y = Resampler.resample(x, from, to);
        // Away from the edges the 12 kHz tone (above the new Nyquist) is gone, the 1 kHz one intact.
        double err = 0;
        for (int i = 1000; i < y.length - 1000; i++) {
            err = Math.max(err, Math.abs(y[i] - Math.sin(2 * Math.PI * 1000 * i / to)));
        }
        assertThat(err).isLessThan(0.01);
    }

    @Test
    void filterMatchesScipyDesignProperties() {
        double[] h = Resampler.lowPass(1, 4);
        assertThat(h).hasSize(81);
        assertThat(Arrays.stream(h).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(h[0]).isCloseTo(h[80], within(1e-15));
        assertThat(Resampler.besselI0(5.0)).isCloseTo(27.239871823604442, within(1e-12));
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
