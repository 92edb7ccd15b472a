package org.echomask.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.echomask.EchomaskException;
import org.echomask.Version;
import org.echomask.io.Json;
import org.echomask.train.Weights;

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
    /** Cards and provenance are kilobytes; a larger one is not worth parsing. */
    private static final long MAX_JSON_BYTES = 16L << 20;

    private ModelPackage() {}

    /**
     * An opened package: the path the user gave ({@code source}, named in every message), the
     * directory holding its files (a temporary copy for zips: {@code temporary}), card, provenance
     * and warnings. Close it when done with its files: a temporary copy is then removed.
     */
    public record Opened<C extends ModelCard>(Path source, Path dir, C card, Provenance provenance, List<String> warnings,
            boolean temporary) implements AutoCloseable {
        /** The segmentation model packaged inside, if any. */
        public Path segmenterDir() {
            return dir.resolve(SEGMENTER_DIR);
        }

        public boolean hasSegmenter() {
            return Files.isRegularFile(segmenterDir().resolve(CARD_FILE));
        }

        @Override
        public void close() {
            if (temporary) {
                PackageZip.delete(dir);
            }
        }
    }

    /**
     * Writes a package. {@code block} must be initialised; {@code segmenter} is an opened
     * segmentation package to embed, or null; {@code extras} are further files copied into the
     * package root (e.g. the per-epoch metrics). A block holding a NaN or an infinity is refused:
     * such a model only ever predicts NaN.
     */
    public static void save(Path out, ModelCard card, Provenance provenance, Block block, Path segmenter, List<Path> extras) {
        Weights.firstNonFinite(block).ifPresent(p -> {
            throw new EchomaskException(out + ": refusing to save a model whose parameter " + p + " is not finite"
                    + " (training diverged); try a lower learning rate");
        });
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
                PackageChecksums.write(tmp); // last: it covers every file above
                if (zip) {
                    Path zipTmp = parent.resolve(tmp.getFileName() + ".zip");
                    try {
                        PackageZip.write(tmp, zipTmp);
                        Files.move(zipTmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(zipTmp);
                    }
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
     * Opens a package (unpacking a zip into the system's temporary directory), checking its files
     * against their checksums, its layout version and the kind of model; differences in the
     * toolkit version and a package without checksums are returned as warnings. Whatever the bytes,
     * failures are {@link EchomaskException}s naming {@code path}, and leave no temporary copy.
     */
    public static <C extends ModelCard> Opened<C> open(Path path, Class<C> cardType, String expectedKind) {
        return open(path, cardType, expectedKind, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** {@link #open(Path, Class, String)} with zips unpacked under {@code tempRoot}. */
    static <C extends ModelCard> Opened<C> open(Path path, Class<C> cardType, String expectedKind, Path tempRoot) {
        if (!Files.exists(path)) {
            throw new EchomaskException(path + ": no such model package");
        }
        boolean temporary = Files.isRegularFile(path);
        if (!temporary && !Files.isDirectory(path)) {
            throw new EchomaskException(path + ": not a model package (neither a directory nor a .zip file)");
        }
        Path dir = temporary ? PackageZip.extract(path, tempRoot) : path;
        try {
            Path cardFile = dir.resolve(CARD_FILE);
            if (!Files.isRegularFile(cardFile)) {
                throw new EchomaskException(path + ": not a model package (no " + CARD_FILE + ")");
            }
            List<String> warnings = new ArrayList<>();
            PackageChecksums.verify(dir, path).ifPresent(warnings::add);
            C card = readCard(path.toString(), readBounded(cardFile, path), cardType, expectedKind);
            Provenance provenance = readJson(dir.resolve(Provenance.FILE_NAME), path, Provenance.class);
            if (!card.toolkitVersion().equals(Version.toolkit())) {
                warnings.add("model built with Echomask " + card.toolkitVersion() + ", running " + Version.toolkit());
            }
            return new Opened<>(path, dir, card, provenance, List.copyOf(warnings), temporary);
        } catch (RuntimeException e) {
            if (temporary) {
                PackageZip.delete(dir);
            }
            throw e instanceof EchomaskException ? e : new EchomaskException(path + ": unreadable model package: "
                    + EchomaskException.rootMessage(e), e);
        }
    }

    /**
     * Parses {@code model.json} bytes into {@code cardType}, checking layout version and kind
     * first. Any bytes give either a card or an {@link EchomaskException} naming {@code origin} and
     * {@value #CARD_FILE} (the entry point of the card fuzz tests).
     */
    public static <C extends ModelCard> C readCard(String origin, byte[] json, Class<C> cardType, String expectedKind) {
        String where = origin + ": " + CARD_FILE;
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (IOException | RuntimeException e) {
            throw new EchomaskException(where + ": not valid JSON: " + EchomaskException.rootMessage(e), e);
        }
        if (node == null || !node.isObject()) {
            throw new EchomaskException(where + ": not a JSON object");
        }
        JsonNode format = node.get("format");
        if (format == null || !format.isIntegralNumber() || !format.canConvertToInt() || format.intValue() != FORMAT) {
            throw new EchomaskException(where + ": package format " + (format == null ? "missing" : format.toString())
                    + " but this Echomask reads format " + FORMAT);
        }
        JsonNode kind = node.get("kind");
        if (kind == null || !kind.isTextual()) {
            throw new EchomaskException(where + ": 'kind' must be a text, e.g. \"" + expectedKind + "\"");
        }
        if (!kind.asText().equals(expectedKind)) {
            throw new EchomaskException(origin + ": a " + kind.asText() + " model package, but a " + expectedKind
                    + " is needed here");
        }
        C card;
        try {
            card = Json.mapper().treeToValue(node, cardType);
        } catch (IOException | RuntimeException e) {
            throw new EchomaskException(where + ": " + EchomaskException.rootMessage(e), e);
        }
        if (card == null || card.toolkitVersion() == null) {
            throw new EchomaskException(where + ": 'toolkit_version' is required");
        }
        return card;
    }

    /**
     * Loads the package's weights into {@code block}, which must be built and initialised from the
     * card. DJL's loader takes whatever shapes the file holds, so a card that describes another
     * network (an edited {@code width_multiplier}) would load and run on the file's shapes: the
     * shapes the card builds are compared with the loaded ones, the file must end with the last
     * parameter, and every value must be finite.
     *
     * @param network how the card describes the network (its spec), for the message when they differ
     */
    public static void loadWeights(Opened<?> opened, Block block, NDManager manager, String network) {
        String where = opened.source() + ": " + WEIGHTS_FILE;
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) {
                expected.put(p.getKey(), p.getValue().getArray().getShape());
            }
        }
        String differ = " model.json describes another network (" + network + ") than " + WEIGHTS_FILE + " holds: a field"
                + " that sizes the network (backbone width_multiplier or depth, latent_dim, heads, labels...) was changed,"
                + " or the files come from different models";
        Path weights = opened.dir().resolve(WEIGHTS_FILE);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            block.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new EchomaskException(where + ": bytes left after the last parameter;" + differ);
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof EchomaskException) {
                throw (EchomaskException) e;
            }
            throw new EchomaskException(where + ": weights do not fit: " + EchomaskException.rootMessage(e) + ";" + differ, e);
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            Shape want = expected.get(p.getKey());
            Shape got = p.getValue().isInitialized() ? p.getValue().getArray().getShape() : null;
            if (want != null && !want.equals(got)) {
                throw new EchomaskException(where + ": parameter " + p.getKey() + " is " + got + " in the file but "
                        + want + " in the network of model.json;" + differ);
            }
        }
        Weights.firstNonFinite(block).ifPresent(p -> {
            throw new EchomaskException(where + ": parameter " + p + " is not finite: the model diverged in training and"
                    + " predicts nothing; train it again (a lower --lr)");
        });
    }

    private static byte[] readBounded(Path file, Path source) {
        try {
            if (Files.size(file) > MAX_JSON_BYTES) {
                throw new EchomaskException(source + ": " + file.getFileName() + " is " + Files.size(file)
                        + " bytes; a card is a few kilobytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EchomaskException(source + ": cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static <T> T readJson(Path file, Path source, Class<T> type) {
        String name = source.toString() + ": " + file.getFileName();
        if (!Files.isRegularFile(file)) {
            throw new EchomaskException(name + " is missing");
        }
        try {
            T value = Json.mapper().readValue(readBounded(file, source), type);
            if (value == null) {
                throw new EchomaskException(name + ": null instead of an object");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof EchomaskException x && x.getMessage().startsWith(name)) {
                throw x;
            }
            throw new EchomaskException(name + ": " + EchomaskException.rootMessage(e), e);
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
        } catch (IOException | RuntimeException e) {
            return false; // unreadable (or names the JDK cannot decode): not a package
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
