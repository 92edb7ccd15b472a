package org.echomask.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.echomask.audio.AudioReaders;
import org.echomask.audio.ChannelMix;
import org.echomask.audio.MonoAudio;
import org.echomask.audio.WavWriter;
import org.echomask.cli.Main;
import org.echomask.testing.SyntheticDatasets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code echomask analyze --engine spark --master local[2]} as a user runs it, with a tiny
 * mask-guided model trained on proposal masks (the models are loaded on the executors from the
 * package path, with the training dataset moved away): the same files as {@code --engine local},
 * summary.html aside.
 */
class SparkAnalyzeCommandTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        // The command finds and keeps this session (the engine stops only sessions it started).
        spark = SparkSession.builder().master("local[2]").appName("echomask-cli-test").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void sparkEngineWritesWhatTheLocalEngineWrites(@TempDir Path dir) throws Exception {
        Path ds = SyntheticDatasets.origin(dir, 8, 0.5, 9);
        // A non-default preset: the executors must take it from the package, not fall back to the default.
        assertThat(Main.run(args("masks propose --dataset", ds, "--preset whistle --threads 1"))).isZero();
        Path model = dir.resolve("mgc");
        assertThat(Main.run(args("train --dataset", ds, "--width 0.125 --mask binary --mask-source proposal --fusion concat",
                "--latent-dim 16 --heads 1 --epochs=1 --batch-size=4 --seed=2 --threads=1 --out", model))).isZero();
        // Three recordings of different lengths made of the synthetic clips.
        List<float[]> parts = new ArrayList<>();
        int rate = 0;
        try (Stream<Path> wavs = Files.list(ds.resolveSibling("synth").resolve("audio"))) {
            for (Path p : wavs.sorted().toList()) {
                MonoAudio a = AudioReaders.readMono(p, ChannelMix.MEAN);
                parts.add(a.samples());
                rate = a.sampleRate();
            }
        }
        Path audio = Files.createDirectories(dir.resolve("recordings"));
        WavWriter.write(audio.resolve("20220101_120000.wav"), concat(parts.subList(0, 4)), rate, WavWriter.Encoding.PCM_16);
        WavWriter.write(audio.resolve("20220101_130000.wav"), concat(parts.subList(2, 8)), rate, WavWriter.Encoding.PCM_16);
        WavWriter.write(audio.resolve("20220102_080000.wav"), concat(parts.subList(5, 7)), rate, WavWriter.Encoding.PCM_16);

        Path local = dir.resolve("local");
        Path distributed = dir.resolve("spark");
        assertThat(Main.run(args("analyze --model", model, "--in", audio, "--out", local, "--threads 1 --threshold 0.3"))).isZero();
        // The package is self-contained: the executors never see the training dataset.
        Files.move(ds, dir.resolve("dataset-moved"));
        assertThat(Main.run(args("analyze --model", model, "--in", audio, "--out", distributed,
                "--threshold 0.3 --engine spark --master local[2]"))).isZero();
        SparkAnalysisTest.assertSameFiles(local, distributed);
        assertThat(Files.readAllLines(local.resolve("presence_by_file.csv"))).hasSize(1 + 3 * 3);
        assertThat(distributed.resolve("summary.html")).isRegularFile();
        assertThat(spark.sparkContext().isStopped()).as("a session the command did not start is left running").isFalse();
    }

    @Test
    void localEngineRefusesAMaster(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.wav"), "x");
        // The model does not exist either: only the messages tell the engine checks from that failure.
        assertThat(stderrOf(args("analyze --model", dir.resolve("m"), "--in", dir, "--out", dir.resolve("o"),
                "--master local[2]"))).contains("--master local[2] is for --engine spark");
        assertThat(stderrOf(args("analyze --model", dir.resolve("m"), "--in", dir, "--out", dir.resolve("o"), "--engine nope")))
                .contains("--engine nope: no such engine").contains("engines: local, spark");
    }

    /** Runs the command line, checks it exits 1 and returns what it printed on stderr. */
    private static String stderrOf(String[] argv) {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(argv)).isEqualTo(1);
        } finally {
            System.setErr(before);
        }
        return err.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static String[] args(Object... parts) {
        return String.join(" ", Arrays.stream(parts).map(String::valueOf).toList()).split(" ");
    }
}
