package org.echomask.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.echomask.label.Selection;
import org.echomask.spectrogram.Normalisation;
import org.echomask.spectrogram.Scale;
import org.echomask.spectrogram.Spectrogram;
import org.echomask.spectrogram.SpectrogramRenderer;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.spectrogram.WindowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourcesTest {
    private static final SpectrogramTransform STFT = new SpectrogramTransform("test", 0, WindowType.HANN, 1024, 256, true,
            Scale.POWER, 1e-10, null, 0, 0, 0, null, null, 0, 0, Normalisation.NONE);

    /** Power summed over time, per frequency bin. */
    private static double[] spectrum(float[] x, int rate) {
        Spectrogram s = SpectrogramRenderer.energy(STFT, x, rate);
        double[] p = new double[s.frequencyBins()];
        for (int r = 0; r < p.length; r++) {
            for (float v : s.values()[r]) {
                p[r] += v;
            }
        }
        return p;
    }

    private static double peakHz(float[] x, int rate) {
        double[] p = spectrum(x, rate);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        return best * rate / 1024.0;
    }

    private static double bandShare(float[] x, int rate, double lowHz, double highHz) {
        double[] p = spectrum(x, rate);
        double in = 0;
        double all = 0;
        for (int k = 0; k < p.length; k++) {
            double f = k * rate / 1024.0;
            all += p[k];
            in += f >= lowHz && f <= highHz ? p[k] : 0;
        }
        return in / all;
    }

    @ParameterizedTest
    @ValueSource(ints = {288_000, 384_000})
    void porpoiseClicksPeakBetween125And140Kilohertz(int rate) {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 5; i++) {
            ClickTrain.Params p = ClickTrain.draw(SynthProfile.ORIGIN.porpoiseClick(), Labels.PORPOISE_CLICK, rng, 0.4);
            SourceSignal s = ClickTrain.render(p, 0.05, rate, rate / 2, rng);
            assertThat(s.events()).hasSize(1);
            assertThat(peakHz(s.samples(), rate)).isBetween(125_000.0, 140_000.0);
            assertThat(bandShare(s.samples(), rate, 100_000, 160_000)).isGreaterThan(0.99);
            Selection e = s.events().get(0);
            assertThat(e.highFreqHz()).isLessThanOrEqualTo(rate / 2.0);
            assertThat(p.sigmaHz()).isBetween(5_000.0, 9_000.0);
        }
    }

    @Test
    void belugaClicksAreBroadbandWithPeakBetween40And100Kilohertz() {
        SplittableRandom rng = new SplittableRandom(2);
        int rate = 288_000;
        for (int i = 0; i < 5; i++) {
            ClickTrain.Params p = ClickTrain.draw(SynthProfile.ORIGIN.belugaClick(), Labels.BELUGA_CLICK, rng, 0.4);
            SourceSignal s = ClickTrain.render(p, 0.05, rate, rate / 2, rng);
            assertThat(peakHz(s.samples(), rate)).isBetween(38_000.0, 102_000.0);
            assertThat(bandShare(s.samples(), rate, 10_000, 130_000)).isGreaterThan(0.97);
            Selection e = s.events().get(0);
            assertThat(e.highFreqHz() - e.lowFreqHz()).isGreaterThan(40_000);
        }
    }

    @Test
    void clickIntervalsStayInRangeAndClickLengthMatchesItsDuration() {
        int rate = 288_000;
        ClickTrain.Params p = new ClickTrain.Params(Labels.PORPOISE_CLICK, 0.5, 30, 80, 130_000, 0, 100, 0, 0, 0);
        float[] x = ClickTrain.render(p, 0.0, rate, rate, new SplittableRandom(3)).samples();
        // Envelope peaks: local maxima of |x| above half the global peak, merged within 1 ms.
        java.util.List<Integer> peaks = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > 0.5) {
                if (peaks.isEmpty() || i - peaks.get(peaks.size() - 1) > rate / 1000) {
                    peaks.add(i);
                }
            }
        }
        assertThat(peaks.size()).isBetween(6, 17);
        for (int k = 1; k < peaks.size(); k++) {
            double iciMs = (peaks.get(k) - peaks.get(k - 1)) * 1000.0 / rate;
            assertThat(iciMs).isBetween(29.0, 81.0);
        }
        // The −20 dB envelope width (|x| > 0.1 around the first click) is about the 100 µs asked.
        int centre = peaks.get(0);
        int from = centre;
        int to = centre;
        while (from > 0 && Math.abs(x[from - 1]) > 0.02 || hasAbove(x, from - 4, from, 0.1)) {
            from--;
        }
        while (to < x.length - 1 && hasAbove(x, to, to + 4, 0.1)) {
            to++;
        }
        assertThat((to - from) * 1e6 / rate).isBetween(70.0, 130.0);
    }

    private static boolean hasAbove(float[] x, int from, int to, double level) {
        for (int i = Math.max(0, from); i < Math.min(x.length, to); i++) {
            if (Math.abs(x[i]) > level) {
                return true;
            }
        }
        return false;
    }

    @Test
    void gaussianPulseHasUnitPeakWhenRepresentable() {
        float[] pulse = Spectral.gaussianPulse(256, 288_000, 60_000, 10_000, 0, 0);
        float peak = 0;
        for (float v : pulse) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak).isCloseTo(1f, within(0.02f));
        assertThat(pulse[128]).isCloseTo(1f, within(0.02f));
        // A fractional delay moves the energy centroid by that fraction (delay, not advance).
        float[] late = Spectral.gaussianPulse(256, 288_000, 60_000, 10_000, 0.7, 0.3);
        double weighted = 0;
        double energy = 0;
        for (int i = 0; i < late.length; i++) {
            weighted += i * (double) late[i] * late[i];
            energy += (double) late[i] * late[i];
        }
        assertThat(weighted / energy).isCloseTo(128.3, within(0.02));
    }

    @Test
    void whistleFollowsItsContourWithDecreasingHarmonics() {
        int rate = 96_000;
        BelugaWhistle.Params p = new BelugaWhistle.Params(0.4, 4_000, 2_000, 0, 2_000, 12_000, 5, 0, 0, 3, 6, 0.1);
        SourceSignal s = BelugaWhistle.render(p, 0.05, rate, rate / 2, new SplittableRandom(4));
        Selection e = s.events().get(0);
        assertThat(e.begin()).isCloseTo(0.05, within(1e-4));
        assertThat(e.end()).isCloseTo(0.45, within(1e-4));
        assertThat(e.lowFreqHz()).isCloseTo(3_750, within(10.0));
        assertThat(e.highFreqHz()).isCloseTo(3 * 6_000 + 250, within(20.0));
        assertThat(bandShare(s.samples(), rate, 4_000, 6_000)).isGreaterThan(bandShare(s.samples(), rate, 8_000, 12_000));
        assertThat(bandShare(s.samples(), rate, 8_000, 12_000)).isGreaterThan(bandShare(s.samples(), rate, 12_000, 18_000));
        assertThat(bandShare(s.samples(), rate, 3_500, 18_500)).isGreaterThan(0.99);
        // Silent before the call, and the onset ramps up rather than jumping.
        assertThat(s.samples()[(int) (0.04 * rate)]).isZero();
        assertThat(Math.abs(s.samples()[(int) (0.05 * rate) + 2])).isLessThan(0.05f);
        // Convex contour: the middle is above the straight line between the ends.
        BelugaWhistle.Params convex = new BelugaWhistle.Params(1, 4_000, 0, 2_000, 2_000, 12_000, 5, 0, 0, 1, 6, 0.1);
        assertThat(BelugaWhistle.fundamentalAt(convex, 0.5)).isCloseTo(6_000, within(1e-6));
    }

    @Test
    void harmonicsAboveNyquistAreLeftOut() {
        BelugaWhistle.Params p = new BelugaWhistle.Params(0.3, 10_000, 0, 0, 2_000, 12_000, 5, 0, 0, 3, 6, 0.1);
        SourceSignal s = BelugaWhistle.render(p, 0.0, 48_000, 24_000, new SplittableRandom(5));
        // 2 × 10 kHz fits below 95 % of 24 kHz, 3 × 10 kHz does not.
        assertThat(s.events().get(0).highFreqHz()).isCloseTo(20_250, within(1.0));
    }

    @Test
    void vesselNoiseIsLowFrequencyAndFollowsThePass() {
        int rate = 96_000;
        VesselNoise.Spec spec = new VesselNoise.Spec(1, Range.constant(0), Range.constant(300), Range.constant(2.5),
                Range.constant(10), Range.constant(5), Range.constant(2), Range.of(50, 500), Range.constant(-6),
                Range.constant(0.3), Range.constant(0.0), Range.constant(0.3));
        float[] x = VesselNoise.render(spec, rate, rate, 0.01, new SplittableRandom(6));
        assertThat(bandShare(x, rate, 0, 5_000)).isGreaterThan(0.9);
        assertThat(bandShare(x, rate, 5_000, 48_000)).isGreaterThan(1e-4);
        // CPA at t = 0 with a 0.3 s pass width: the level falls along the clip.
        assertThat(Spectral.rms(x, 0, rate / 10)).isGreaterThan(2 * Spectral.rms(x, rate * 9 / 10, rate));
        assertThat(Spectral.rms(x, 0, rate / 10)).isCloseTo(0.01, within(0.004));
    }

    @Test
    void ambientNoiseHasItsColourAndShrimpSnaps() {
        int rate = 96_000;
        AmbientNoise.Spec pink = new AmbientNoise.Spec(Range.constant(-40), Range.constant(1), 100, Range.constant(-80),
                Range.constant(0), Range.constant(10), Range.constant(50));
        AmbientNoise.Spec brown = new AmbientNoise.Spec(Range.constant(-40), Range.constant(2), 100, Range.constant(-80),
                Range.constant(0), Range.constant(10), Range.constant(50));
        float[] p = AmbientNoise.render(pink, rate, rate, 0.01, new SplittableRandom(7));
        float[] b = AmbientNoise.render(brown, rate, rate, 0.01, new SplittableRandom(7));
        assertThat(Spectral.rms(p, 0, p.length)).isCloseTo(0.01, within(1e-4));
        // PSD ∝ f^-β: one decade from 1 kHz to 10 kHz costs 10·β dB per Hz.
        double pinkDrop = 10 * Math.log10(psd(p, rate, 1_000, 2_000) / psd(p, rate, 10_000, 20_000));
        double brownDrop = 10 * Math.log10(psd(b, rate, 1_000, 2_000) / psd(b, rate, 10_000, 20_000));
        assertThat(pinkDrop).isCloseTo(10, within(1.5));
        assertThat(brownDrop).isCloseTo(20, within(1.5));

        AmbientNoise.Spec shrimp = new AmbientNoise.Spec(Range.constant(-40), Range.constant(1), 100, Range.constant(-80),
                Range.constant(200), Range.constant(20), Range.constant(50));
        float[] s = AmbientNoise.render(shrimp, rate, rate, 0.01, new SplittableRandom(7));
        // Snaps peak at 0.1 (20 dB over the 0.01 RMS); Gaussian noise alone almost never reaches 0.05.
        int snaps = 0;
        for (int i = 0; i < s.length; i += rate / 1000) {
            float max = 0;
            for (int k = i; k < Math.min(s.length, i + rate / 1000); k++) {
                max = Math.max(max, Math.abs(s[k]));
            }
            snaps += max > 0.05 ? 1 : 0;
        }
        assertThat(snaps).isBetween(150, 250);
        assertThat(bandShare(s, rate, 20_000, 48_000)).isGreaterThan(2 * bandShare(p, rate, 20_000, 48_000));
    }

    private static double psd(float[] x, int rate, double lowHz, double highHz) {
        return Spectral.bandEnergy(x, 0, x.length, rate, lowHz, highHz) / (highHz - lowHz);
    }

    @Test
    void sensorResponseShapesTheSpectrum() {
        SensorResponse s = SynthProfile.SHIFTED.sensor();
        assertThat(s.gain(28_000)).isGreaterThan(1.8);
        assertThat(s.gain(90_000)).isCloseTo(Math.sqrt(0.5), within(0.05));
        assertThat(s.gain(140_000)).isLessThan(0.2);
        assertThat(s.gain(50)).isLessThan(0.1);
        assertThat(SensorResponse.flat().gain(123_000)).isEqualTo(1.0);
        float[] x = new float[4096];
        x[2048] = 1;
        float[] y = s.apply(x, 288_000);
        assertThat(y).hasSize(4096);
        // The response is zero-phase: the filtered impulse stays centred.
        int argmax = 0;
        for (int i = 0; i < y.length; i++) {
            argmax = Math.abs(y[i]) > Math.abs(y[argmax]) ? i : argmax;
        }
        assertThat(argmax).isEqualTo(2048);
    }
}
