package org.echomask.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.echomask.EchomaskException;

/**
 * {@value #FILE}: the SHA-256 of every other file of a package, written last when the package is
 * saved and checked when it is opened, so a flipped bit in the weights (which DJL loads without a
 * word) or a hand-edited card is refused instead of predicting quietly wrong. The format is that
 * of {@code sha256sum} ({@code <64 hex>  <path>} per line, paths relative with {@code /}), so
 * {@code sha256sum -c checksums.sha256} checks an unpacked package too. A nested package (the
 * {@code segmenter/}) has its own manifest, itself listed in the outer one.
 */
public final class PackageChecksums {
    public static final String FILE = "checksums.sha256";
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (\\S(?:.*\\S)?)");
    /** A manifest lists a handful of files; anything far larger is not one. */
    private static final long MAX_MANIFEST_BYTES = 1 << 20;

    private PackageChecksums() {}

    /** Writes the manifest of every regular file under {@code dir} (the manifest itself excepted). */
    static void write(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Path> f : files(dir).entrySet()) {
            text.append(sha256(f.getValue())).append("  ").append(f.getKey()).append('\n');
        }
        Files.writeString(dir.resolve(FILE), text, StandardCharsets.UTF_8);
    }

    /**
     * Checks the package in {@code dir} against its manifest.
     *
     * @param source the package as the user named it, for messages (never the temporary copy)
     * @return a warning when the package has no manifest (written before packages had one)
     * @throws EchomaskException naming the package and the file that is missing, added or changed
     */
    static Optional<String> verify(Path dir, Path source) {
        Path manifest = dir.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            return Optional.of("no checksums (" + FILE + "; packages written before Echomask checked them): its files"
                    + " cannot be verified; saving it again with this version adds them");
        }
        try {
            Map<String, String> listed = read(manifest, source);
            Map<String, Path> present = files(dir);
            for (Map.Entry<String, String> e : listed.entrySet()) {
                Path file = present.get(e.getKey());
                if (file == null) {
                    throw new EchomaskException(source + ": " + e.getKey() + " is listed in " + FILE + " but missing");
                }
                String actual = sha256(file);
                if (!actual.equals(e.getValue())) {
                    throw new EchomaskException(source + ": " + e.getKey() + " is damaged or was changed after the package"
                            + " was written (SHA-256 " + actual + ", " + FILE + " says " + e.getValue()
                            + "); restore the package from a copy or train it again");
                }
            }
            for (String name : present.keySet()) {
                if (!listed.containsKey(name)) {
                    throw new EchomaskException(source + ": " + name + " is not listed in " + FILE
                            + " (added after the package was written); remove it or save the package again");
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new EchomaskException(source + ": cannot check the package files: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> read(Path manifest, Path source) throws IOException {
        if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
            throw new EchomaskException(source + ": " + FILE + " is " + Files.size(manifest) + " bytes, not a checksum list");
        }
        byte[] bytes = Files.readAllBytes(manifest);
        String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            if (!m.matches() || out.put(m.group(2), m.group(1)) != null) {
                throw new EchomaskException(source + ": " + FILE + " line " + (i + 1) + " is not '<sha-256>  <file>'"
                        + " naming a file once: the package is damaged");
            }
        }
        return out;
    }

    /** The regular files under {@code dir} by relative path with {@code /}, the manifest left out, sorted. */
    private static Map<String, Path> files(Path dir) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (!name.equals(FILE)) {
                    out.put(name, p);
                }
            }
        }
        return out;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
