package org.echomask.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowRendererTest {
    private static final int RATE = 16_000;

    /** A small origin-like transform: Hann 256/128, dB, resized on both axes. */
    private static final SpectrogramTransform SMALL = SpectrogramTransform.builder(SpectrogramTransform.ORIGIN)
            .name("small").sampleRate(RATE).nFft(256).hop(128).fminHz(0).fmaxHz(8_000).outputSize(32, 40).build();

    @Test
    void overlappingWindowsRenderAsEachWindowAloneWithHalfTheFrames() {
        float[] signal = signal(5 * RATE);
        Windows w = cut(signal, 16_384, 8_192); // windows overlapping by half, starts on the frame grid
        WindowRenderer r = new WindowRenderer(SMALL, RATE);
        assertSameAsApply(SMALL, w, r.render(w.signal, w.offsets, w.length));
        // 129 frames per window, 127 of them interior and shared with a neighbour but in the first
        // and last half-windows.
        long alone = (long) w.offsets.length * Stft.frameCount(16_384, 256, 128, true);
        assertThat(r.framesComputed() + r.framesReused()).isEqualTo(alone);
        assertThat((double) r.framesComputed() / alone).isBetween(0.5, 0.6);
    }

    @Test
    void melPcenAndPerImageTransformsShareExactlyToo() {
        SpectrogramTransform mel = SpectrogramTransform.builder(SMALL).name("mel").window(WindowType.HAMMING).fminHz(100)
                .fmaxHz(7_000).melBands(40).melScale(MelScale.SLANEY).outputSize(24, 50).normalisation(Normalisation.PER_IMAGE)
                .build();
        SpectrogramTransform pcen = SpectrogramTransform.builder(mel).name("pcen").pcen(PcenConfig.defaults())
                .outputSize(0, 31).build();
        float[] signal = signal(3 * RATE + 77);
        for (SpectrogramTransform t : List.of(mel, pcen)) {
            Windows w = cut(signal, RATE, 4_096);
            WindowRenderer r = new WindowRenderer(t, RATE);
            assertSameAsApply(t, w, r.render(w.signal, w.offsets, w.length));
            assertThat(r.framesReused()).isPositive();
        }
    }

    @Test
    void windowHopsOffTheFrameGridStillRenderExactly() {
        float[] signal = signal(3 * RATE);
        Windows w = cut(signal, RATE, 4_800); // 37.5 frame hops: only every other window lines up
        WindowRenderer r = new WindowRenderer(SMALL, RATE);
        assertSameAsApply(SMALL, w, r.render(w.signal, w.offsets, w.length));
    }

    @Test
    void transformsWithoutATimeResizeAreRenderedOneByOne() {
        SpectrogramTransform native_ = SpectrogramTransform.builder(SMALL).name("native").outputSize(32, 0).build();
        Windows w = cut(signal(2 * RATE), RATE, RATE / 2);
        WindowRenderer r = new WindowRenderer(native_, RATE);
        assertSameAsApply(native_, w, r.render(w.signal, w.offsets, w.length));
        assertThat(r.framesReused()).isZero();
    }

    @Test
    void frequencyFirstResizeDiffersFromTheTwoPassAreaResizeOnlyByRounding() {
        float[] x = signal(RATE);
        SpectrogramTransform power = SpectrogramTransform.builder(SMALL).name("p").scale(Scale.POWER)
                .normalisation(Normalisation.NONE).build();
        float[][] full = Stft.power(x, Stft.window(WindowType.HANN, 256), 128, true, 0, 128);
        float[][] twoPass = Resize.area(full, 32, 40);
        float[][] columnwise = power.apply(x, RATE).values();
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 40; c++) {
                assertThat((double) columnwise[r][c]).isCloseTo(twoPass[r][c], org.assertj.core.data.Offset.offset(
                        1e-5 * Math.abs(twoPass[r][c]) + 1e-30));
            }
        }
    }

    @Test
    void resizePlanMatchesTheLineResampleFloatForFloat() {
        Random rnd = new Random(3);
        for (int[] mn : new int[][] {{1001, 128}, {513, 128}, {7, 3}, {3, 7}, {128, 128}, {10, 1}}) {
            float[] x = new float[mn[0]];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rnd.nextGaussian();
            }
            float[] y = new float[mn[1]];
            Resize.plan(mn[0], mn[1]).apply(x, y);
            assertThat(y).containsExactly(referenceResample(x, mn[1]));
        }
    }

    /** The overlap-weighted mean as first written (weights recomputed per cell). */
    private static float[] referenceResample(float[] x, int n) {
        int m = x.length;
        float[] y = new float[n];
        double ratio = m / (double) n;
        for (int j = 0; j < n; j++) {
            double a = j * ratio;
            double b = (j + 1) * ratio;
            int i0 = (int) Math.floor(a);
            int i1 = Math.min(m - 1, (int) Math.ceil(b) - 1);
            double acc = 0;
            double wsum = 0;
            for (int i = i0; i <= i1; i++) {
                double w = Math.min(b, i + 1) - Math.max(a, i);
                if (w > 0) {
                    acc += w * x[i];
                    wsum += w;
                }
            }
            y[j] = (float) (wsum > 0 ? acc / wsum : x[Math.min(i0, m - 1)]);
        }
        return y;
    }

    private static void assertSameAsApply(SpectrogramTransform t, Windows w, List<Spectrogram> shared) {
        assertThat(shared).hasSize(w.offsets.length);
        for (int i = 0; i < shared.size(); i++) {
            int o = w.offsets[i];
            Spectrogram alone = t.apply(Arrays.copyOfRange(w.signal, o, o + w.length), RATE);
            Spectrogram s = shared.get(i);
            assertThat(s.values()).as("window %d of %s", i, t.name()).isDeepEqualTo(alone.values());
            assertThat(s.frequenciesHz()).containsExactly(alone.frequenciesHz());
            assertThat(s.timesSeconds()).containsExactly(alone.timesSeconds());
        }
    }

    private record Windows(float[] signal, int[] offsets, int length) {}

    /** Windows of {@code window} samples every {@code hop}, from sample 5 on (so the span starts before the first). */
    private static Windows cut(float[] signal, int window, int hop) {
        List<Integer> offsets = new ArrayList<>();
        for (int s = 5; s + window <= signal.length; s += hop) {
            offsets.add(s);
        }
        return new Windows(signal, offsets.stream().mapToInt(Integer::intValue).toArray(), window);
    }

    /** Noise, a tone and a chirp. */
    private static float[] signal(int n) {
        Random rnd = new Random(7);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            x[i] = (float) (0.05 * rnd.nextGaussian() + 0.3 * Math.sin(2 * Math.PI * 1_500 * t)
                    + 0.2 * Math.sin(2 * Math.PI * (2_000 + 1_500 * t) * t));
        }
        return x;
    }
}
