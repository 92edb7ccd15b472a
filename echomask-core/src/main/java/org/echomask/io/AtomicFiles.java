package org.echomask.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in
 * the same directory, which is then renamed over the target. A crash leaves either the old file
 * or the new one, plus at worst a stray {@code .tmp} file.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            makeReadable(tmp);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.writeTo(out);
            }
            moveIntoPlace(tmp, absolute);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The original failure is what the caller needs to see.
                }
            }
        }
    }

    /**
     * Deletes the stray temporary files a killed writer left in {@code dir} (not below it), so that
     * a rerun into the same directory ends with exactly the files of an uninterrupted run. Call it
     * only where no other writer is at work. Returns how many were deleted.
     */
    public static int removeStrays(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (var entries = Files.newDirectoryStream(dir, f -> Files.isRegularFile(f)
                && STRAY.matcher(f.getFileName().toString()).matches())) {
            for (Path f : entries) {
                removed += Files.deleteIfExists(f) ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up temporary files in " + dir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** The names {@link Files#createTempFile} gives in {@link #write}: "." + target name + digits + ".tmp". */
    private static final java.util.regex.Pattern STRAY = java.util.regex.Pattern.compile("\\..+[0-9]+\\.tmp");

    public static void writeString(Path target, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Temp files are created owner-only; a finished output should be readable like any other file. */
    private static void makeReadable(Path tmp) throws IOException {
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
