package org.echomask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.echomask.Progress;
import org.echomask.audio.WavWriter;
import org.echomask.label.RavenTable;
import org.echomask.label.Selection;
import org.echomask.spectrogram.Normalisation;
import org.echomask.spectrogram.Scale;
import org.echomask.spectrogram.Spectrogram;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.spectrogram.WindowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis engine end to end without a network: a 4-minute recording with tone events of two
 * classes at known times (and a 32 kHz stereo one, resampled on the fly) is streamed through a
 * scorer that measures each class's band energy; the detections written must match the truth in
 * label, time and band, the tables must read back, a broken file must land in errors.csv while
 * the run goes on, and a second run must skip everything already done.
 *
 * <p>Public, with its generator and scorer, so the other engines' tests (echomask-spark) check
 * themselves against the same truth.
 */
public class KnownEventsTest {
    public static final int RATE = 16_000;
    public static final double WINDOW_S = 2;
    public static final List<String> LABELS = List.of("high", "low");
    public static final double[] TONE_HZ = {5000, 1000};

    public record Event(double begin, double end, String label) {}

    public static final List<Event> MAIN = List.of(new Event(10.0, 13.0, "low"), new Event(30.5, 31.5, "high"),
            new Event(50.2, 54.0, "low"), new Event(52.0, 53.0, "high"), new Event(80.0, 82.5, "high"),
            new Event(120.3, 121.0, "low"), new Event(150.0, 156.0, "high"), new Event(200.0, 203.0, "low"),
            new Event(239.6, 241.2, "high"));
    public static final List<Event> OTHER = List.of(new Event(20.0, 22.0, "high"));

    @Test
    void detectionsMatchTheEventsAndTheRunResumes(@TempDir Path dir) throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        Path main = audio.resolve("site_20220101_235800.wav");
        WavWriter.write(main, signal(241.5, RATE, MAIN, 1), RATE, WavWriter.Encoding.PCM_16);
        float[] other = signal(60, 32_000, OTHER, 2);
        WavWriter.write(audio.resolve("other.wav"), new float[][] {other, other}, 32_000, WavWriter.Encoding.PCM_24);
        Files.writeString(audio.resolve("broken.wav"), "RIFF\0\0\0\0WAVEnot really audio");
        Path out = dir.resolve("out");

        AnalysisSettings settings = new AnalysisSettings(List.of("tone-meter"), List.of("0"), List.of(1.0), LABELS,
                WINDOW_S, 1, RATE, -1, List.of(0.5, 0.5), PostProcess.NONE, 0);
        List<Recordings.Recording> recs = Recordings.find(List.of(audio));
        assertThat(recs).extracting(Recordings.Recording::name).containsExactly("broken.wav", "other.wav",
                "site_20220101_235800.wav");
        List<String> log = new ArrayList<>();
        Analyzer.Result r = Analyzer.run(recs, settings, new ToneMeter(), new Analyzer.Options(out, 16, 2), Progress.NONE,
                log::add);
        assertThat(r.outcomes()).extracting(Analyzer.Outcome::status).containsExactly(Analyzer.Status.FAILED,
                Analyzer.Status.ANALYSED, Analyzer.Status.ANALYSED);
        assertThat(log).singleElement().asString().contains("broken.wav");
        List<String> errors = Files.readAllLines(out.resolve(RunOutputs.ERRORS));
        assertThat(errors.get(0)).isEqualTo("recording,problem");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(1)).contains("broken.wav");

        RecordingOutputs files = new RecordingOutputs(out, "site_20220101_235800.wav");
        List<Selection> read = RavenTable.read(files.selections());
        checkAgainstTruth(read, MAIN, 241.5);
        checkAgainstTruth(RavenTable.read(new RecordingOutputs(out, "other.wav").selections()), OTHER, 60);
        assertThat(Files.readAllLines(files.selections()).get(0)).isEqualTo(
                "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\tAnnotation\tScore\tWindows");
        for (Selection s : read) {
            double tone = TONE_HZ[LABELS.indexOf(s.label())];
            assertThat(s.lowFreqHz()).as("band of %s", s).isLessThanOrEqualTo(tone);
            assertThat(s.highFreqHz()).as("band of %s", s).isGreaterThanOrEqualTo(tone);
            if (!overlapsOtherLabel(s, MAIN)) {
                assertThat(s.highFreqHz() - s.lowFreqHz()).as("band of %s", s).isLessThan(600);
            }
        }

        Path combined = out.resolve(RunOutputs.COMBINED_TABLE);
        List<String> combinedLines = Files.readAllLines(combined);
        assertThat(combinedLines.get(0)).isEqualTo("Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)"
                + "\tHigh Freq (Hz)\tAnnotation\tBegin Path\tFile Offset (s)\tScore\tWindows");
        var byFile = RavenTable.splitByFile(RavenTable.read(combined));
        assertThat(byFile.keySet()).containsExactly(audio.resolve("other.wav").toString(), main.toString());
        assertThat(byFile.get(main.toString())).hasSameSizeAs(read);
        // The combined timeline puts the main recording after the 60 s of other.wav.
        Selection firstMain = RavenTable.read(combined).stream().filter(s -> s.extra().get("Begin Path").equals(main.toString()))
                .findFirst().orElseThrow();
        assertThat(firstMain.begin()).isCloseTo(60 + read.get(0).begin(), org.assertj.core.api.Assertions.within(1e-6));

        List<String> days = Files.readAllLines(out.resolve(RunOutputs.PRESENCE_BY_DAY));
        // Midnight falls 120 s in: windows with midpoints before it (starts 0..118) are on day 1.
        // low is positive in windows 9-12 and 49-53 (day 1), 119-120 and 199-202 (day 2).
        assertThat(days).anyMatch(l -> l.startsWith("2022-01-01,low,1,119,9,1,"))
                .anyMatch(l -> l.startsWith("2022-01-02,low,1,122,6,1,")).anyMatch(l -> l.startsWith("unknown,high,1,59,"))
                .anyMatch(l -> l.startsWith("unknown,low,1,59,0,0,"));
        List<String> windowsCsv = Files.readAllLines(files.windowsCsv());
        assertThat(windowsCsv.get(0)).isEqualTo("window,start_s,end_s,low_hz,high_hz,p_high,p_low");
        assertThat(windowsCsv).hasSize(1 + 241); // starts 0..239 plus the 1.5 s tail at 240
        assertThat(windowsCsv.get(241)).startsWith("240,240.000000,241.500000,");

        byte[] before = Files.readAllBytes(combined);
        Analyzer.Result again = Analyzer.run(recs, settings, new ToneMeter(), new Analyzer.Options(out, 16, 2),
                Progress.NONE, log::add);
        assertThat(again.outcomes()).extracting(Analyzer.Outcome::status).containsExactly(Analyzer.Status.FAILED,
                Analyzer.Status.SKIPPED, Analyzer.Status.SKIPPED);
        assertThat(again.analysedAudioS()).isZero();
        assertThat(Files.readAllBytes(combined)).isEqualTo(before);
        assertThat(again.detectionsPerLabel()).isEqualTo(r.detectionsPerLabel());
    }

    @Test
    void detectionsWithoutAMaskExtentTakeTheirLabelsBand(@TempDir Path dir) throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        WavWriter.write(audio.resolve("a.wav"), signal(60, RATE, OTHER, 3), RATE, WavWriter.Encoding.PCM_16);
        AnalysisSettings settings = new AnalysisSettings(List.of("tone-meter"), List.of("0"), List.of(1.0), LABELS,
                WINDOW_S, 1, RATE, -1, List.of(0.5, 0.5), PostProcess.NONE, 0, List.of(new LabelBand("high", 4_500, 5_500)));
        WindowScorer<WindowScorer.Scored> unmasked = new ToneMeter() {
            @Override
            public List<Scored> score(List<Scored> batch) {
                return batch.stream().map(s -> new Scored(s.probabilities(), Double.NaN, Double.NaN)).toList();
            }
        };
        Path out = dir.resolve("out");
        Analyzer.run(Recordings.find(List.of(audio)), settings, unmasked, new Analyzer.Options(out, 16, 1), Progress.NONE,
                x -> {});
        List<Selection> found = RavenTable.read(new RecordingOutputs(out, "a.wav").selections());
        checkAgainstTruth(found, OTHER, 60);
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.lowFreqHz()).isEqualTo(4_500);
            assertThat(s.highFreqHz()).isEqualTo(5_500);
        });
    }

    /**
     * Issue 13: detections of {@code --channel 2} (0-based) of a 3-channel array were written to
     * Raven's Channel 1, so Raven drew them on the wrong hydrophone. They now name Channel 3, in
     * the recording's table and the combined one; a mixdown stays on Channel 1.
     */
    @Test
    void detectionsNameTheChannelThatWasAnalysed(@TempDir Path dir) throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        float[] events = signal(60, RATE, OTHER, 3);
        float[] quiet = new float[events.length];
        WavWriter.write(audio.resolve("array.wav"), new float[][] {quiet, quiet, events}, RATE, WavWriter.Encoding.PCM_16);
        for (int channel : new int[] {2, -1}) {
            AnalysisSettings settings = new AnalysisSettings(List.of("tone-meter"), List.of("0"), List.of(1.0), LABELS,
                    WINDOW_S, 1, RATE, channel, List.of(0.5, 0.5), PostProcess.NONE, 0, List.of());
            Path out = dir.resolve("out" + channel);
            Analyzer.run(Recordings.find(List.of(audio)), settings, new ToneMeter(), new Analyzer.Options(out, 16, 1),
                    Progress.NONE, x -> {});
            List<Selection> found = RavenTable.read(new RecordingOutputs(out, "array.wav").selections());
            assertThat(found).isNotEmpty();
            int expected = channel < 0 ? 1 : 3;
            assertThat(found).allSatisfy(s -> assertThat(s.channel()).isEqualTo(expected));
            assertThat(RavenTable.read(out.resolve(RunOutputs.COMBINED_TABLE)))
                    .allSatisfy(s -> assertThat(s.channel()).isEqualTo(expected));
        }
    }

    /** Every event found once with its label, within a window of its edges; nothing else found. */
    public static void checkAgainstTruth(List<Selection> found, List<Event> truth, double duration) {
        for (Event e : truth) {
            List<Selection> hits = found.stream().filter(s -> s.label().equals(e.label()) && s.overlap(e.begin(), e.end()) > 0)
                    .toList();
            assertThat(hits).as("detections of %s", e).hasSize(1);
            Selection s = hits.get(0);
            assertThat(s.begin()).as("begin of %s", e).isBetween(e.begin() - WINDOW_S, e.begin() + 0.05);
            assertThat(s.end()).as("end of %s", e).isBetween(e.end() - 0.05, Math.min(duration, e.end() + WINDOW_S));
        }
        for (Selection s : found) {
            assertThat(truth).as("truth behind %s", s).anyMatch(e -> e.label().equals(s.label()) && s.overlap(e.begin(), e.end()) > 0);
        }
    }

    static boolean overlapsOtherLabel(Selection s, List<Event> truth) {
        return truth.stream().anyMatch(e -> !e.label().equals(s.label()) && s.overlap(e.begin(), e.end()) > 0);
    }

    /** White noise (std 0.01) plus each event's tone (amplitude 0.1) with 20 ms raised-cosine ramps. */
    public static float[] signal(double seconds, int rate, List<Event> events, long seed) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        Random rnd = new Random(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.01 * rnd.nextGaussian());
        }
        int ramp = (int) (0.02 * rate);
        for (Event e : events) {
            double f = TONE_HZ[LABELS.indexOf(e.label())];
            int from = (int) Math.round(e.begin() * rate);
            int to = (int) Math.min(x.length, Math.round(e.end() * rate));
            for (int i = from; i < to; i++) {
                int edge = Math.min(i - from, to - 1 - i);
                double g = edge >= ramp ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge / ramp);
                x[i] += (float) (0.1 * g * Math.sin(2 * Math.PI * f * i / rate));
            }
        }
        return x;
    }

    /**
     * A scorer with a known answer: a class's probability rises with how far its tone band's loudest
     * frame stands above the window's median level; the mask is every pixel 20 dB above that median.
     */
    public static class ToneMeter implements WindowScorer<WindowScorer.Scored> {
        static final SpectrogramTransform T = new SpectrogramTransform("tones", RATE, WindowType.HANN, 512, 256, true,
                Scale.DB, 1e-10, 80.0, 0, 0, 0, null, null, 0, 0, Normalisation.NONE);

        @Override
        public List<String> labels() {
            return LABELS;
        }

        @Override
        public int sampleRate() {
            return RATE;
        }

        @Override
        public double[] band() {
            return new double[] {0, RATE / 2.0};
        }

        @Override
        public Scored prepare(float[] samples) {
            Spectrogram s = T.apply(samples, RATE);
            float[][] v = s.values();
            double[] hz = s.frequenciesHz();
            float[] all = new float[v.length * v[0].length];
            for (int r = 0; r < v.length; r++) {
                System.arraycopy(v[r], 0, all, r * v[0].length, v[0].length);
            }
            Arrays.sort(all);
            double median = all[all.length / 2];
            float[] p = new float[LABELS.size()];
            for (int k = 0; k < p.length; k++) {
                double best = -1e9;
                for (int r = 0; r < v.length; r++) {
                    if (Math.abs(hz[r] - TONE_HZ[k]) <= 150) {
                        for (float x : v[r]) {
                            best = Math.max(best, x);
                        }
                    }
                }
                p[k] = (float) (1 / (1 + Math.exp(-(best - median - 20) / 2)));
            }
            boolean[][] mask = new boolean[v.length][v[0].length];
            for (int r = 0; r < v.length; r++) {
                for (int t = 0; t < v[0].length; t++) {
                    mask[r][t] = v[r][t] > median + 20;
                }
            }
            double[] band = MaskExtent.band(mask, hz);
            return new Scored(p, band[0], band[1]);
        }

        @Override
        public List<Scored> score(List<Scored> batch) {
            return batch;
        }

        @Override
        public void close() {}
    }
}
