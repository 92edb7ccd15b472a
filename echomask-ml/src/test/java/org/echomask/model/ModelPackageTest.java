package org.echomask.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.Version;
import org.echomask.nn.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a package replaces only an older package, never another file that happens to have its name. */
class ModelPackageTest {
    record TestCard(int format, String kind, String toolkitVersion) implements ModelCard {}

    @TempDir
    Path dir;

    private void save(Path out) {
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Linear block = Linear.builder().setUnits(2).build();
            block.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            ModelPackage.save(out, new TestCard(ModelPackage.FORMAT, "test", Version.toolkit()),
                    Provenance.now(List.of(), "", "", Map.of(), Map.of(), 1, 0, 0, 1, Map.of(), List.of()), block, null,
                    List.of());
        }
    }

    /** Issue 13: any existing file named .zip was silently replaced. */
    @Test
    void aZipNamedFileThatIsNotAPackageIsNotReplaced() throws Exception {
        Path notes = Files.writeString(dir.resolve("field-notes.zip"), "three weeks of deployment notes");
        assertThatThrownBy(() -> save(notes)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("is not a model package");
        assertThat(Files.readString(notes)).isEqualTo("three weeks of deployment notes");

        Path otherZip = dir.resolve("photos.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(otherZip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("hydrophone.jpg"));
            z.write(new byte[] {1, 2, 3});
            z.closeEntry();
        }
        byte[] before = Files.readAllBytes(otherZip);
        assertThatThrownBy(() -> save(otherZip)).isInstanceOf(EchomaskException.class);
        assertThat(Files.readAllBytes(otherZip)).isEqualTo(before);
    }

    @Test
    void anOlderPackageIsReplaced() throws Exception {
        Path pkg = dir.resolve("model.zip");
        save(pkg);
        Files.setLastModifiedTime(pkg, java.nio.file.attribute.FileTime.fromMillis(0));
        save(pkg);
        assertThat(Files.getLastModifiedTime(pkg).toMillis()).isPositive();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(pkg.toFile())) {
            assertThat(z.getEntry(ModelPackage.CARD_FILE)).isNotNull();
        }
        Path asDir = dir.resolve("model-dir");
        save(asDir);
        save(asDir);
        assertThat(asDir.resolve(ModelPackage.CARD_FILE)).isRegularFile();
    }
}
