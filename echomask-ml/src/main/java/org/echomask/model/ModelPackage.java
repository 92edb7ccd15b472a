package org.echomask.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.echomask.EchomaskException;
import org.echomask.Version;
import org.echomask.io.Json;

/**
 * A trained model on disk: a directory (or the same files zipped, when the path ends in
 * {@code .zip}) holding {@code model.json} (what the model is and what input it expects),
 * {@code provenance.json} (how it was made), {@code weights.params} (DJL parameter file) and,
 * for classifiers that need generated masks, the segmentation model's own package in
 * {@code segmenter/}. Packages are written beside the target and moved into place, so a crash
 * never leaves half a model; an existing path is replaced only when it is a model package.
 */
public final class ModelPackage {
    public static final String CARD_FILE = "model.json";
    public static final String WEIGHTS_FILE = "weights.params";
    public static final String SEGMENTER_DIR = "segmenter";
    /** Layout version of the package directory. */
    public static final int FORMAT = 1;

    private ModelPackage() {}

    /** An opened package: its directory (a temporary copy for zips), card and provenance. */
    public record Opened<C extends ModelCard>(Path dir, C card, Provenance provenance, List<String> warnings) {
        /** The segmentation model packaged inside, if any. */
        public Path segmenterDir() {
            return dir.resolve(SEGMENTER_DIR);
        }

        public boolean hasSegmenter() {
            return Files.isRegularFile(segmenterDir().resolve(CARD_FILE));
        }
    }

    /**
     * Writes a package. {@code block} must be initialised; {@code segmenter} is an opened
     * segmentation package to embed, or null; {@code extras} are further files copied into the
     * package root (e.g. the per-epoch metrics).
     */
    public static void save(Path out, ModelCard card, Provenance provenance, Block block, Path segmenter, List<Path> extras) {
        boolean zip = out.getFileName().toString().endsWith(".zip");
        Path parent = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            refuseToReplaceNonPackage(out, zip);
            Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".tmp-");
            try {
                Json.writeFile(tmp.resolve(CARD_FILE), card);
                Json.writeFile(tmp.resolve(Provenance.FILE_NAME), provenance);
                try (DataOutputStream o = new DataOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(tmp.resolve(WEIGHTS_FILE))))) {
                    block.saveParameters(o);
                }
                if (segmenter != null) {
                    copyTree(segmenter, tmp.resolve(SEGMENTER_DIR));
                }
                for (Path extra : extras) {
                    Files.copy(extra, tmp.resolve(extra.getFileName().toString()));
                }
                if (zip) {
                    Path zipTmp = parent.resolve(tmp.getFileName() + ".zip");
                    zipTree(tmp, zipTmp);
                    Files.move(zipTmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    if (Files.exists(out)) {
                        deleteTree(out);
                    }
                    Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                if (Files.exists(tmp)) {
                    deleteTree(tmp);
                }
            }
        } catch (IOException e) {
            throw new EchomaskException(out + ": cannot write model package: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a package, checking its layout version and the kind of model; differences in the
     * toolkit version are returned as warnings.
     */
    public static <C extends ModelCard> Opened<C> open(Path path, Class<C> cardType, String expectedKind) {
        Path dir = path;
        if (!Files.exists(path)) {
            throw new EchomaskException(path + ": no such model package");
        }
        if (Files.isRegularFile(path)) {
            dir = unzipToTemp(path);
        }
        Path cardFile = dir.resolve(CARD_FILE);
        if (!Files.isRegularFile(cardFile)) {
            throw new EchomaskException(path + ": not a model package (no " + CARD_FILE + ")");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(cardFile.toFile());
        } catch (IOException e) {
            throw new EchomaskException(cardFile + ": unreadable: " + e.getMessage(), e);
        }
        int format = node.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new EchomaskException(path + ": package format " + format + " but this Echomask reads format " + FORMAT);
        }
        String kind = node.path("kind").asText();
        if (!kind.equals(expectedKind)) {
            throw new EchomaskException(path + ": a " + kind + " model package, but a " + expectedKind + " is needed here");
        }
        C card = Json.readFile(cardFile, cardType);
        Provenance provenance = Json.readFile(dir.resolve(Provenance.FILE_NAME), Provenance.class);
        List<String> warnings = new ArrayList<>();
        String built = node.path("toolkit_version").asText();
        if (!built.equals(Version.toolkit())) {
            warnings.add("model built with Echomask " + built + ", running " + Version.toolkit());
        }
        return new Opened<>(dir, card, provenance, warnings);
    }

    /** Loads the package's weights into {@code block}, which must be built and initialised from the card. */
    public static void loadWeights(Path dir, Block block, NDManager manager) {
        Path weights = dir.resolve(WEIGHTS_FILE);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new EchomaskException(weights + ": weights do not fit the architecture in " + CARD_FILE + ": "
                    + e.getMessage(), e);
        }
    }

    private static void refuseToReplaceNonPackage(Path out, boolean zip) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (zip ? !isPackageZip(out) : !Files.isRegularFile(out.resolve(CARD_FILE))) {
            throw new EchomaskException(out + " exists and is not a model package; refusing to replace it");
        }
    }

    /** A readable zip with a {@value #CARD_FILE} at its root: only such a file may be replaced by a new package. */
    private static boolean isPackageZip(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.getEntry(CARD_FILE) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path unzipToTemp(Path zipFile) {
        try {
            Path dir = Files.createTempDirectory("echomask-model-");
            dir.toFile().deleteOnExit();
            try (InputStream raw = Files.newInputStream(zipFile); ZipInputStream zin = new ZipInputStream(raw)) {
                for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                    Path target = dir.resolve(e.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new EchomaskException(zipFile + ": entry escapes the package: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zin, target);
                    }
                    target.toFile().deleteOnExit();
                }
            }
            return dir;
        } catch (IOException e) {
            throw new EchomaskException(zipFile + ": not a readable model zip: " + e.getMessage(), e);
        }
    }

    private static void zipTree(Path dir, Path zipFile) throws IOException {
        try (OutputStream raw = Files.newOutputStream(zipFile); ZipOutputStream zout = new ZipOutputStream(raw);
                Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                zout.putNextEntry(new ZipEntry(dir.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, zout);
                zout.closeEntry();
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
