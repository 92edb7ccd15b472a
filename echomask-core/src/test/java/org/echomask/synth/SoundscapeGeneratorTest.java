package org.echomask.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

class SoundscapeGeneratorTest {
    private static final SynthConfig SHORT = SynthConfig.of(SynthProfile.ORIGIN).withDuration(0.5);

    @Test
    void sameSeedAndIndexGiveIdenticalClipsWhateverWasGeneratedBefore() {
        SyntheticClip first = SoundscapeGenerator.generate(42, 3, SHORT);
        for (int i = 0; i < 3; i++) {
            SoundscapeGenerator.generate(42, i, SHORT);
        }
        SyntheticClip again = SoundscapeGenerator.generate(42, 3, SHORT);
        assertThat(again.mix()).containsExactly(first.mix());
        assertThat(again.noise()).containsExactly(first.noise());
        assertThat(again.clean().keySet()).isEqualTo(first.clean().keySet());
        first.clean().forEach((label, stem) -> assertThat(again.clean().get(label)).containsExactly(stem));
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(again.id()).isEqualTo("origin-42-000003");
    }

    @Test
    void otherIndexOrSeedGivesAnotherClip() {
        float[] a = SoundscapeGenerator.generate(42, 3, SHORT).mix();
        assertThat(SoundscapeGenerator.generate(42, 4, SHORT).mix()).isNotEqualTo(a);
        assertThat(SoundscapeGenerator.generate(43, 3, SHORT).mix()).isNotEqualTo(a);
    }

    @Test
    void allEightLabelCombinationsOccurInTheOriginProfile() {
        SynthConfig tiny = SynthConfig.of(SynthProfile.ORIGIN).withDuration(0.2);
        Set<Set<String>> seen = new HashSet<>();
        int multi = 0;
        int vessel = 0;
        for (int i = 0; i < 200; i++) {
            SyntheticClip clip = SoundscapeGenerator.generate(7, i, tiny);
            seen.add(Set.copyOf(clip.labels()));
            multi += clip.labels().size() > 1 ? 1 : 0;
            vessel += clip.vesselPresent() ? 1 : 0;
            assertThat(clip.events().stream().map(Selection::label).distinct().sorted().toList())
                    .isEqualTo(List.copyOf(clip.labels()));
        }
        assertThat(seen).hasSize(8).contains(Set.of());
        // Independent labels at p = 0.5: half the clips have two or more labels, 30 % a vessel.
        assertThat(multi).isBetween(75, 125);
        assertThat(vessel).isBetween(35, 85);
    }

    @Test
    void stemsSumToTheMixAndPeaksKeepHeadroom() {
        for (int i = 0; i < 6; i++) {
            SyntheticClip clip = SoundscapeGenerator.generate(11, i, SHORT);
            float[] sum = clip.noise().clone();
            for (String label : Labels.ALL) {
                float[] stem = clip.clean().get(label);
                if (stem != null) {
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += stem[k];
                    }
                }
            }
            assertThat(sum).containsExactly(clip.mix());
            float peak = 0;
            for (float v : clip.mix()) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertThat(peak).isLessThanOrEqualTo((float) SHORT.peakLevel() + 1e-6f).isGreaterThan(0f);
        }
    }

    /**
     * The SNR of every event, re-measured independently with a Hann STFT (power of the label's
     * stem vs the noise stem, frames centred in the span, bins in the band), is within 1 dB of
     * what was asked — also through the shifted profile's sensor response.
     */
    @ParameterizedTest
    @ValueSource(doubles = {-5, 5, 12})
    void eventSnrMatchesTheRequestedValue(double snrDb) {
        SpectrogramTransform stft = new SpectrogramTransform("snr", 0, WindowType.HANN, 1024, 256, true, Scale.POWER,
                1e-10, null, 0, 0, 0, null, null, 0, 0, Normalisation.NONE);
        for (SynthProfile base : List.of(SynthProfile.ORIGIN, SynthProfile.SHIFTED)) {
            SynthConfig config = new SynthConfig(TestProfiles.allLabelsOnce(base, snrDb, 0.5), 288_000, 1.0, 0.5);
            for (int i = 0; i < 2; i++) {
                SyntheticClip clip = SoundscapeGenerator.generate(5, i, config);
                Spectrogram noise = SpectrogramRenderer.energy(stft, clip.noise(), clip.sampleRate());
                for (Selection e : clip.events()) {
                    Spectrogram signal = SpectrogramRenderer.energy(stft, clip.clean().get(e.label()), clip.sampleRate());
                    double measured = 10 * Math.log10(boxEnergy(signal, e) / boxEnergy(noise, e));
                    assertThat(Double.parseDouble(e.extra().get("snr_db"))).isEqualTo(snrDb, within(0.01));
                    assertThat(measured).as("%s %s", base.name(), e).isCloseTo(snrDb, within(1.0));
                }
            }
        }
    }

    private static double boxEnergy(Spectrogram s, Selection e) {
        double sum = 0;
        for (int r = 0; r < s.frequencyBins(); r++) {
            double f = s.frequenciesHz()[r];
            if (f < e.lowFreqHz() || f > e.highFreqHz()) {
                continue;
            }
            for (int c = 0; c < s.frames(); c++) {
                double t = s.timesSeconds()[c];
                if (t >= e.begin() && t <= e.end()) {
                    sum += s.values()[r][c];
                }
            }
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(ints = {48_000, 96_000, 288_000, 384_000})
    void anyRateFromFortyEightKilohertzWorksAndDropsWhatCannotBeRepresented(int rate) {
        SynthConfig config = new SynthConfig(TestProfiles.allLabelsOnce(SynthProfile.ORIGIN, 5, 1), rate, 0.5, 0.5);
        for (int i = 0; i < 3; i++) {
            SyntheticClip clip = SoundscapeGenerator.generate(9, i, config);
            assertThat(clip.mix()).hasSize(rate / 2);
            assertThat(clip.labels()).contains(Labels.BELUGA_WHISTLE);
            // Porpoise clicks (125–140 kHz) exist only where Nyquist reaches close to them.
            assertThat(clip.labels().contains(Labels.PORPOISE_CLICK)).isEqualTo(rate >= 288_000);
            for (Selection e : clip.events()) {
                assertThat(e.end()).isLessThanOrEqualTo(0.5);
                assertThat(e.highFreqHz()).isLessThanOrEqualTo(rate / 2.0);
                assertThat(e.lowFreqHz()).isLessThan(e.highFreqHz());
            }
            for (float v : clip.mix()) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }

    @Test
    void overlapPlacesEventsOfDifferentLabelsAroundOneTime() {
        SynthProfile base = TestProfiles.allLabelsOnce(SynthProfile.ORIGIN, 5, 0);
        SynthProfile overlapping = new SynthProfile("overlap", 1, 1, 1, 1, base.whistle(), base.belugaClick(),
                base.porpoiseClick(), base.vessel(), base.ambient(), base.sensor());
        SynthConfig config = new SynthConfig(overlapping, 288_000, 2.0, 0.5);
        for (int i = 0; i < 5; i++) {
            List<Selection> events = SoundscapeGenerator.generate(3, i, config).events();
            double latestBegin = events.stream().mapToDouble(Selection::begin).max().orElseThrow();
            double earliestEnd = events.stream().mapToDouble(Selection::end).min().orElseThrow();
            // A click train's first click may start a quarter ICI after the drawn start time.
            assertThat(latestBegin).isLessThanOrEqualTo(earliestEnd + 0.02);
        }
    }
}
