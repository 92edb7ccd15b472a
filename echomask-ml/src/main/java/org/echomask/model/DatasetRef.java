package org.echomask.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.echomask.EchomaskException;
import org.echomask.dataset.DatasetInfo;
import org.echomask.dataset.DatasetManifest;
import org.echomask.io.Json;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * A dataset directory as training and inference see it: its {@code dataset.json}, the hash of its
 * manifest (for provenance) and the segmentation model that made its generated masks.
 */
public final class DatasetRef {
    /** Written by segmentation predict next to the generated masks: which package made them. */
    public static final String GENERATED_SOURCE_FILE = "masks/generated/segmenter.json";

    /** Content of {@link #GENERATED_SOURCE_FILE}. */
    public record GeneratedSource(String segmenter, String createdAt) {}

    private final Path dir;
    private final DatasetInfo info;

    private DatasetRef(Path dir, DatasetInfo info) {
        this.dir = dir;
        this.info = info;
    }

    public static DatasetRef open(Path dir) {
        Path manifest = dir.resolve(DatasetManifest.FILE_NAME);
        Path infoFile = dir.resolve(DatasetInfo.FILE_NAME);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(infoFile)) {
            throw new EchomaskException(dir + ": not a dataset directory (needs manifest.csv and dataset.json; make one with echomask dataset)");
        }
        return new DatasetRef(dir, Json.readFile(infoFile, DatasetInfo.class));
    }

    public Path dir() {
        return dir;
    }

    public DatasetInfo info() {
        return info;
    }

    /** SHA-256 of manifest.csv, hex. */
    public String manifestSha256() {
        try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(DatasetManifest.FILE_NAME)),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new EchomaskException(dir.resolve(DatasetManifest.FILE_NAME) + ": cannot hash: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails, naming them, when the dataset has labels the model does not know. */
    public void requireLabels(List<String> modelLabels) {
        List<String> unknown = info.labels().stream().filter(l -> !modelLabels.contains(l)).toList();
        if (!unknown.isEmpty()) {
            throw new EchomaskException(dir + ": dataset labels " + unknown + " are not among the model's labels " + modelLabels);
        }
    }

    /**
     * Differences between the transform a model was trained with and this dataset's, one line per
     * field; empty when they agree. A difference is legitimate (the out-of-distribution test renders
     * the same audio with another transform) but must be said.
     */
    public List<String> transformDifferences(SpectrogramTransform model) {
        List<String> out = new ArrayList<>();
        var a = Json.toMap(model);
        var b = Json.toMap(info.transform());
        for (String k : a.keySet()) {
            if (!java.util.Objects.equals(a.get(k), b.get(k))) {
                out.add(k + ": model " + a.get(k) + ", dataset " + b.get(k));
            }
        }
        return out;
    }

    /** The segmentation package that produced this dataset's generated masks, if recorded and still there. */
    public Optional<Path> generatedMaskSegmenter() {
        Path f = dir.resolve(GENERATED_SOURCE_FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Path p = Path.of(Json.readFile(f, GeneratedSource.class).segmenter());
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }
}
