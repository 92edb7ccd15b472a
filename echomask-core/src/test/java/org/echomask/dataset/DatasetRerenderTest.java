package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.io.Json;
import org.echomask.io.Npy;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.testing.SyntheticDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OOD re-render keeps every example's id, split and labels, and renders new arrays and truth masks. */
class DatasetRerenderTest {

    @Test
    void sameExamplesUnderAnotherTransform(@TempDir Path dir) throws Exception {
        Path ds = SyntheticDatasets.origin(dir, 6, 0.5, 3);
        Path ood = dir.resolve("ood");
        DatasetSummary s = DatasetRerender.rerender(ds, SpectrogramTransform.ALTERNATIVE, ood, 2, Progress.NONE);

        Map<String, DatasetEntry> before = DatasetManifest.read(ds.resolve(DatasetManifest.FILE_NAME)).stream()
                .collect(Collectors.toMap(DatasetEntry::id, Function.identity()));
        assertThat(s.entries()).hasSize(before.size());
        for (DatasetEntry e : s.entries()) {
            DatasetEntry b = before.get(e.id());
            assertThat(b).as(e.id()).isNotNull();
            assertThat(e.split()).isEqualTo(b.split());
            assertThat(e.labels()).isEqualTo(b.labels());
            assertThat(e.group()).isEqualTo(b.group());
            assertThat(ood.resolve(e.hqMask())).as("synthetic truth under the new transform").isRegularFile();
            float[] a = Npy.read(ds.resolve(b.array())).toMatrix()[60];
            float[] o = Npy.read(ood.resolve(e.array())).toMatrix()[60];
            assertThat(o).as("other transform, other values").isNotEqualTo(a);
        }
        DatasetInfo info = Json.readFile(ood.resolve(DatasetInfo.FILE_NAME), DatasetInfo.class);
        assertThat(info.transform()).isEqualTo(SpectrogramTransform.ALTERNATIVE);
    }

    @Test
    void refusesSourcesItCannotFindAgain(@TempDir Path dir) throws Exception {
        Path ds = SyntheticDatasets.origin(dir, 4, 0.25, 1);
        DatasetInfo info = Json.readFile(ds.resolve(DatasetInfo.FILE_NAME), DatasetInfo.class);
        DatasetInfo raven = new DatasetInfo(info.format(), "raven", info.sourcePath(), info.transform(), info.labels(),
                info.windowS(), info.hopS(), info.synthetic(), info.examples(), info.recordingsFailed(), info.toolkitVersion());
        Json.writeFile(ds.resolve(DatasetInfo.FILE_NAME), raven);
        assertThatThrownBy(() -> DatasetRerender.rerender(ds, SpectrogramTransform.ALTERNATIVE, dir.resolve("o"), 1, Progress.NONE))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("raven").hasMessageContaining(ds.toString());
        assertThat(Files.exists(dir.resolve("o"))).isFalse();
    }

    @Test
    void refusesWhenTheRecordingsNoLongerGiveTheSameExamples(@TempDir Path dir) throws Exception {
        Path ds = SyntheticDatasets.origin(dir, 4, 0.25, 1);
        List<DatasetEntry> entries = DatasetManifest.read(ds.resolve(DatasetManifest.FILE_NAME));
        DatasetEntry first = entries.get(0);
        DatasetEntry moved = new DatasetEntry(first.id(), first.recording(), first.startS(), first.endS(), first.labels(),
                first.split().equals("test") ? "train" : "test", first.group(), first.array(), first.image(), first.hqMask(),
                first.extra());
        // Another example claims the same recording in another split: the re-render cannot honour both.
        List<DatasetEntry> edited = new java.util.ArrayList<>(entries);
        edited.add(new DatasetEntry("extra-1", moved.recording(), moved.startS(), moved.endS(), moved.labels(), moved.split(),
                moved.group(), moved.array(), moved.image(), moved.hqMask(), moved.extra()));
        DatasetManifest.write(ds.resolve(DatasetManifest.FILE_NAME), edited);
        assertThatThrownBy(() -> DatasetRerender.rerender(ds, SpectrogramTransform.ALTERNATIVE, dir.resolve("o"), 1, Progress.NONE))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("do not match").hasMessageContaining("extra-1");
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
