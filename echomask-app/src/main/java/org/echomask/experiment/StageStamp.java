package org.echomask.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.echomask.EchomaskException;
import org.echomask.io.AtomicFiles;
import org.echomask.io.Json;

/**
 * Marks a finished stage of an experiment with the hash of the settings that made it, so a rerun
 * skips it (resume after an interruption) and a rerun with other settings is refused rather than
 * silently mixing results of two configurations. The mark is written only after the stage's
 * outputs, so a stage killed half-way is simply done again.
 */
final class StageStamp {
    private final Path dir;
    private final Path file;
    private final String key;

    private StageStamp(Path dir, Path file, String key) {
        this.dir = dir;
        this.file = file;
        this.key = key;
    }

    /** The stamp of {@code dir} for {@code settings} (JSON-serialisable values, keyed by name). */
    static StageStamp of(Path dir, Map<String, ?> settings) {
        return new StageStamp(dir, dir.resolveSibling(dir.getFileName() + ".done"), sha256(canonical(settings)));
    }

    /**
     * The settings as JSON with every map's keys sorted, at any depth: Map.of iterates in an order
     * that changes from one JVM to the next, and the same settings must give the same key.
     */
    static String canonical(Map<String, ?> settings) {
        try {
            return Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(settings);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stage settings are not serialisable: " + e.getMessage(), e);
        }
    }

    /** True when the stage was finished with these settings; refuses when it was finished with others. */
    boolean done() {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!stored.equals(key)) {
                throw new EchomaskException(dir + " was made with other experiment settings; use another --out, or delete it (and "
                        + file.getFileName() + ") to redo that stage");
            }
            return true;
        } catch (java.io.IOException e) {
            throw new EchomaskException(file + ": cannot read stage mark: " + e.getMessage(), e);
        }
    }

    void mark() {
        AtomicFiles.writeString(file, key + "\n");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
