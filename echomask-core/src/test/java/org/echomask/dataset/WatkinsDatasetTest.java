package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.echomask.Progress;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Watkins recordings (../shared/data/watkins): every usable file becomes an example. */
class WatkinsDatasetTest {

    @Test
    void buildsEveryRecordingAndReportsTheDuplicateListing(@TempDir Path dir) {
        Path manifest = SharedData.requireData("watkins/manifest.csv");
        List<RecordingPlan> plans = ExampleSources.fromManifest(manifest, null);
        assertThat(plans).hasSize(340);
        DatasetConfig config = DatasetConfig.defaults(SpectrogramTransform.WATKINS);
        DatasetSummary s = new DatasetBuilder(config).build("manifest", manifest.toString(), plans, dir.resolve("w"), Progress.NONE);

        // 340 rows but 339 files: audio/vessel/9.wav is listed twice.
        assertThat(s.entries()).hasSize(339);
        assertThat(s.errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).endsWith("vessel/9.wav");
            assertThat(e.problem()).contains("listed more than once");
        });
        assertThat(s.info().examples()).containsEntry("train", 293).containsEntry("val", 46).containsEntry("test", 0);
        Map<String, Set<String>> splitsPerTape = s.entries().stream().collect(Collectors.groupingBy(DatasetEntry::group,
                Collectors.mapping(DatasetEntry::split, Collectors.toSet())));
        assertThat(splitsPerTape.values()).allSatisfy(splits -> assertThat(splits).hasSize(1));
        assertThat(s.info().labels()).hasSize(10).contains("beluga", "sperm_whale", "vessel");
        // The sperm-whale file with the malformed header (12-bit in 16-bit slots, sizes computed as packed) loads.
        assertThat(s.entries()).anySatisfy(e -> assertThat(e.recording()).endsWith("sperm_whale/84021003.wav"));
    }
}
