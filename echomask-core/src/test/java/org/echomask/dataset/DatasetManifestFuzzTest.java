package org.echomask.dataset;

import static org.echomask.testing.FuzzContract.check;
import static org.echomask.testing.FuzzContract.expectClearRefusal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.echomask.EchomaskException;
import org.echomask.testing.FuzzContract;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arbitrary bytes as a dataset's {@code manifest.csv}: the reader returns entries with finite
 * spans and clean labels, or refuses with an {@link EchomaskException} naming the manifest.
 * Seeds: {@code bench/fuzz/make_seeds.py}.
 */
class DatasetManifestFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void manifest(byte[] data) {
        Path file = FuzzContract.write(dir, DatasetManifest.FILE_NAME, data);
        try {
            for (DatasetEntry e : DatasetManifest.read(file)) {
                check(Double.isFinite(e.startS()) && Double.isFinite(e.endS()), "span " + e.startS() + " .. " + e.endS());
                check(e.labels().stream().noneMatch(l -> l.isBlank() || l.matches(".*[;,|\\r\\n].*")), "labels " + e.labels());
            }
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, EchomaskException.class, file);
        }
    }
}
