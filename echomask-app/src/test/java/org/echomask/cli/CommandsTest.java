package org.echomask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.io.Npy;
import org.echomask.label.RavenTable;
import org.echomask.label.Selection;
import org.echomask.synth.SyntheticCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line as a user types it: synth -> dataset -> spectrogram, help everywhere, clear errors. */
class CommandsTest {

    /** Runs the command line with stdout and stderr captured; returns exit code and output. */
    static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    record Result(int code, String out, String err) {}

    /** Every subcommand Main declares (help itself aside), so a new command is covered without editing a list. */
    static java.util.stream.Stream<String> commands() {
        return new picocli.CommandLine(new Main()).getSubcommands().keySet().stream().filter(c -> !c.equals("help"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelp(String command) {
        Result r = run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: echomask " + command);
    }

    @Test
    void synthThenDatasetThenSpectrogram(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        Result synth = run("synth", "--out", corpus.toString(), "--clips", "4", "--seed", "5", "--duration", "0.5");
        assertThat(synth.code()).as(synth.err()).isZero();
        assertThat(synth.out()).contains("4 clips");
        List<SyntheticCorpus.Row> rows = SyntheticCorpus.readManifest(corpus.resolve("manifest.csv"));
        assertThat(rows).hasSize(4);
        for (SyntheticCorpus.Row row : rows) {
            Path wav = corpus.resolve(row.path());
            assertThat(wav).exists();
            List<Selection> events = RavenTable.read(corpus.resolve("annotations").resolve(row.id() + ".txt"));
            assertThat(events.stream().map(Selection::label).distinct().sorted().toList()).isEqualTo(row.labels());
        }

        Path ds = dir.resolve("ds");
        Result dataset = run("dataset", "--manifest", corpus.resolve("manifest.csv").toString(), "--out", ds.toString(),
                "--transform", "alternative");
        assertThat(dataset.code()).as(dataset.err()).isZero();
        assertThat(dataset.out()).contains("4 examples").contains("HQ masks");
        List<DatasetEntry> entries = DatasetManifest.read(ds.resolve("manifest.csv"));
        assertThat(entries).hasSize(4).allSatisfy(e -> assertThat(ds.resolve(e.hqMask())).exists());

        Path npy = dir.resolve("s.npy");
        Path png = dir.resolve("s.png");
        Result spec = run("spectrogram", corpus.resolve(rows.get(0).path()).toString(), "--out", npy.toString(),
                "--n-fft", "512", "--hop", "256", "--window", "hamming", "--scale", "power", "--fmin", "1000",
                "--fmax", "100000", "--png", png.toString());
        assertThat(spec.code()).as(spec.err()).isZero();
        Npy.Array a = Npy.read(npy);
        // 288 kHz, n_fft 512: bins of 562.5 Hz; 1000..100000 Hz keeps bins 2..177; 0.5 s centred at hop 256 -> 563 frames
        assertThat(a.shape()).containsExactly(176, 563);
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    @Test
    void aBadInputGetsAClearMessageAndExitCode(@TempDir Path dir) throws Exception {
        Path notAudio = dir.resolve("x.wav");
        Files.writeString(notAudio, "hello");
        Result r = run("spectrogram", notAudio.toString(), "--out", dir.resolve("x.npy").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("echomask: ").contains(notAudio.toString());
        assertThat(dir.resolve("x.npy")).doesNotExist();

        Result empty = run("dataset", "--folders", dir.toString(), "--out", dir.resolve("ds").toString());
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err()).contains("no audio files");
    }

    @Test
    void quickDemoRunsEveryStageAndResumes(@TempDir Path dir) throws Exception {
        Result r = run("demo", "--quick", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("synth").contains("dataset origin").contains("dataset alternative (OOD)")
                .contains("mask proposals").contains("proposals vs truth").contains("segmenter").contains("run 3/3")
                .contains("soft masks").contains("pictures").contains("majority combination (trivial)")
                .contains("MGC xattn, soft hq masks (resnet18)").contains("image-only resnet18");
        assertThat(dir.resolve("data/dataset/masks/proposals/evaluation.json")).exists();
        assertThat(dir.resolve("data/dataset-ood/manifest.csv")).exists();
        assertThat(dir.resolve("data/dataset/masks/generated")).isDirectory();
        assertThat(dir.resolve("example-origin.png")).exists();
        assertThat(dir.resolve("runs/resnet18-soft-generated-xattn-multilabel-s1/eval-ood/metrics.json")).exists();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("image-only resnet18").contains("OOD joint acc.").contains("data:image/png;base64,")
                .contains("frequency: rare").contains("polyphony: ")
                .doesNotContain("http://").doesNotContain("https://");
        String results = Files.readString(dir.resolve("results.json"));
        assertThat(results).contains("\"joint_accuracy\"").contains("\"macro_f1\"").contains("\"hamming_loss\"");

        // A second run finds every stage and run done and only redraws the report.
        Result again = run("demo", "--quick", "--out", dir.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("synth                           0.0 s  already there");
        assertThat(again.err()).doesNotContain("epoch");
        assertThat(Files.readString(dir.resolve("results.json")).replaceAll("\"(started|finished|seconds)\" : [^,]*,", ""))
                .isEqualTo(results.replaceAll("\"(started|finished|seconds)\" : [^,]*,", ""));

        Files.delete(dir.resolve("report.html"));
        Result report = run("experiment", "demo-quick", "--out", dir.toString(), "--report-only");
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(dir.resolve("report.html")).isRegularFile();
        Result none = run("experiment", "demo-quick", "--out", dir.resolve("nothing").toString(), "--report-only");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("no results to report on");
    }
}
