package org.echomask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.echomask.testing.SyntheticDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * segment train -> segment predict -> train on the generated masks -> predict, as a user types
 * them, on a tiny synthetic dataset; and the errors a user meets first.
 */
class LearningCommandsTest {

    @Test
    void segmentThenTrainOnGeneratedMasksThenPredict(@TempDir Path dir) throws Exception {
        Path ds = SyntheticDatasets.origin(dir, 12, 0.5, 9);
        String seg = dir.resolve("seg").toString();
        String fast = "--epochs=2 --batch-size=4 --seed=2 --threads=1";
        CommandsTest.Result r = CommandsTest.run(join("segment train --dataset", ds, "--limit 6 --width 0.125", fast, "--out", seg));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("held-out IoU");
        r = CommandsTest.run(join("segment predict --model", seg, "--dataset", ds));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("generated masks: 12");

        Path model = dir.resolve("mgc.zip");
        r = CommandsTest.run(join("train --dataset", ds, "--width 0.125 --mask soft --mask-source generated --fusion gated",
                fast, "--out", model));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("best epoch");
        assertThat(model).isRegularFile();
        assertThat(dir.resolve("mgc.zip.run/metrics.csv")).isRegularFile();

        Path csv = dir.resolve("pred.csv");
        r = CommandsTest.run(join("predict --model", model, "--dataset", ds, "--out", csv));
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("id,true_labels,predicted_labels,p_beluga_click,p_beluga_whistle,p_porpoise_click");
        assertThat(lines).hasSize(13);

        // The OOD test: the same audio under another transform; the generated masks are made again
        // by the segmenter packaged with the classifier.
        Path eval = dir.resolve("eval-ood");
        r = CommandsTest.run(join("evaluate --model", model, "--dataset", ds, "--split all --transform alternative --out", eval));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("re-rendering").contains("transform alternative").contains("majority combination (trivial)");
        assertThat(eval.resolve("dataset-alternative/masks/generated")).isDirectory();
        String metrics = Files.readString(eval.resolve("metrics.json"));
        assertThat(metrics).contains("\"joint_accuracy\"").contains("\"transform\" : \"alternative\"").contains("\"per_class\"")
                .contains("label prior (trivial)");
        assertThat(Files.readAllLines(eval.resolve("predictions.csv"))).hasSize(13);
        assertThat(javax.imageio.ImageIO.read(eval.resolve("confusion.png").toFile())).isNotNull();

        // Those masks are the ones `segment predict` writes with the same network: same batches, same bytes.
        Path ood = eval.resolve("dataset-alternative");
        Path again = dir.resolve("again");
        try (var files = Files.walk(ood)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.startsWith(ood.resolve("masks/generated"))) {
                    Files.copy(f, again.resolve(ood.relativize(f).toString()));
                }
            }
        }
        r = CommandsTest.run(join("segment predict --model", seg, "--dataset", again));
        assertThat(r.code()).as(r.err()).isZero();
        try (var masks = Files.list(ood.resolve("masks/generated"))) {
            List<Path> pngs = masks.filter(f -> f.toString().endsWith(".png")).toList();
            assertThat(pngs).hasSize(12);
            for (Path png : pngs) {
                assertThat(Files.readAllBytes(again.resolve("masks/generated").resolve(png.getFileName().toString())))
                        .as(png.toString()).isEqualTo(Files.readAllBytes(png));
            }
        }

        // Analysis makes the masks with the packaged segmenter too, batched on the scoring thread.
        Path out = dir.resolve("analysis");
        r = CommandsTest.run(join("analyze --model", model, "--in", dir.resolve("synth/audio"), "--out", out, "--threads 1"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("generated masks by the segmenter").contains("threshold");
        assertThat(r.out()).contains("12 recordings: 12 analysed");
        try (var windows = Files.list(out.resolve("recordings"))) {
            List<Path> csvs = windows.filter(f -> f.toString().endsWith(".windows.csv")).toList();
            assertThat(csvs).hasSize(12);
            // low_hz/high_hz come from the band of each window's mask: numbers where the segmenter found signal, else empty.
            assertThat(csvs.stream().flatMap(f -> lines(f).stream().skip(1)).map(l -> l.split(",", -1)[3]))
                    .allMatch(v -> v.isEmpty() || Double.parseDouble(v) >= 0);
        }
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void clearErrorsForWhatUsersGetWrong(@TempDir Path dir) throws Exception {
        CommandsTest.Result r = CommandsTest.run(join("train --dataset", dir, "--out", dir.resolve("m")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(dir.toString()).contains("not a dataset directory");

        Files.createDirectories(dir.resolve("notamodel"));
        Files.writeString(dir.resolve("notamodel/readme.txt"), "x");
        Path ds = SyntheticDatasets.origin(dir.resolve("d"), 4, 0.25, 1);
        r = CommandsTest.run(join("predict --model", dir.resolve("notamodel"), "--dataset", ds, "--out", dir.resolve("p.csv")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not a model package");

        // An unknown architecture is a usage error now, refused while parsing (exit 2) with the known names.
        r = CommandsTest.run(join("train --dataset", ds, "--model resnet19 --out", dir.resolve("m")));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("resnet19").contains("resnet18, resnet34");

        r = CommandsTest.run(join("train --dataset", ds, "--mask soft --mask-source generated --epochs=1 --out", dir.resolve("m")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no generated mask").contains("segment predict");
    }

    private static String[] join(Object... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).map(String::valueOf).toList()).split(" ");
    }
}
