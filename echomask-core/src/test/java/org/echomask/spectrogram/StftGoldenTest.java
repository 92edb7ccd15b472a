package org.echomask.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** STFT power, windows, centre padding and crop against numpy/scipy references. */
class StftGoldenTest {
    private static final JsonNode CASES = Golden.cases();
    private static final int RATE = CASES.get("rate").asInt();

    /** Float FFT noise relative to the largest power: bins far below it are compared absolutely. */
    static double floor(float[][] expected) {
        return 1e-7 * Golden.max(expected);
    }

    @Test
    void windowsArePeriodicScipyWindows() {
        for (JsonNode c : CASES.get("windows")) {
            double[] w = WindowType.of(c.get("window").asText()).coefficients(c.get("n").asInt());
            Golden.assertClose(w, Golden.vector(c.get("file").asText()), 1e-6, 1e-7);
        }
    }

    @Test
    void powerMatchesNumpyRfftOfPaddedWindowedFrames() {
        float[] x = Golden.signal();
        for (JsonNode c : CASES.get("stft")) {
            float[][] expected = Golden.matrix(c.get("file").asText());
            float[][] p = Stft.power(x, Stft.window(WindowType.of(c.get("window").asText()), c.get("n_fft").asInt()),
                    c.get("hop").asInt(), c.get("center").asBoolean(), 0, c.get("n_fft").asInt() / 2);
            assertThat(p[0]).as("frames of %s", c.get("file")).hasSize(c.get("frames").asInt());
            Golden.assertClose(p, expected, 1e-4, floor(expected));
        }
    }

    @Test
    void powerEqualsScipyStftTimesWindowSumSquared() {
        float[] x = Golden.signal();
        int checked = 0;
        for (JsonNode c : CASES.get("stft")) {
            if (!c.has("scipy_file")) {
                continue;
            }
            float[][] scipy = Golden.matrix(c.get("scipy_file").asText());
            double s2 = Math.pow(c.get("window_sum").asDouble(), 2);
            for (float[] row : scipy) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (float) (row[i] * s2);
                }
            }
            float[][] p = Stft.power(x, Stft.window(WindowType.of(c.get("window").asText()), c.get("n_fft").asInt()),
                    c.get("hop").asInt(), true, 0, c.get("n_fft").asInt() / 2);
            Golden.assertClose(p, scipy, 1e-4, floor(scipy));
            checked++;
        }
        assertThat(checked).isEqualTo(2);
    }

    @Test
    void energyThroughTheTransformIsTheSameGridWithCentredTimes() {
        JsonNode c = CASES.get("stft").get(0);
        SpectrogramTransform t = SpectrogramTransform.builder(SpectrogramTransform.ORIGIN).name("g").sampleRate(RATE)
                .nFft(256).hop(64).fminHz(0).fmaxHz(0).outputSize(0, 0).build();
        Spectrogram s = SpectrogramRenderer.energy(t, Golden.signal(), RATE);
        float[][] expected = Golden.matrix(c.get("file").asText());
        Golden.assertClose(s.values(), expected, 1e-4, floor(expected));
        // Centred frame f is centred on sample f·hop: times are f·hop/rate, like scipy's t.
        assertThat(s.timesSeconds()[0]).isEqualTo(0.0);
        assertThat(s.timesSeconds()[10]).isEqualTo(10 * 64.0 / RATE);
        assertThat(s.frequenciesHz()[1]).isEqualTo(RATE / 256.0);
        assertThat(s.window()).isEqualTo("hann");
    }

    @Test
    void signalsShorterThanOneFrameGiveOneZeroPaddedFrame() {
        JsonNode c = CASES.get("short");
        float[] x = Arrays.copyOf(Golden.signal(), c.get("length").asInt());
        for (boolean center : new boolean[] {true, false}) {
            float[][] expected = Golden.matrix(c.get(center ? "centered" : "uncentered").asText());
            float[][] p = Stft.power(x, Stft.window(WindowType.HANN, 256), 64, center, 0, 128);
            Golden.assertClose(p, expected, 1e-4, floor(expected));
        }
        assertThat(Stft.frameCount(100, 256, 64, false)).isEqualTo(1);
        assertThat(Stft.frameCount(100, 256, 64, true)).isEqualTo(2);
        assertThat(Stft.frameCount(1000, 256, 64, false)).isEqualTo(1 + (1000 - 256) / 64);
    }

    @Test
    void cropKeepsBinsWhoseCentreIsInsideTheBand() {
        for (JsonNode c : CASES.get("crop")) {
            SpectrogramTransform t = SpectrogramTransform.builder(SpectrogramTransform.ORIGIN).name("crop")
                    .sampleRate(RATE).nFft(c.get("n_fft").asInt()).hop(64).fminHz(c.get("fmin").asDouble())
                    .fmaxHz(c.get("fmax").asDouble()).build();
            assertThat(SpectrogramRenderer.cropBins(t, RATE)).as(c.toString())
                    .containsExactly(c.get("lo").asInt(), c.get("hi").asInt());
            Spectrogram s = SpectrogramRenderer.energy(SpectrogramTransform.builder(t).outputSize(0, 0).build(),
                    Golden.signal(), RATE);
            assertThat(s.frequencyBins()).isEqualTo(c.get("hi").asInt() - c.get("lo").asInt() + 1);
            assertThat(s.frequenciesHz()[0]).isEqualTo(c.get("lo").asInt() * RATE / (double) c.get("n_fft").asInt());
        }
    }

    @Test
    void fusedDbPathEqualsPowerThenDb() {
        float[] x = Golden.signal();
        float[] w = Stft.window(WindowType.BLACKMAN, 128);
        float[][] p = Stft.power(x, w, 32, true, 0, 64);
        Decibels.toDbInPlace(p, 1e-6, null);
        assertThat(Stft.powerDb(x, w, 32, true, 0, 64, 1e-6)).isDeepEqualTo(p);
        SpectrogramTransform full = SpectrogramTransform.builder(SpectrogramTransform.ORIGIN).name("full")
                .sampleRate(RATE).nFft(128).hop(32).window(WindowType.BLACKMAN).fmaxHz(0).outputSize(0, 0)
                .dbFloor(1e-6).topDb(50.0).normalisation(Normalisation.PER_IMAGE).build();
        float[][] viaEnergy = SpectrogramRenderer.energy(full, x, RATE).values();
        SpectrogramRenderer.scaleInPlace(viaEnergy, full);
        SpectrogramRenderer.normaliseInPlace(viaEnergy, Normalisation.PER_IMAGE);
        assertThat(full.apply(x, RATE).values()).isDeepEqualTo(viaEnergy);
    }

    @Test
    void parallelPathGivesTheSameValuesAsOneKernel() {
        float[] x = new float[300_000];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] w = Stft.window(WindowType.HANN, 1024);
        float[][] parallel = Stft.power(x, w, 512, true, 3, 400);
        int frames = Stft.frameCount(x.length, 1024, 512, true);
        float[][] serial = new float[398][frames];
        new Stft.Kernel(w, 3, 400).frames(x, 512, 512, 0, frames, serial);
        assertThat(parallel).isDeepEqualTo(serial);
    }
}
