package org.echomask.label;

import static org.echomask.testing.FuzzContract.check;
import static org.echomask.testing.FuzzContract.expectClearRefusal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.echomask.EchomaskException;
import org.echomask.testing.FuzzContract;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arbitrary bytes as an annotation file (Raven selection table, Audacity labels, CSV): each
 * reader returns selections with finite times and bands, or refuses with an
 * {@link AnnotationFileException} naming the file. Seeds: {@code bench/fuzz/make_seeds.py}.
 */
class AnnotationReadersFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void raven(byte[] data) {
        Path file = FuzzContract.write(dir, "fuzz.Table.1.selections.txt", data);
        List<Selection> read;
        try {
            read = RavenTable.read(file);
            read.forEach(AnnotationReadersFuzzTest::sane);
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, AnnotationFileException.class, file);
            read = List.of();
        }
        if (read.stream().anyMatch(s -> s.extra().containsKey(RavenTable.BEGIN_FILE) || s.extra().containsKey(RavenTable.BEGIN_PATH))) {
            try {
                // A combined multi-file table, as `dataset --raven` splits it; the table is not known here.
                RavenTable.splitByFile(read).values().forEach(l -> l.forEach(AnnotationReadersFuzzTest::sane));
            } catch (RuntimeException e) {
                expectClearRefusal(e, EchomaskException.class, null, file);
            }
        }
        try {
            RavenTable.readAs(file, "detector").forEach(AnnotationReadersFuzzTest::sane);
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, AnnotationFileException.class, file);
        }
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void audacity(byte[] data) {
        Path file = FuzzContract.write(dir, "fuzz-labels.txt", data);
        try {
            AudacityLabels.read(file).forEach(AnnotationReadersFuzzTest::sane);
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, AnnotationFileException.class, file);
        }
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void csv(byte[] data) {
        Path file = FuzzContract.write(dir, "fuzz-annotations.csv", data);
        try {
            Map<String, List<Selection>> byRecording = CsvAnnotations.read(file);
            byRecording.forEach((recording, l) -> {
                check(!recording.isBlank(), "blank recording name");
                l.forEach(AnnotationReadersFuzzTest::sane);
            });
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, AnnotationFileException.class, file);
        }
        try {
            CsvAnnotations.readSingle(file).forEach(AnnotationReadersFuzzTest::sane);
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, AnnotationFileException.class, file);
        }
    }

    /** What Selection's constructor does not check but every later stage assumes. */
    private static void sane(Selection s) {
        check(Double.isFinite(s.begin()) && Double.isFinite(s.end()), "non-finite times " + s.begin() + " .. " + s.end());
        check(Double.isNaN(s.lowFreqHz()) || (Double.isFinite(s.lowFreqHz()) && s.lowFreqHz() >= 0), "low frequency " + s.lowFreqHz());
        check(Double.isNaN(s.highFreqHz()) || Double.isFinite(s.highFreqHz()), "high frequency " + s.highFreqHz());
        // Tabs are legal inside a quoted Raven field and in an Audacity label (the rest of the line);
        // a line break in a label breaks every line-based format it is written to.
        check(!s.label().isBlank() && s.label().chars().noneMatch(c -> c == '\n' || c == '\r'), "label " + s.label());
    }
}
