package org.echomask.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure pieces of analysis: merging, post-processing, ensembles, times, thresholds, presence, mask bands. */
class DetectionFunctionsTest {
    private static final List<String> AB = List.of("a", "b");

    /** Windows of 2 s every 1 s with the given probabilities of a and b. */
    private static List<WindowScore> windows(float[]... p) {
        List<WindowScore> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            out.add(new WindowScore(i, i, i + 2, p[i], Double.NaN, Double.NaN));
        }
        return out;
    }

    private static List<Detection> merge(List<WindowScore> w, double gap, double duration) {
        return Detections.merge(w, AB, new double[] {0.5, 0.5}, gap, duration, new double[] {100, 200},
                new double[] {1000, 2000});
    }

    @Test
    void consecutivePositiveWindowsMergeAndANegativeWindowSplits() {
        List<WindowScore> w = windows(new float[] {0.9f, 0.1f}, new float[] {0.6f, 0.1f}, new float[] {0.2f, 0.7f},
                new float[] {0.8f, 0.1f}, new float[] {0.1f, 0.1f});
        List<Detection> d = merge(w, 0, 5.5);
        assertThat(d).extracting(Detection::label).containsExactly("a", "b", "a");
        Detection first = d.get(0);
        assertThat(first.beginS()).isEqualTo(0);
        assertThat(first.endS()).isEqualTo(3); // windows 0 and 1: [0, 2] and [1, 3]
        assertThat(first.score()).isCloseTo(0.9, within(1e-6));
        assertThat(first.firstWindow()).isZero();
        assertThat(first.lastWindow()).isEqualTo(1);
        assertThat(first.lowHz()).isEqualTo(100); // no mask: the label's band
        assertThat(first.highHz()).isEqualTo(1000);
        assertThat(d.get(1).beginS()).isEqualTo(2);
        assertThat(d.get(1).lowHz()).isEqualTo(200);
        assertThat(d.get(2).beginS()).isEqualTo(3);
        assertThat(d.get(2).endS()).isEqualTo(5); // window 3 = [3, 5]
    }

    @Test
    void minimumGapJoinsAcrossNegativeWindowsAndEndsAreCutAtTheRecordingsEnd() {
        List<WindowScore> w = new ArrayList<>();
        float[] on = {0.9f, 0f};
        float[] off = {0f, 0f};
        // 1-s windows every 1 s: positive at 0, 3 (gap 2 s), 10 (gap 6 s)
        for (int i = 0; i < 11; i++) {
            w.add(new WindowScore(i, i, i + 1, i == 0 || i == 3 || i == 10 ? on : off, Double.NaN, Double.NaN));
        }
        assertThat(merge(w, 0, 100)).hasSize(3);
        List<Detection> joined = merge(w, 2, 10.5);
        assertThat(joined).hasSize(2);
        assertThat(joined.get(0).beginS()).isEqualTo(0);
        assertThat(joined.get(0).endS()).isEqualTo(4);
        assertThat(joined.get(1).endS()).isEqualTo(10.5);
    }

    @Test
    void maskExtentsOfTheMergedWindowsGiveTheBand() {
        List<WindowScore> w = List.of(new WindowScore(0, 0, 2, new float[] {0.9f, 0}, 500, 900),
                new WindowScore(1, 1, 3, new float[] {0.9f, 0}, Double.NaN, Double.NaN),
                new WindowScore(2, 2, 4, new float[] {0.9f, 0}, 300, 700));
        Detection d = merge(w, 0, 4).get(0);
        assertThat(d.lowHz()).isEqualTo(300);
        assertThat(d.highHz()).isEqualTo(900);
        assertThat(d.toSelection(1).extra()).containsEntry("Score", "0.9000").containsEntry("Windows", "3");
    }

    @Test
    void fileMeanScalesEachClassByItsMeanOverTheFile() {
        float[][] p = {{0.8f, 0.2f}, {0.4f, 0.0f}, {0.6f, 0.1f}};
        float[][] q = PostProcess.FILE_MEAN.apply(p);
        // mean a = 0.6, mean b = 0.1
        assertThat(q[0][0]).isCloseTo(0.48f, within(1e-6f));
        assertThat(q[1][0]).isCloseTo(0.24f, within(1e-6f));
        assertThat(q[0][1]).isCloseTo(0.02f, within(1e-6f));
        assertThat(q[1][1]).isZero();
        assertThat(p[0][0]).isEqualTo(0.8f); // input untouched
        assertThat(PostProcess.NONE.apply(p)[2]).containsExactly(0.6f, 0.1f);
        assertThat(PostProcess.parse("file-mean")).isEqualTo(PostProcess.FILE_MEAN);
        assertThatThrownBy(() -> PostProcess.parse("median")).isInstanceOf(EchomaskException.class).hasMessageContaining("file-mean");
    }

    @Test
    void ensembleIsTheWeightedMean() {
        float[] m = Ensemble.weightedMean(List.of(new float[] {1f, 0f}, new float[] {0f, 1f}), new double[] {3, 1});
        assertThat(m[0]).isCloseTo(0.75f, within(1e-6f));
        assertThat(m[1]).isCloseTo(0.25f, within(1e-6f));
        assertThatThrownBy(() -> Ensemble.weightedMean(List.of(new float[] {1f}), new double[] {0}))
                .hasMessageContaining("not all be 0");
        assertThatThrownBy(() -> Ensemble.checkWeights(new double[] {1, -1})).hasMessageContaining(">= 0");
    }

    @ParameterizedTest
    @CsvSource({
            "20220101_123000.WAV, 2022-01-01T12:30",
            "SITE3_20231231_235959.wav, 2023-12-31T23:59:59",
            "5678.220101123000.wav, 2022-01-01T12:30",
            "rec-20220315T061500.flac, 2022-03-15T06:15",
            "deploy_2021-07-04_18-05-09.wav, 2021-07-04T18:05:09",
            "x20220101123000.wav, 2022-01-01T12:30"})
    void startTimesFromCommonRecorderNames(String name, String expected) {
        assertThat(RecordingTimes.parse(name)).contains(LocalDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"recording.wav", "20221301_123000.wav", "track_12.wav", "123456789.wav", "00001234567890.wav"})
    void namesWithoutAValidTimeGiveNone(String name) {
        assertThat(RecordingTimes.parse(name)).isEmpty();
    }

    @Test
    void thresholdsDefaultAndOverridesFromCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "label,threshold\nb,0.8\n");
        assertThat(ClassThresholds.of(AB, 0.3, ClassThresholds.read(csv))).containsExactly(0.3, 0.8);
        Files.writeString(csv, "label,threshold\nc,0.8\n");
        assertThatThrownBy(() -> ClassThresholds.of(AB, 0.3, ClassThresholds.read(csv))).hasMessageContaining("unknown label 'c'");
        Files.writeString(csv, "name,value\nb,0.8\n");
        assertThatThrownBy(() -> ClassThresholds.read(csv)).hasMessageContaining(csv.toString()).hasMessageContaining("label,threshold");
        assertThatThrownBy(() -> ClassThresholds.of(AB, 1.5, Map.of())).hasMessageContaining("(0, 1]");
    }

    @Test
    void presencePerFileHourAndDay(@TempDir Path dir) throws Exception {
        Presence p = new Presence(AB, new double[] {0.5, 0.5});
        // 2 windows before midnight, 1 after; a present in the first and last
        List<WindowScore> w = List.of(new WindowScore(0, 0, 60, new float[] {0.9f, 0.1f}, Double.NaN, Double.NaN),
                new WindowScore(1, 60, 120, new float[] {0.2f, 0.3f}, Double.NaN, Double.NaN),
                new WindowScore(2, 120, 180, new float[] {0.7f, 0.2f}, Double.NaN, Double.NaN));
        p.add("r1", LocalDateTime.parse("2022-01-01T23:58:00"), 180, w,
                List.of(new Detection("a", 0, 60, 0, 1, 0.9, 0, 0), new Detection("a", 120, 180, 0, 1, 0.7, 2, 2)));
        p.add("r2", null, 60, w.subList(0, 1), List.of());
        List<Presence.Row> files = p.rows(Presence.Period.FILE);
        assertThat(files).hasSize(4);
        assertThat(files.get(0)).extracting(Presence.Row::period, Presence.Row::label, Presence.Row::windows,
                Presence.Row::positiveWindows, Presence.Row::detections).containsExactly("r1", "a", 3L, 2L, 2L);
        assertThat(files.get(1).present()).isFalse();
        assertThat(files.get(2).start()).isEqualTo(Presence.UNKNOWN);
        List<Presence.Row> days = p.rows(Presence.Period.DAY);
        assertThat(days).extracting(Presence.Row::period).containsExactly("2022-01-01", "2022-01-01", "2022-01-02",
                "2022-01-02", "unknown", "unknown");
        assertThat(days.get(0).positiveWindows()).isEqualTo(1); // window mids 23:58:30, 23:59:30 -> day 1
        assertThat(days.get(2).positiveWindows()).isEqualTo(1); // mid 00:00:30 -> day 2
        assertThat(p.rows(Presence.Period.HOUR).get(0).period()).isEqualTo("2022-01-01T23:00");
        p.write(dir.resolve("h.csv"), Presence.Period.HOUR);
        List<String> lines = Files.readAllLines(dir.resolve("h.csv"));
        assertThat(lines.get(0)).isEqualTo("hour,label,recordings,windows,positive_windows,present,max_probability");
        assertThat(lines.get(1)).isEqualTo("2022-01-01T23:00,a,1,2,1,1,0.9000");
        p.write(dir.resolve("f.csv"), Presence.Period.FILE);
        assertThat(Files.readAllLines(dir.resolve("f.csv")).get(1)).isEqualTo("r1,2022-01-01T23:58,180.0000,a,3,2,2,1,0.9000");
    }

    @Test
    void maskBandIgnoresSpecksAndCoversTheRowsEdges() {
        boolean[][] mask = new boolean[10][100];
        for (int t = 0; t < 100; t++) {
            mask[4][t] = true;
            mask[5][t] = true;
        }
        mask[9][0] = true; // one speck: under 2 % of the masked pixels
        double[] hz = new double[10];
        for (int r = 0; r < 10; r++) {
            hz[r] = 100 * r + 50;
        }
        assertThat(MaskExtent.band(mask, hz)).containsExactly(400, 600);
        assertThat(MaskExtent.band(new boolean[10][5], hz)[0]).isNaN();
    }

    @Test
    void settingsHashChangesWithWhatChangesResultsOnly() {
        AnalysisSettings a = new AnalysisSettings(List.of("/m"), List.of("f"), List.of(1.0), AB, 2, 1, 16000, -1,
                List.of(0.5, 0.5), PostProcess.NONE, 0);
        AnalysisSettings b = new AnalysisSettings(List.of("/m"), List.of("f"), List.of(1.0), AB, 2, 1, 16000, -1,
                List.of(0.5, 0.6), PostProcess.NONE, 0);
        assertThat(a.hash()).hasSize(16).isEqualTo(new AnalysisSettings(List.of("/m"), List.of("f"), List.of(1.0), AB, 2, 1,
                16000, -1, List.of(0.5, 0.5), PostProcess.NONE, 0).hash()).isNotEqualTo(b.hash());
        assertThatThrownBy(() -> new AnalysisSettings(List.of("/m"), List.of("f"), List.of(1.0), AB, 0, 1, 16000, -1,
                List.of(0.5, 0.5), PostProcess.NONE, 0)).hasMessageContaining("window");
        assertThat(Optional.of(a.windowSamples())).contains(32000);
    }

    @Test
    void labelBandsEnterTheHashOnlyWhenGivenAndReplaceTheFallbackBand(@TempDir Path dir)
            throws Exception {
        AnalysisSettings plain = new AnalysisSettings(List.of("/m"), List.of("f"), List.of(1.0), AB, 2, 1, 16000, -1,
                List.of(0.5, 0.5), PostProcess.NONE, 0);
        // Settings written before bands existed keep their hash, so resuming an old run skips its recordings.
        assertThat(Json.write(plain)).doesNotContain("band");
        Path csv = dir.resolve("bands.csv");
        Files.writeString(csv, "label,low_hz,high_hz,note\nb,100,2500,whistles\n");
        AnalysisSettings banded = new AnalysisSettings(List.of("/m"), List.of("f"), List.of(1.0), AB, 2, 1, 16000, -1,
                List.of(0.5, 0.5), PostProcess.NONE, 0, LabelBand.read(csv));
        assertThat(banded.hash()).isNotEqualTo(plain.hash());
        double[][] edges = banded.bandEdges(new double[] {0, 8000});
        assertThat(edges[0]).containsExactly(0, 100);
        assertThat(edges[1]).containsExactly(8000, 2500);

        Files.writeString(csv, "label,low_hz,high_hz\nc,1,2\n");
        List<LabelBand> unknown = LabelBand.read(csv);
        assertThatThrownBy(() -> new AnalysisSettings(List.of("/m"), List.of("f"), List.of(1.0), AB, 2, 1, 16000, -1,
                List.of(0.5, 0.5), PostProcess.NONE, 0, unknown)).hasMessageContaining("unknown label 'c'");
        Files.writeString(csv, "label,low_hz,high_hz\na,300,200\n");
        assertThatThrownBy(() -> LabelBand.read(csv)).hasMessageContaining("bands.csv").hasMessageContaining("line 2")
                .hasMessageContaining("low < high");
        Files.writeString(csv, "label,low,high\na,1,2\n");
        assertThatThrownBy(() -> LabelBand.read(csv)).hasMessageContaining("label,low_hz,high_hz");
    }

    @Test
    void windowCsvReadsBackWithLabelsThatNeedQuoting(@TempDir Path dir) {
        List<String> labels = List.of("whale, humpback", "say \"hi\"");
        List<WindowScore> w = List.of(new WindowScore(0, 0, 2, new float[] {0.25f, 0.5f}, 100, 200),
                new WindowScore(1, 1, 3, new float[] {0.75f, 1f}, Double.NaN, Double.NaN));
        Path csv = dir.resolve("w.csv");
        RecordingOutputs.writeWindows(csv, labels, w, null);
        List<WindowScore> back = RecordingOutputs.readWindows(csv, labels);
        assertThat(back).hasSize(2);
        assertThat(back.get(0).probabilities()).containsExactly(0.25f, 0.5f);
        assertThat(back.get(1).probabilities()).containsExactly(0.75f, 1f);
        assertThat(back.get(0).lowHz()).isEqualTo(100);
        assertThat(back.get(1).lowHz()).isNaN();
    }
}
