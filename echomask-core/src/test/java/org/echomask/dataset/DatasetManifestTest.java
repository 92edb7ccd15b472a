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
                .hasMessageContaining("manifest.csv, line 3").hasMessageContaining("bad span");
    }

    @Test
    void labelCellsAcceptCommonSeparatorsAndNone() {
        assertThat(DatasetManifest.parseLabels("b;a")).containsExactly("a", "b");
        assertThat(DatasetManifest.parseLabels(" none ")).isEmpty();
        assertThat(DatasetManifest.parseLabels("x|y,x")).containsExactly("x", "y");
    }

    private static final String HEADER = "id,recording,start_s,end_s,labels,split,group,array,image,hq_mask\n";

    @Test
    void aByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("manifest.csv");
        Files.writeString(m, "\uFEFF" + HEADER + "ok,r.wav,0,1,a,train,,a.npy,,\n");
        assertThat(DatasetManifest.read(m)).extracting(DatasetEntry::id).containsExactly("ok");
    }

    @Test
    void shortRowsUnclosedQuotesAndNonNumbersNameTheFileAndLine(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("manifest.csv");
        Files.writeString(m, HEADER + "ok,r.wav,0,1,,train,,a.npy,,\nshort,r.wav,0\n");
        assertThatThrownBy(() -> DatasetManifest.read(m)).isExactlyInstanceOf(EchomaskException.class)
                .hasMessageContaining(m + ", line 3").hasMessageContaining("3 field(s) but the header has 10 columns");
        Files.writeString(m, HEADER + "ok,r.wav,0,1,,train,,a.npy,,\n\"open,r.wav,0,1,,train,,a.npy,,\n");
        assertThatThrownBy(() -> DatasetManifest.read(m)).isExactlyInstanceOf(EchomaskException.class)
                .hasMessageContaining(m.toString()).hasMessageContaining("malformed CSV after line 2");
        Files.writeString(m, HEADER + "x,r.wav,0,Infinity,,train,,a.npy,,\n");
        assertThatThrownBy(() -> DatasetManifest.read(m)).isExactlyInstanceOf(EchomaskException.class)
                .hasMessageContaining(m + ", line 2").hasMessageContaining("end_s is not a number");
        Files.writeString(m, HEADER.replace("group", "split") + "x,r.wav,0,1,,train,,a.npy,,\n");
        assertThatThrownBy(() -> DatasetManifest.read(m)).hasMessageContaining("\"split\" appears twice");
    }

    @Test
    void semicolonIsTheSeparatorAndNoLabelMayHoldAnySeparator(@TempDir Path dir) throws Exception {
        // Older manifests that used ',' or '|' read the same: no label can contain them.
        assertThat(DatasetManifest.parseLabels("b|a")).containsExactly("a", "b");
        assertThatThrownBy(() -> DatasetManifest.parseLabels("orca+calf;humpback"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"orca+calf\"");
        assertThatThrownBy(() -> new DatasetEntry("x", "r.wav", 0, 1, List.of("a;b"), "train", "", "x.npy", "", "",
                Map.of())).hasMessageContaining("\"a;b\"").hasMessageContaining("';'");
        Path m = dir.resolve("manifest.csv");
        Files.writeString(m, HEADER + "x,r.wav,0,1,orca+calf,train,,a.npy,,\n");
        assertThatThrownBy(() -> DatasetManifest.read(m)).isExactlyInstanceOf(EchomaskException.class)
                .hasMessageContaining(m + ", line 2").hasMessageContaining("\"orca+calf\"");
    }

    @Test
    void sourceManifestsNameFileLineAndLabel(@TempDir Path dir) throws Exception {
        Path m = dir.resolve("source.csv");
        Files.writeString(m, "\uFEFFpath,label,tape\na.wav,orca,t1\nb.wav\n");
        assertThatThrownBy(() -> ExampleSources.fromManifest(m, null)).isExactlyInstanceOf(EchomaskException.class)
                .hasMessageContaining(m + ", line 3").hasMessageContaining("1 field(s) but the header has 3 columns");
        Files.writeString(m, "\uFEFFpath,label,tape\na.wav,orca,t1\nb.wav,\"humpback,t2\n");
        assertThatThrownBy(() -> ExampleSources.fromManifest(m, null)).isExactlyInstanceOf(EchomaskException.class)
                .hasMessageContaining(m.toString()).hasMessageContaining("malformed CSV after line 2");
        Files.writeString(m, "\uFEFFpath,label,tape\na.wav,orca,t1\nb.wav,orca+calf,t2\n");
        assertThatThrownBy(() -> ExampleSources.fromManifest(m, null)).isExactlyInstanceOf(EchomaskException.class)
                .hasMessageContaining(m + ", line 3, column \"label\"").hasMessageContaining("\"orca+calf\"");
        Files.writeString(m, "\uFEFFpath,label,tape\na.wav,orca;humpback,t1\n");
        assertThat(ExampleSources.fromManifest(m, null)).singleElement().satisfies(p -> {
            assertThat(p.fileLabels()).containsExactly("humpback", "orca");
            assertThat(p.group()).isEqualTo("t1");
        });
    }

    @Test
    void aClassFolderNameMustBeALabel(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("orca,calf"));
        Files.write(dir.resolve("orca,calf/a.wav"), new byte[44]);
        assertThatThrownBy(() -> ExampleSources.fromFolders(dir)).isExactlyInstanceOf(EchomaskException.class)
                .hasMessageContaining("orca,calf").hasMessageContaining("rename the folder");
    }
}
