package org.echomask.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.echomask.testing.SyntheticDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, items 8 and 14 as a user meets them: a divergent {@code train} exits non-zero and
 * writes no package; {@code predict} refuses a package with a flipped weight bit or a card edited
 * to describe another network, each in one {@code echomask:} line naming the zip, without a stack
 * trace.
 */
class HostileModelsCommandTest {
    private static final String FAST = "--epochs=1 --batch-size=4 --seed=2 --threads=1 --width 0.125 --mask none";

    @Test
    void divergentTrainingAndDamagedPackagesEndInOneClearLine(@TempDir Path dir) throws IOException {
        Path ds = SyntheticDatasets.origin(dir.resolve("d"), 8, 0.25, 1);

        Path nan = dir.resolve("nan.zip");
        CommandsTest.Result r = CommandsTest.run(join("train --dataset", ds, FAST, "--lr 1e300 --out", nan));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("echomask: training diverged at epoch 1").contains("--lr").doesNotContain("\tat ");
        assertThat(nan).doesNotExist();

        Path model = dir.resolve("m.zip");
        r = CommandsTest.run(join("train --dataset", ds, FAST, "--out", model));
        assertThat(r.code()).as(r.err()).isZero();
        Path csv = dir.resolve("p.csv");
        r = CommandsTest.run(join("predict --model", model, "--dataset", ds, "--out", csv));
        assertThat(r.code()).as(r.err()).isZero();

        // Issue 13, item 11: analysis windows bounded by what the model's rate allows, before any audio is read.
        Path audio = ds.resolveSibling("synth").resolve("audio");
        r = CommandsTest.run(join("analyze --model", model, "--in", audio, "--out", dir.resolve("a1"), "--hop-s 1e-9"));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("echomask: --hop-s 1.0E-9").contains("one spectrogram hop").doesNotContain("\tat ");
        r = CommandsTest.run(join("analyze --model", model, "--in", audio, "--out", dir.resolve("a2"), "--window-s 3000"));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("echomask: --window-s 3000").contains("16777216 samples").doesNotContain("\tat ");
        assertThat(dir.resolve("a1")).doesNotExist();
        assertThat(dir.resolve("a2")).doesNotExist();

        Path flipped = dir.resolve("flipped.zip");
        Files.copy(model, flipped);
        rewrite(flipped, "weights.params", b -> {
            byte[] c = b.clone();
            c[c.length / 2] ^= 1;
            return c;
        });
        r = CommandsTest.run(join("predict --model", flipped, "--dataset", ds, "--out", dir.resolve("f.csv")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("echomask: " + flipped + ": weights.params is damaged").doesNotContain("\tat ")
                .doesNotContain(System.getProperty("java.io.tmpdir") + "/echomask-model-");
        assertThat(dir.resolve("f.csv")).doesNotExist();

        // A card edited to another width (its checksum list removed, as an old package has none).
        Path wider = dir.resolve("wider.zip");
        Files.copy(model, wider);
        rewrite(wider, "model.json", b -> new String(b, StandardCharsets.UTF_8)
                .replace("\"width_multiplier\" : 0.125", "\"width_multiplier\" : 0.25").getBytes(StandardCharsets.UTF_8));
        rewrite(wider, "checksums.sha256", b -> null);
        r = CommandsTest.run(join("predict --model", wider, "--dataset", ds, "--out", dir.resolve("w.csv")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("echomask: " + wider + ": weights.params").contains("width_multiplier")
                .doesNotContain("\tat ");
    }

    /** Rewrites one entry of a zip ({@code edit} returning null drops it); CRCs are recomputed, as an editor would. */
    private static void rewrite(Path zip, String entry, UnaryOperator<byte[]> edit) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                byte[] b = z.getInputStream(e).readAllBytes();
                byte[] kept = e.getName().equals(entry) ? edit.apply(b) : b;
                if (kept != null) {
                    entries.put(e.getName(), kept);
                }
            }
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static String[] join(Object... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).map(String::valueOf).toList()).split(" ");
    }
}
