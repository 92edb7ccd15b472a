package org.echomask.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.echomask.label.Selection;
import org.echomask.spectrogram.Spectrogram;
import org.echomask.spectrogram.SpectrogramRenderer;
import org.echomask.spectrogram.SpectrogramTransform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroundTruthMaskTest {
    private static final SpectrogramTransform ORIGIN = SpectrogramTransform.ORIGIN;
    private static List<SyntheticClip> clips;

    /** Two-second clips with all three labels at a moderate 5 dB band SNR, with and without vessels. */
    @BeforeAll
    static void generate() {
        SynthConfig config = new SynthConfig(TestProfiles.allLabelsOnce(SynthProfile.ORIGIN, 5, 0.5), 288_000, 2.0, 0.5);
        clips = List.of(SoundscapeGenerator.generate(21, 0, config), SoundscapeGenerator.generate(21, 1, config),
                SoundscapeGenerator.generate(21, 2, config));
    }

    @Test
    void maskIsOnTheTransformGrid() {
        SyntheticClip clip = clips.get(0);
        boolean[][] mask = GroundTruthMask.render(clip, ORIGIN);
        assertThat(mask).hasNumberOfRows(128);
        assertThat(mask[0]).hasSize(128);
        int start = 100_000;
        int end = 100_000 + 288_000;
        boolean[][] window = GroundTruthMask.render(clip, SpectrogramTransform.ALTERNATIVE, start, end);
        Spectrogram s = SpectrogramTransform.ALTERNATIVE.apply(java.util.Arrays.copyOfRange(clip.mix(), start, end), 288_000);
        assertThat(window.length).isEqualTo(s.frequencyBins());
        assertThat(window[0].length).isEqualTo(s.frames());
    }

    /**
     * On the 128×128 ORIGIN grid every whistle, beluga click train and porpoise click train
     * shows up in its label's mask, and every mask pixel lies in one of that label's event boxes
     * (widened by one grid cell and half an FFT window for leakage and the resize).
     */
    @Test
    void everyEventIsVisibleAndMaskPixelsStayInsideEventBoxes() {
        for (SyntheticClip clip : clips) {
            assertThat(clip.labels()).containsExactlyElementsOf(Labels.ALL);
            Spectrogram grid = SpectrogramRenderer.energy(ORIGIN, clip.mix(), clip.sampleRate());
            double rowHz = grid.frequenciesHz()[1] - grid.frequenciesHz()[0];
            double colS = grid.timesSeconds()[1] - grid.timesSeconds()[0];
            double slackS = colS + ORIGIN.nFft() / 2.0 / clip.sampleRate();
            Map<String, boolean[][]> perLabel = GroundTruthMask.perLabel(clip, ORIGIN);
            boolean[][] union = GroundTruthMask.render(clip, ORIGIN);
            for (Map.Entry<String, boolean[][]> entry : perLabel.entrySet()) {
                boolean[][] mask = entry.getValue();
                List<Selection> events = clip.events(entry.getKey());
                for (Selection e : events) {
                    int inside = 0;
                    for (int r = 0; r < 128; r++) {
                        for (int c = 0; c < 128; c++) {
                            inside += mask[r][c] && inBox(grid, r, c, e, 0, 0) ? 1 : 0;
                        }
                    }
                    assertThat(inside).as("%s: mask pixels inside %s", clip.id(), e).isGreaterThanOrEqualTo(3);
                }
                for (int r = 0; r < 128; r++) {
                    for (int c = 0; c < 128; c++) {
                        if (mask[r][c]) {
                            final int row = r;
                            final int col = c;
                            assertThat(events.stream().anyMatch(e -> inBox(grid, row, col, e, rowHz, slackS)))
                                    .as("%s %s pixel at %.0f Hz, %.3f s", clip.id(), entry.getKey(),
                                            grid.frequenciesHz()[r], grid.timesSeconds()[c])
                                    .isTrue();
                            assertThat(union[r][c] || anyOther(perLabel, entry.getKey(), r, c)).isTrue();
                        }
                    }
                }
            }
        }
    }

    private static boolean anyOther(Map<String, boolean[][]> masks, String label, int r, int c) {
        return masks.entrySet().stream().anyMatch(m -> !m.getKey().equals(label) && m.getValue()[r][c]);
    }

    private static boolean inBox(Spectrogram grid, int r, int c, Selection e, double slackHz, double slackS) {
        double f = grid.frequenciesHz()[r];
        double t = grid.timesSeconds()[c];
        return f >= e.lowFreqHz() - slackHz && f <= e.highFreqHz() + slackHz && t >= e.begin() - slackS
                && t <= e.end() + slackS;
    }

    @Test
    void noLabelMeansAnEmptyMaskAndThresholdsAreMonotone() {
        SynthProfile base = SynthProfile.ORIGIN;
        SynthProfile none = new SynthProfile("none", 0, 0, 0, 0, base.whistle(), base.belugaClick(), base.porpoiseClick(),
                base.vessel(), base.ambient(), base.sensor());
        SyntheticClip empty = SoundscapeGenerator.generate(1, 0, new SynthConfig(none, 288_000, 0.3, 0.5));
        assertThat(count(GroundTruthMask.render(empty, ORIGIN))).isZero();
        assertThat(GroundTruthMask.perLabel(empty, ORIGIN)).isEmpty();

        SyntheticClip clip = clips.get(1);
        int lenient = count(GroundTruthMask.render(clip, ORIGIN, 0, clip.mix().length, -6, -60));
        int standard = count(GroundTruthMask.render(clip, ORIGIN));
        int strict = count(GroundTruthMask.render(clip, ORIGIN, 0, clip.mix().length, 6, -40));
        assertThat(lenient).isGreaterThanOrEqualTo(standard);
        assertThat(standard).isGreaterThan(strict);
        assertThat(strict).isPositive();
    }

    private static int count(boolean[][] mask) {
        int n = 0;
        for (boolean[] row : mask) {
            for (boolean b : row) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }
}
