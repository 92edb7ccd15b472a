package org.echomask.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.echomask.Progress;
import org.echomask.audio.WavWriter;
import org.echomask.detect.AnalysisEngine;
import org.echomask.detect.AnalysisSettings;
import org.echomask.detect.Analyzer;
import org.echomask.detect.RunOutputs;
import org.echomask.detect.KnownEventsTest;
import org.echomask.detect.PostProcess;
import org.echomask.detect.RecordingOutputs;
import org.echomask.detect.Recordings;
import org.echomask.detect.ScorerFactory;
import org.echomask.label.RavenTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine on an embedded {@code local[2]} session (one for the class): the known-events
 * recordings of the local engine's test (a 4-minute recording with tone events of two classes at
 * known times, a 32 kHz stereo one and a broken file) analysed by the same tone-measuring scorer,
 * opened once per partition; detections against the truth, the same files as the local engine,
 * and resume.
 */
class SparkAnalysisTest {
    static SparkSession spark;
    @TempDir
    static Path dir;
    static Path audio;
    static List<Recordings.Recording> recordings;
    static final AnalysisSettings SETTINGS = new AnalysisSettings(List.of("tone-meter"), List.of("0"), List.of(1.0),
            KnownEventsTest.LABELS, KnownEventsTest.WINDOW_S, 1, KnownEventsTest.RATE, -1, List.of(0.5, 0.5), PostProcess.NONE, 0);
    static final ScorerFactory TONES = KnownEventsTest.ToneMeter::new;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkSession.builder().master("local[2]").appName("echomask-test").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        audio = Files.createDirectories(dir.resolve("audio"));
        WavWriter.write(audio.resolve("site_20220101_235800.wav"),
                KnownEventsTest.signal(241.5, KnownEventsTest.RATE, KnownEventsTest.MAIN, 1), KnownEventsTest.RATE,
                WavWriter.Encoding.PCM_16);
        float[] other = KnownEventsTest.signal(60, 32_000, KnownEventsTest.OTHER, 2);
        WavWriter.write(audio.resolve("other.wav"), new float[][] {other, other}, 32_000, WavWriter.Encoding.PCM_24);
        Files.writeString(audio.resolve("broken.wav"), "RIFF\0\0\0\0WAVEnot really audio");
        recordings = Recordings.find(List.of(audio));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Analyzer.Result onSpark(Path out, List<String> log) {
        AnalysisEngine engine = AnalysisEngine.find("spark").orElseThrow();
        try (var driverScorer = TONES.open()) {
            return engine.run(recordings, SETTINGS, driverScorer, TONES, new Analyzer.Options(out, 16, 1), "local[2]",
                    Progress.NONE, log::add);
        }
    }

    @Test
    void detectionsOnSparkMatchTheKnownEventsAndTheRunResumes() throws Exception {
        Path out = dir.resolve("spark-truth");
        List<String> log = new ArrayList<>();
        Analyzer.Result r = onSpark(out, log);
        assertThat(r.outcomes()).extracting(Analyzer.Outcome::status).containsExactly(Analyzer.Status.FAILED,
                Analyzer.Status.ANALYSED, Analyzer.Status.ANALYSED);
        assertThat(log).anyMatch(l -> l.startsWith("spark local[2]") && l.contains("3 recordings in 2 partitions"))
                .anyMatch(l -> l.startsWith("skipped") && l.contains("broken.wav"));
        assertThat(Files.readAllLines(out.resolve(RunOutputs.ERRORS))).hasSize(2).last().asString().contains("broken.wav");
        KnownEventsTest.checkAgainstTruth(RavenTable.read(new RecordingOutputs(out, "site_20220101_235800.wav").selections()),
                KnownEventsTest.MAIN, 241.5);
        KnownEventsTest.checkAgainstTruth(RavenTable.read(new RecordingOutputs(out, "other.wav").selections()),
                KnownEventsTest.OTHER, 60);
        var byFile = RavenTable.splitByFile(RavenTable.read(out.resolve(RunOutputs.COMBINED_TABLE)));
        assertThat(byFile.keySet()).containsExactly(audio.resolve("other.wav").toString(),
                audio.resolve("site_20220101_235800.wav").toString());
        assertThat(Files.readAllLines(out.resolve(RunOutputs.PRESENCE_BY_DAY)))
                .anyMatch(l -> l.startsWith("2022-01-01,low,1,119,9,1,")).anyMatch(l -> l.startsWith("2022-01-02,low,1,122,6,1,"));

        byte[] before = Files.readAllBytes(out.resolve(RunOutputs.COMBINED_TABLE));
        Analyzer.Result again = onSpark(out, new ArrayList<>());
        assertThat(again.outcomes()).extracting(Analyzer.Outcome::status).containsExactly(Analyzer.Status.FAILED,
                Analyzer.Status.SKIPPED, Analyzer.Status.SKIPPED);
        assertThat(again.analysedAudioS()).isZero();
        assertThat(Files.readAllBytes(out.resolve(RunOutputs.COMBINED_TABLE))).isEqualTo(before);
        assertThat(again.detectionsPerLabel()).isEqualTo(r.detectionsPerLabel());
    }

    @Test
    void sparkWritesTheFilesTheLocalEngineWrites() throws Exception {
        Path local = dir.resolve("local");
        Analyzer.Result l;
        try (var scorer = TONES.open()) {
            l = Analyzer.run(recordings, SETTINGS, scorer, new Analyzer.Options(local, 16, 2), Progress.NONE, x -> {});
        }
        Path distributed = dir.resolve("spark");
        Analyzer.Result s = onSpark(distributed, new ArrayList<>());
        assertSameFiles(local, distributed);
        assertThat(s.detectionsPerLabel()).isEqualTo(l.detectionsPerLabel());
        assertThat(s.detectionScores()).containsExactly(l.detectionScores());
        assertThat(s.windowProbabilities()).containsExactly(l.windowProbabilities());
        assertThat(s.presence().rows(org.echomask.detect.Presence.Period.HOUR))
                .isEqualTo(l.presence().rows(org.echomask.detect.Presence.Period.HOUR));
        // One settings hash for both engines: Spark resumes what the local engine did.
        Analyzer.Result resumed = onSpark(local, new ArrayList<>());
        assertThat(resumed.count(Analyzer.Status.SKIPPED)).isEqualTo(2);
        assertSameFiles(local, distributed);
    }

    /**
     * Every file of two analysis directories byte for byte, except what records wall time: the
     * {@code seconds} field of {@code recordings/<name>.json}, and {@code summary.html} (when and
     * how fast the run was, time taken per recording) written by the command.
     */
    static void assertSameFiles(Path a, Path b) throws IOException {
        Map<String, String> fa = contents(a);
        Map<String, String> fb = contents(b);
        assertThat(fb.keySet()).isEqualTo(fa.keySet());
        assertThat(fa).containsKeys("settings.json", "detections.selections.txt", "presence_by_file.csv",
                "presence_by_hour.csv", "presence_by_day.csv", "errors.csv");
        assertThat(fa.keySet()).anyMatch(f -> f.endsWith(".windows.csv")).anyMatch(f -> f.endsWith(".selections.txt")
                && f.startsWith(RecordingOutputs.DIR));
        for (String f : fa.keySet()) {
            assertThat(fb.get(f)).as(f).isEqualTo(fa.get(f));
        }
    }

    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.equals("summary.html")) {
                    continue;
                }
                String text = Files.readString(p);
                if (rel.startsWith(RecordingOutputs.DIR + "/") && rel.endsWith(".json")) {
                    text = text.replaceAll("\"seconds\"\\s*:\\s*[0-9.eE+-]+", "\"seconds\":_");
                }
                out.put(rel, text);
            }
        }
        return out;
    }
}
