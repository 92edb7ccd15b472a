package org.echomask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.Progress;
import org.echomask.audio.WavWriter;
import org.echomask.detect.KnownEventsTest.ToneMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed and resumed must end with the files of an uninterrupted run (found by
 * {@code bench/faults.sh}): its summaries come from the per-recording files as written, and the
 * temporary files the killed run left are gone.
 */
class ResumedRunTest {
    /** Written as 0.586750 (six decimals), which reads back as a float just below 0.58675. */
    private static final float P = 0.5867503f;

    @Test
    void resumedSummariesAndFilesEqualAnUninterruptedRun(@TempDir Path dir) throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        for (String name : List.of("a.wav", "b.wav")) {
            WavWriter.write(audio.resolve(name), new float[KnownEventsTest.RATE * 4], KnownEventsTest.RATE,
                    WavWriter.Encoding.PCM_16);
        }
        AnalysisSettings settings = new AnalysisSettings(List.of("constant"), List.of("0"), List.of(1.0),
                KnownEventsTest.LABELS, KnownEventsTest.WINDOW_S, 1, KnownEventsTest.RATE, -1, List.of(0.5, 0.5),
                PostProcess.NONE, 0);
        List<Recordings.Recording> recs = Recordings.find(List.of(audio));
        Path out = dir.resolve("out");
        Analyzer.run(recs, settings, new Constant(), new Analyzer.Options(out, 4, 0), Progress.NONE, m -> {});
        String uninterrupted = Files.readString(out.resolve(RunOutputs.PRESENCE_BY_FILE));
        // The value as written and read back (0.5868 from the float in memory, before).
        assertThat(uninterrupted).contains("a.wav,unknown,4.0000,high,3,3,1,1,0.5867");

        // As a kill -9 leaves it: b.wav not finished, a stray temporary file, no summaries yet.
        RecordingOutputs b = new RecordingOutputs(out, "b.wav");
        Files.delete(b.recordFile());
        Path stray = Files.writeString(b.windowsCsv().resolveSibling(".b.wav.windows.csv1234567890.tmp"), "");
        Files.delete(out.resolve(RunOutputs.PRESENCE_BY_FILE));
        Path keep = Files.writeString(out.resolve(RecordingOutputs.DIR).resolve("notes.tmp"), "mine");

        Analyzer.Result resumed = Analyzer.run(recs, settings, new Constant(), new Analyzer.Options(out, 4, 0),
                Progress.NONE, m -> {});
        assertThat(resumed.outcomes()).extracting(Analyzer.Outcome::status)
                .containsExactly(Analyzer.Status.SKIPPED, Analyzer.Status.ANALYSED);
        assertThat(Files.readString(out.resolve(RunOutputs.PRESENCE_BY_FILE))).isEqualTo(uninterrupted);
        assertThat(stray).doesNotExist();
        assertThat(keep).exists();
    }

    /** The same probability for every class in every window. */
    private static final class Constant extends ToneMeter {
        @Override
        public Scored prepare(float[] samples) {
            return new Scored(new float[] {P, P}, Double.NaN, Double.NaN);
        }
    }
}
