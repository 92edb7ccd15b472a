package org.echomask.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.echomask.EchomaskException;
import org.echomask.Version;
import org.echomask.nn.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 14: a damaged, edited or hostile package is refused with a message naming the
 * package and the file; extraction is bounded; no temporary copy outlives its use.
 */
class ModelPackageIntegrityTest {
    record TestCard(int format, String kind, String toolkitVersion) implements ModelCard {}

    @TempDir
    Path dir;

    @TempDir
    Path temp;

    private static Provenance provenance() {
        return Provenance.now(List.of(), "", "", Map.of(), Map.of(), 1, 0, 0, 1, Map.of(), List.of());
    }

    private static TestCard card() {
        return new TestCard(ModelPackage.FORMAT, "test", Version.toolkit());
    }

    /** A Linear block 3 -> {@code units}, initialised; its parameters live in {@code m}. */
    private static Linear linear(NDManager m, int units) {
        Linear block = Linear.builder().setUnits(units).build();
        block.initialize(m, DataType.FLOAT32, new Shape(1, 3));
        return block;
    }

    private void save(Path out, Block block) {
        ModelPackage.save(out, card(), provenance(), block, null, List.of());
    }

    private Path savedPackage(String name) {
        Path out = dir.resolve(name);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            save(out, linear(m, 2));
        }
        return out;
    }

    private ModelPackage.Opened<TestCard> open(Path pkg) {
        return ModelPackage.open(pkg, TestCard.class, "test", temp);
    }

    /** Rewrites a zip with {@code entry}'s bytes changed by {@code edit} (a valid zip: CRCs are recomputed). */
    private static void rewriteEntry(Path zip, String entry, java.util.function.UnaryOperator<byte[]> edit)
            throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                byte[] b = z.getInputStream(e).readAllBytes();
                entries.put(e.getName(), e.getName().equals(entry) ? edit.apply(b) : b);
            }
        }
        writeZip(zip, entries);
    }

    private static void writeZip(Path zip, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    private static byte[] flipLastByte(byte[] b) {
        byte[] c = b.clone();
        c[c.length - 1] ^= 0x10;
        return c;
    }

    private long tempEntries() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            return s.count();
        }
    }

    @Test
    void aBitFlipInTheWeightsOfAZipIsRefusedNamingTheZipAndTheFile() throws IOException {
        Path pkg = savedPackage("model.zip");
        open(pkg).close(); // intact: opens
        rewriteEntry(pkg, ModelPackage.WEIGHTS_FILE, ModelPackageIntegrityTest::flipLastByte);
        assertThatThrownBy(() -> open(pkg)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining(pkg.toString()).hasMessageContaining(ModelPackage.WEIGHTS_FILE)
                .hasMessageContaining("SHA-256").hasMessageNotContaining(temp.toString());
        assertThat(tempEntries()).as("no temporary copy is left behind").isZero();
    }

    @Test
    void aBitFlipInADirectoryPackageIsRefusedAndAnEditedCardToo() throws IOException {
        Path pkg = savedPackage("model-dir");
        Path weights = pkg.resolve(ModelPackage.WEIGHTS_FILE);
        byte[] good = Files.readAllBytes(weights);
        Files.write(weights, flipLastByte(good));
        assertThatThrownBy(() -> open(pkg)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining(pkg.toString()).hasMessageContaining(ModelPackage.WEIGHTS_FILE);
        Files.write(weights, good);
        Path card = pkg.resolve(ModelPackage.CARD_FILE);
        Files.writeString(card, Files.readString(card).replace("\"test\"", "\"test\" "));
        assertThatThrownBy(() -> open(pkg)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining(ModelPackage.CARD_FILE);
    }

    @Test
    void aPackageWithoutChecksumsOpensWithAWarning() throws IOException {
        Path pkg = savedPackage("old.zip");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile z = new ZipFile(pkg.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (!e.getName().equals(PackageChecksums.FILE)) {
                    entries.put(e.getName(), z.getInputStream(e).readAllBytes());
                }
            }
        }
        assertThat(entries).hasSize(3);
        writeZip(pkg, entries);
        try (ModelPackage.Opened<TestCard> opened = open(pkg)) {
            assertThat(opened.warnings()).anyMatch(w -> w.contains("no checksums"));
        }
    }

    @Test
    void weightsThatDoNotFitTheCardAreRefusedNamingTheParameter() {
        Path pkg = savedPackage("model.zip");
        try (ModelPackage.Opened<TestCard> opened = open(pkg); NDManager m = Engines.pytorch().newBaseManager()) {
            // A card saying 3 outputs over weights of 2 (as a changed width_multiplier does): DJL alone loads it.
            Linear wider = linear(m, 3);
            assertThatThrownBy(() -> ModelPackage.loadWeights(opened, wider, m, "Linear 3")).isInstanceOf(EchomaskException.class)
                    .hasMessageContaining(pkg.toString()).hasMessageContaining("weight")
                    .hasMessageContaining("(2, 3)").hasMessageContaining("(3, 3)");
            Linear same = linear(m, 2);
            ModelPackage.loadWeights(opened, same, m, "Linear 2");
        }
    }

    @Test
    void nonFiniteWeightsAreNeitherSavedNorLoaded() throws IOException {
        Path out = dir.resolve("nan.zip");
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Linear block = linear(m, 2);
            NDArray w = block.getParameters().get(0).getValue().getArray();
            w.set(new float[] {0, 1, Float.NaN, 3, 4, 5});
            assertThatThrownBy(() -> save(out, block)).isInstanceOf(EchomaskException.class)
                    .hasMessageContaining("NaN").hasMessageContaining(out.toString());
        }
        assertThat(out).doesNotExist();

        // Such a package made another way (an older version) is refused when its weights are loaded.
        Path pkg = dir.resolve("nan-dir");
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Linear block = linear(m, 2);
            save(pkg, block);
            block.getParameters().get(1).getValue().getArray().set(new float[] {Float.POSITIVE_INFINITY, 0});
            try (java.io.DataOutputStream o = new java.io.DataOutputStream(
                    Files.newOutputStream(pkg.resolve(ModelPackage.WEIGHTS_FILE)))) {
                block.saveParameters(o);
            }
            Files.delete(pkg.resolve(PackageChecksums.FILE));
        }
        try (ModelPackage.Opened<TestCard> opened = open(pkg); NDManager m = Engines.pytorch().newBaseManager()) {
            assertThatThrownBy(() -> ModelPackage.loadWeights(opened, linear(m, 2), m, "Linear 2"))
                    .isInstanceOf(EchomaskException.class).hasMessageContaining("not finite")
                    .hasMessageContaining(ModelPackage.WEIGHTS_FILE);
        }
    }

    @Test
    void aZipBombIsRefusedBeforeItFillsTheDisk() throws IOException {
        Path pkg = savedPackage("bomb.zip");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile z = new ZipFile(pkg.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                entries.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        entries.put("padding.bin", new byte[64 << 20]); // 64 MiB of zeros: a ~64 KB entry
        writeZip(pkg, entries);
        assertThat(Files.size(pkg)).isLessThan(1 << 20);
        assertThatThrownBy(() -> open(pkg)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining(pkg.toString()).hasMessageContaining("padding.bin")
                .hasMessageContaining("compress");
        assertThat(tempEntries()).isZero();
    }

    @Test
    void temporaryCopiesAreRemovedOnCloseAndOnEveryFailure() throws IOException {
        Path segmenter = savedPackage("seg-dir");
        Path pkg = dir.resolve("with-segmenter.zip");
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            ModelPackage.save(pkg, card(), provenance(), linear(m, 2), segmenter, List.of());
        }
        ModelPackage.Opened<TestCard> opened = open(pkg);
        assertThat(opened.hasSegmenter()).isTrue();
        opened.close();
        assertThat(opened.dir()).doesNotExist();
        assertThat(tempEntries()).isZero();

        byte[] whole = Files.readAllBytes(pkg);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        assertThatThrownBy(() -> open(truncated)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining(truncated.toString()).hasMessageNotContaining(temp.toString());
        assertThat(tempEntries()).isZero();
    }

    /**
     * The card reader meets arbitrary bytes (a fuzz harness follows): always an EchomaskException
     * naming the package, never another exception type.
     */
    @Test
    void arbitraryCardBytesGiveAClearError() throws IOException {
        List<String> cards = new ArrayList<>(List.of("", "null", "[]", "5", "\"x\"", "{", "{}", "{\"format\":1}",
                "{\"format\":1,\"kind\":\"test\"}", "{\"format\":\"1\",\"kind\":[]}", "{\"format\":1,\"kind\":null}",
                "{\"format\":1e99,\"kind\":\"test\",\"toolkit_version\":{}}", "\uFEFF{}", "{\"format\":1,\"kind\":\"test\","
                        + "\"toolkit_version\":\"x\",\"extra\":[1,2,{\"a\":null}]}"));
        Random random = new Random(13);
        for (int i = 0; i < 40; i++) {
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            cards.add(new String(b, StandardCharsets.ISO_8859_1));
        }
        int refused = 0;
        for (String text : cards) {
            Path pkg = dir.resolve("fuzz-" + refused + ".zip");
            writeZip(pkg, Map.of(ModelPackage.CARD_FILE, text.getBytes(StandardCharsets.ISO_8859_1),
                    Provenance.FILE_NAME, "{}".getBytes(StandardCharsets.UTF_8)));
            try {
                open(pkg).close();
            } catch (EchomaskException e) {
                assertThat(e.getMessage()).as(text).contains(pkg.toString());
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(cards.size() - 1);
        assertThat(tempEntries()).isZero();
    }

    @Test
    void aZipOfArbitraryBytesGivesAClearError() throws IOException {
        Random random = new Random(14);
        for (int i = 0; i < 30; i++) {
            byte[] b = new byte[random.nextInt(200)];
            random.nextBytes(b);
            if (i % 2 == 0 && b.length > 4) {
                b[0] = 'P';
                b[1] = 'K';
                b[2] = 3;
                b[3] = 4;
            }
            Path pkg = dir.resolve("junk-" + i + ".zip");
            Files.write(pkg, b);
            assertThatThrownBy(() -> open(pkg)).isInstanceOf(EchomaskException.class).hasMessageContaining(pkg.toString());
        }
        assertThat(tempEntries()).isZero();
    }
}
