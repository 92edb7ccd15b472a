package org.echomask.model;

import static org.echomask.testing.FuzzContract.check;
import static org.echomask.testing.FuzzContract.expectClearRefusal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.echomask.EchomaskException;
import org.echomask.Version;
import org.echomask.io.Json;
import org.echomask.classify.ClassifierCard;
import org.echomask.segment.SegmenterCard;
import org.echomask.testing.FuzzContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arbitrary bytes as a package's {@code model.json}, opened as a classifier and as a segmenter
 * package directory (no weights are loaded, so no engine is needed): a card comes back of the
 * asked kind, or the package is refused with an {@link EchomaskException} naming it. Seeds:
 * {@code bench/fuzz/make_seeds.py}.
 */
class ModelCardFuzzTest {
    @TempDir
    static Path dir;
    private static Path pkg;

    @BeforeAll
    static void packageDirectory() throws IOException {
        pkg = Files.createDirectories(dir.resolve("fuzz-package"));
        // A complete provenance, so that an input that is a valid card opens as a package (the
        // strict reader refuses a provenance with missing numbers, and every input would be refused).
        FuzzContract.writeFixture(pkg, Provenance.FILE_NAME, Json.mapper().writeValueAsBytes(
                new Provenance("2026-01-01T00:00:00Z", List.of(), "", "", Map.of(), Map.of(), 1, 0, 0, 1, Map.of(),
                        List.of(), Version.toolkit(), "", "", "", 1)));
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void card(byte[] data) {
        FuzzContract.write(pkg, ModelPackage.CARD_FILE, data);
        try {
            ClassifierCard c = ModelPackage.open(pkg, ClassifierCard.class, ClassifierCard.KIND).card();
            check(ClassifierCard.KIND.equals(c.kind()) && c.format() == ModelPackage.FORMAT, "card " + c.kind() + " " + c.format());
            check(c.spec().labels() != null && !c.spec().labels().isEmpty()
                    && c.spec().labels().stream().noneMatch(l -> l == null || l.isBlank()), "labels " + c.spec().labels());
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, EchomaskException.class, pkg, pkg.resolve(ModelPackage.CARD_FILE));
        }
        try {
            SegmenterCard c = ModelPackage.open(pkg, SegmenterCard.class, SegmenterCard.KIND).card();
            check(SegmenterCard.KIND.equals(c.kind()) && c.format() == ModelPackage.FORMAT, "card " + c.kind() + " " + c.format());
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, EchomaskException.class, pkg, pkg.resolve(ModelPackage.CARD_FILE));
        }
    }
}
