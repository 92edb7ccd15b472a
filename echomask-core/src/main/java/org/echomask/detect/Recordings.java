package org.echomask.detect;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.echomask.EchomaskException;
import org.echomask.audio.AudioReaders;

/** Finds the recordings of an analysis and gives each a file-name-safe output name. */
public final class Recordings {
    private Recordings() {}

    /**
     * One recording.
     *
     * @param path the audio file, absolute and normalised
     * @param name output base name: the path below the directory it was found in (or the file name),
     *     with separators as {@code __} and other unsafe characters as {@code _}
     */
    public record Recording(Path path, String name) {}

    /**
     * The audio files named or found (recursively, by ending) in {@code inputs}, each once, in
     * input order and name order within a directory. A missing input is an error: a typo must not
     * silently analyse nothing.
     */
    public static List<Recording> find(List<Path> inputs) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Recording> raw = new ArrayList<>();
        for (Path in : inputs) {
            Path abs = in.toAbsolutePath().normalize();
            if (Files.isRegularFile(abs)) {
                if (seen.add(abs)) {
                    raw.add(new Recording(abs, safe(abs.getFileName().toString())));
                }
            } else if (Files.isDirectory(abs)) {
                for (Path p : AudioReaders.filesUnder(abs)) {
                    if (seen.add(p)) {
                        raw.add(new Recording(p, safe(abs.relativize(p).toString())));
                    }
                }
            } else {
                throw new EchomaskException(in + ": no such file or directory");
            }
        }
        return uniqueNames(raw);
    }

    /** {@code a/b c.wav} → {@code a__b_c.wav}. */
    static String safe(String relative) {
        String s = relative.replace('\\', '/').replace("/", "__").replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }

    /** Names that collide (case-insensitively, for such file systems) get a hash of their path appended. */
    static List<Recording> uniqueNames(List<Recording> recs) {
        Map<String, Integer> counts = new HashMap<>();
        for (Recording r : recs) {
            counts.merge(r.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<Recording> out = new ArrayList<>();
        for (Recording r : recs) {
            boolean clash = counts.get(r.name().toLowerCase(Locale.ROOT)) > 1;
            out.add(clash ? new Recording(r.path(), r.name() + "-" + shortHash(r.path().toString())) : r);
        }
        return out;
    }

    private static String shortHash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
