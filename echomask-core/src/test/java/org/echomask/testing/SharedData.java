package org.echomask.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the read-only shared data ({@code <repo>/../shared/data}) without absolute paths: walks up
 * from the working directory until a directory has a sibling {@code shared/data}. Tests that need
 * it skip, with a message, where it is absent (e.g. on a fresh clone).
 */
public final class SharedData {
    private SharedData() {}

    /** The {@code shared/data} directory, if one is found above the working directory. */
    public static Optional<Path> root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared").resolve("data");
            if (d.getParent() != null && Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A path under {@code shared/data}; skips the calling test when it is not there. */
    public static Path requireData(String relative) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(),
                "shared data not found (looked for ../shared/data above " + System.getProperty("user.dir") + ")");
        Path path = root.get().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "shared data file missing: " + path);
        return path;
    }
}
