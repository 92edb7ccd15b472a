package org.echomask.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.echomask.EchomaskException;

/**
 * Zipped packages: writing one, and unpacking one into a temporary directory that is bounded and
 * always removed.
 *
 * <p>Bounds (issue 13: a 2.9 MB zip unpacked 300 MB). A package is a few JSON files and float
 * weights, which barely compress (1.1:1 measured on trained packages of 3-4 MB; JSON 3-10:1 but
 * kilobytes). So an entry over {@value #RATIO_FREE_BYTES} bytes that inflates more than
 * {@value #MAX_RATIO}:1 is no model file, and the whole package may not unpack to more than
 * {@value #MAX_TOTAL_RATIO} times the zip plus {@value #TOTAL_ALLOWANCE_BYTES} bytes, nor hold
 * more than {@value #MAX_ENTRIES} entries. Sizes are counted while inflating, not taken from the
 * zip's headers.
 *
 * <p>Temporary copies: removed by {@link #delete} when the package is closed, on every failure
 * while unpacking, and by a shutdown hook for those still open when the JVM exits (a SIGTERM).
 */
final class PackageZip {
    static final long RATIO_FREE_BYTES = 1 << 20;
    static final int MAX_RATIO = 100;
    static final int MAX_TOTAL_RATIO = 20;
    static final long TOTAL_ALLOWANCE_BYTES = 64L << 20;
    static final int MAX_ENTRIES = 10_000;
    private static final String PREFIX = "echomask-model-";
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(() -> OPEN.forEach(PackageZip::deleteQuietly), "echomask-model-temp-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private PackageZip() {}

    /**
     * Unpacks {@code zip} into a new directory under {@code tempRoot}; on any failure the directory
     * is removed and the error names the zip and the entry, never the temporary path.
     */
    static Path extract(Path zip, Path tempRoot) {
        Path dir;
        try {
            dir = Files.createTempDirectory(tempRoot, PREFIX);
        } catch (IOException e) {
            throw new EchomaskException("cannot create a temporary directory in " + tempRoot + " to unpack " + zip + ": "
                    + e.getMessage(), e);
        }
        OPEN.add(dir);
        try {
            unpack(zip, dir);
            return dir;
        } catch (EchomaskException e) {
            delete(dir);
            throw e;
        } catch (IOException | RuntimeException e) {
            delete(dir);
            // Messages of the JDK's zip code name no file (or the temporary one): say which zip.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new EchomaskException(zip + ": not a readable model zip: " + why.replace(dir.toString(), "<package>"), e);
        }
    }

    private static void unpack(Path zip, Path dir) throws IOException {
        long allowed = TOTAL_ALLOWANCE_BYTES + MAX_TOTAL_RATIO * Files.size(zip);
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.size() > MAX_ENTRIES) {
                throw new EchomaskException(zip + ": " + file.size() + " entries; a model package has a few");
            }
            Enumeration<? extends ZipEntry> entries = file.entries();
            for (ZipEntry e : Collections.list(entries)) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir) || target.equals(dir)) {
                    throw new EchomaskException(zip + ": entry escapes the package: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                long compressed = Math.max(1, e.getCompressedSize());
                long written = 0;
                try (InputStream in = file.getInputStream(e); OutputStream out = Files.newOutputStream(target,
                        java.nio.file.StandardOpenOption.CREATE_NEW)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        written += n;
                        total += n;
                        if (written > RATIO_FREE_BYTES && written > MAX_RATIO * compressed) {
                            throw new EchomaskException(zip + ": entry " + e.getName() + " inflates more than " + MAX_RATIO
                                    + " times its compressed size (" + compressed + " bytes); model files do not compress"
                                    + " like that, refusing to unpack it");
                        }
                        if (total > allowed) {
                            throw new EchomaskException(zip + ": unpacks to more than " + allowed + " bytes (at entry "
                                    + e.getName() + "), far more than a model package of " + Files.size(zip) + " bytes holds");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        }
    }

    /** Removes a temporary copy made by {@link #extract}; failures are ignored (it is in the temp directory). */
    static void delete(Path dir) {
        deleteQuietly(dir);
        OPEN.remove(dir);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover in the temp directory is not worth failing a run for
        }
    }

    /** Zips every regular file under {@code dir}, in sorted order. */
    static void write(Path dir, Path zipFile) throws IOException {
        try (OutputStream raw = Files.newOutputStream(zipFile); ZipOutputStream zout = new ZipOutputStream(raw);
                Stream<Path> files = Files.walk(dir)) {
            List<Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (Path p : sorted) {
                zout.putNextEntry(new ZipEntry(dir.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, zout);
                zout.closeEntry();
            }
        }
    }
}
