package org.echomask.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared real data ({@code <repo>/../shared/data}) from the Maven working directory,
 * so tests that need it skip (not fail) where it is absent.
 */
public final class SharedData {
    private SharedData() {}

    /** The {@code shared} directory (holding {@code data/}), if some ancestor's sibling has it. */
    public static Optional<Path> root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared");
            if (d.getParent() != null && Files.isDirectory(candidate.resolve("data"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code shared/data/<relative>}; skips the calling test when it is not there. */
    public static Path requireData(String relative) {
        Optional<Path> root = root();
        Assumptions.assumeTrue(root.isPresent(), "shared data not found (expected ../shared/data next to the repo)");
        Path p = root.get().resolve("data").resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "shared data file absent: " + p);
        return p;
    }
}
