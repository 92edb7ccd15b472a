package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetManifestTest {

    @Test
    void roundTripsEntriesWithExtraColumns(@TempDir Path dir) {
        List<DatasetEntry> entries = List.of(
                new DatasetEntry("a_w0000", "../audio/a, with comma.wav", 0, 2.5, List.of("z", "b"), "train", "tape1",
                        "arrays/a_w0000.npy", "images/a_w0000.png", "", Map.of("proposal", "masks/p/a.png")),
                new DatasetEntry("b", "b.wav", 1.25, 3.125, List.of(), "val", "", "arrays/b.npy", "", "masks/hq/b.png", Map.of()));
        Path m = dir.resolve("manifest.csv");
        DatasetManifest.write(m, entries);
        assertThat(DatasetManifest.read(m)).isEqualTo(List.of(entries.get(0),
                new DatasetEntry("b", "b.wav", 1.25, 3.125, List.of(), "val", "", "arrays/b.npy", "", "masks/hq/b.png",
                        Map.of("proposal", ""))));
        assertThat(entries.get(0).labels()).containsExactly("b", "z");
    }

    @Test
    void badRowNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("manifest.csv");
        Files.writeString(m, "id,recording,start_s,end_s,labels,split,group,array,image,hq_mask\n"
                + "ok,r.wav,0,1,,train,,a.npy,,\nbad,r.wav,2,1,,train,,b.npy,,\n");
        assertThatThrownBy(() -> DatasetManifest.read(m)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("manifest.csv line 3").hasMessageContaining("bad span");
    }

    @Test
    void labelCellsAcceptCommonSeparatorsAndNone() {
        assertThat(DatasetManifest.parseLabels("b;a")).containsExactly("a", "b");
        assertThat(DatasetManifest.parseLabels(" none ")).isEmpty();
        assertThat(DatasetManifest.parseLabels("x|y,x")).containsExactly("x", "y");
    }
}
