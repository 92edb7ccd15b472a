package org.echomask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.echomask.audio.AudioReaders;
import org.echomask.audio.ChannelMix;
import org.echomask.audio.MonoAudio;
import org.echomask.audio.WavWriter;
import org.echomask.label.RavenTable;
import org.echomask.label.Selection;
import org.echomask.testing.SyntheticDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code echomask analyze} as a user runs it, with a tiny mask-guided model trained on proposal
 * masks: the files of a run, Raven tables that read back with a golden header, a broken file in
 * errors.csv while the run goes on, resuming, settings changes and a two-model ensemble.
 */
class AnalyzeCommandTest {

    @Test
    void analyzeWritesReadableOutputsResumesAndEnsembles(@TempDir Path dir) throws Exception {
        Path ds = SyntheticDatasets.origin(dir, 8, 0.5, 9);
        Path model = dir.resolve("mgc");
        trainOnProposals(ds, "soundscape", "--width 0.125 --mask binary", model);
        CommandsTest.Result r;

        // An 8 s recording made of the synthetic clips, named as an AudioMoth would, and a broken file.
        Path audio = Files.createDirectories(dir.resolve("recordings"));
        clipsAsOneRecording(ds, audio.resolve("20220101_120000.WAV"), 2);
        Files.write(audio.resolve("broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Path out = dir.resolve("out");

        r = CommandsTest.run(join("analyze --model", model, "--in", audio, "--out", out, "--threads 1"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("window 0.5 s from the model card (the median example length")
                .contains("proposal masks with the proposer config from the model card").contains("broken.wav");
        assertThat(r.out()).contains("2 recordings: 1 analysed, 0 skipped (done before), 1 failed").contains("x real time");
        Path table = out.resolve("recordings/20220101_120000.WAV.selections.txt");
        for (String f : List.of("recordings/20220101_120000.WAV.windows.csv", "recordings/20220101_120000.WAV.json",
                "detections.selections.txt", "presence_by_file.csv", "presence_by_hour.csv", "presence_by_day.csv",
                "errors.csv", "settings.json", "summary.html")) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(Files.readAllLines(table).get(0)).isEqualTo(
                "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\tAnnotation\tScore\tWindows");
        List<Selection> detections = RavenTable.read(table);
        for (Selection s : detections) {
            assertThat(s.end()).isLessThanOrEqualTo(8.0);
            assertThat(s.highFreqHz()).isLessThanOrEqualTo(144_000);
            assertThat(List.of("beluga_click", "beluga_whistle", "porpoise_click")).contains(s.label());
        }
        List<String> windows = Files.readAllLines(out.resolve("recordings/20220101_120000.WAV.windows.csv"));
        assertThat(windows.get(0)).isEqualTo("window,start_s,end_s,low_hz,high_hz,p_beluga_click,p_beluga_whistle,p_porpoise_click");
        assertThat(windows).hasSize(1 + 31); // 0.5 s windows every 0.25 s over 8 s
        assertThat(Files.readAllLines(out.resolve("presence_by_hour.csv"))).anyMatch(l -> l.startsWith("2022-01-01T12:00,beluga_click,1,31,"));
        assertThat(Files.readAllLines(out.resolve("errors.csv")).get(1)).contains("broken.wav");
        String html = Files.readString(out.resolve("summary.html"));
        assertThat(html).contains("Presence timeline").contains("data:image/png;base64").contains("highest window probability");

        r = CommandsTest.run(join("analyze --model", model, "--in", audio, "--out", out, "--threads 1"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 analysed, 1 skipped (done before), 1 failed");
        r = CommandsTest.run(join("analyze --model", model, "--in", audio, "--out", out, "--threads 1 --threshold 0.3 --post-process file-mean"));
        assertThat(r.out()).contains("1 analysed, 0 skipped");
        assertThat(Files.readAllLines(out.resolve("recordings/20220101_120000.WAV.windows.csv")).get(0)).contains("raw_p_beluga_click");

        // The same model twice, weighted 1:3, is the model itself.
        Path ens = dir.resolve("ens");
        r = CommandsTest.run(join("analyze --model", model + "," + model, "--weights 1,3 --in", audio.resolve("20220101_120000.WAV"),
                "--out", ens, "--threads 0 --batch-size 5 --threshold 0.3 --post-process file-mean"));
        assertThat(r.code()).as(r.err()).isZero();
        // Identical rows average to themselves whatever the weights: check the weights reached the run.
        assertThat(org.echomask.io.Json.readFile(ens.resolve("settings.json"), org.echomask.detect.AnalysisSettings.class)
                .weights()).containsExactly(1.0, 3.0);
        // Equal up to float rounding: another batch size takes other kernel paths.
        List<double[]> a = probabilities(ens);
        List<double[]> b = probabilities(out);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).containsExactly(b.get(i), org.assertj.core.api.Assertions.within(1e-5));
        }
        assertThat(RavenTable.read(ens.resolve("detections.selections.txt"))).extracting(Selection::label, Selection::begin)
                .isEqualTo(RavenTable.read(out.resolve("detections.selections.txt")).stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.label(), s.begin())).toList());
    }

    /**
     * A package carries everything analysis needs: with its training dataset moved away, a
     * proposal-mask model (non-default proposer preset, zipped) analyses to the same files; an old
     * package without the recipe in its card still runs, and says what it had to guess.
     */
    @Test
    void aPackageNeedsNotItsTrainingDataset(@TempDir Path dir) throws Exception {
        Path ds = SyntheticDatasets.origin(dir, 8, 0.5, 9);
        Path model = dir.resolve("mgc.zip");
        trainOnProposals(ds, "whistle", "--width 0.25 --mask soft --sigma 2", model);
        CommandsTest.Result r;
        Path audio = Files.createDirectories(dir.resolve("recordings"));
        clipsAsOneRecording(ds, audio.resolve("20220101_120000.WAV"), 1);

        Path present = dir.resolve("with-dataset");
        r = CommandsTest.run(join("analyze --model", model, "--in", audio, "--out", present, "--threads 1 --threshold 0.3"));
        assertThat(r.code()).as(r.err()).isZero();
        Path moved = Files.move(ds, dir.resolve("dataset-moved"));
        Path absent = dir.resolve("without-dataset");
        r = CommandsTest.run(join("analyze --model", model, "--in", audio, "--out", absent, "--threads 1 --threshold 0.3"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("from the model card").doesNotContain("warning").doesNotContain("may differ");
        for (String f : List.of("recordings/20220101_120000.WAV.windows.csv", "recordings/20220101_120000.WAV.selections.txt",
                "detections.selections.txt", "presence_by_file.csv", "presence_by_hour.csv", "presence_by_day.csv")) {
            assertThat(Files.readString(absent.resolve(f))).as(f).isEqualTo(Files.readString(present.resolve(f)));
        }

        // An old package: the same model with the recipe taken out of its card.
        Path old = dir.resolve("old");
        unzip(model, old);
        Path card = old.resolve("model.json");
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.echomask.io.Json.mapper().readTree(card.toFile());
        json.remove("input");
        Files.writeString(card, org.echomask.io.Json.mapper().writeValueAsString(json));
        Files.delete(old.resolve("checksums.sha256")); // old packages had none (an edited card is refused otherwise)
        r = CommandsTest.run(join("analyze --model", old, "--in", audio, "--out", dir.resolve("old-absent"), "--threads 1"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot tell the window length").contains("give --window-s");
        r = CommandsTest.run(join("analyze --model", old, "--in", audio, "--out", dir.resolve("old-guessed"),
                "--threads 1 --window-s 0.5 --hop-s 0.25"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("'soundscape' preset").contains("may differ from the training masks");
        Files.move(moved, ds);
        r = CommandsTest.run(join("analyze --model", old, "--in", audio, "--out", dir.resolve("old-present"), "--threads 1"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: window 0.5 s from the median example length")
                .contains("masks/proposals/config.json");
        assertThat(Files.readString(dir.resolve("old-present/recordings/20220101_120000.WAV.windows.csv")))
                .isEqualTo(Files.readString(present.resolve("recordings/20220101_120000.WAV.windows.csv")));
    }

    /** Proposes masks with {@code preset} and trains a tiny one-epoch concat model on them ({@code mask} flags). */
    private static void trainOnProposals(Path ds, String preset, String mask, Path model) {
        CommandsTest.Result r = CommandsTest.run(join("masks propose --dataset", ds, "--preset", preset, "--threads 1"));
        assertThat(r.code()).as(r.err()).isZero();
        r = CommandsTest.run(join("train --dataset", ds, mask, "--mask-source proposal --fusion concat --latent-dim 16",
                "--heads 1 --epochs=1 --batch-size=4 --seed=2 --threads=1 --out", model));
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** The synthetic dataset's clips, in name order, repeated {@code times}, as one 16-bit WAV. */
    private static void clipsAsOneRecording(Path ds, Path wav, int times) throws Exception {
        List<float[]> parts = new ArrayList<>();
        int rate = 0;
        try (Stream<Path> wavs = Files.list(ds.resolveSibling("synth").resolve("audio"))) {
            for (Path p : wavs.sorted().toList()) {
                MonoAudio a = AudioReaders.readMono(p, ChannelMix.MEAN);
                parts.add(a.samples());
                rate = a.sampleRate();
            }
        }
        WavWriter.write(wav, concat(parts, times), rate, WavWriter.Encoding.PCM_16);
    }

    private static void unzip(Path zip, Path to) throws Exception {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = to.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
    }

    @Test
    void clearErrors(@TempDir Path dir) throws Exception {
        CommandsTest.Result r = CommandsTest.run(join("analyze --model", dir.resolve("nope"), "--in", dir, "--out", dir.resolve("o")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no recordings");
        Files.writeString(dir.resolve("a.wav"), "x");
        r = CommandsTest.run(join("analyze --model", dir.resolve("nope"), "--in", dir, "--out", dir.resolve("o")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("nope").contains("no such model package");
        r = CommandsTest.run(join("analyze --model", dir.resolve("nope"), "--in", dir.resolve("missing.wav"), "--out", dir.resolve("o")));
        assertThat(r.err()).contains("missing.wav").contains("no such file");
        // The Spark engine is another module: without it the command says where it is.
        r = CommandsTest.run(join("analyze --model", dir.resolve("nope"), "--in", dir, "--out", dir.resolve("o"), "--engine spark"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("echomask-spark").contains("./echomask analyze --engine spark");
    }

    /** The probability columns of the recording's window CSV (times and bands dropped). */
    private static List<double[]> probabilities(Path out) throws Exception {
        return Files.readAllLines(out.resolve("recordings/20220101_120000.WAV.windows.csv")).stream().skip(1)
                .map(l -> java.util.Arrays.stream(l.substring(nthComma(l, 5) + 1).split(",")).mapToDouble(Double::parseDouble)
                        .toArray()).toList();
    }

    private static int nthComma(String s, int n) {
        int i = -1;
        for (int k = 0; k < n; k++) {
            i = s.indexOf(',', i + 1);
        }
        return i;
    }

    private static float[] concat(List<float[]> parts, int times) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] out = new float[n * times];
        int at = 0;
        for (int t = 0; t < times; t++) {
            for (float[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
        }
        return out;
    }

    private static String[] join(Object... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).map(String::valueOf).toList()).split(" ");
    }
}
