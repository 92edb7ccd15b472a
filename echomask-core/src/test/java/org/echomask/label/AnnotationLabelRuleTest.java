package org.echomask.label;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every annotation reader refuses a label the manifests cannot carry (';' ',' '|' '+'), naming the
 * file, line, column and label: accepted, it would come back from the manifest as other labels.
 */
class AnnotationLabelRuleTest {
    @TempDir
    Path dir;

    @Test
    void ravenTables() throws IOException {
        Path t = dir.resolve("r.Table.1.selections.txt");
        Files.writeString(t, "Selection\tBegin Time (s)\tEnd Time (s)\tSpecies\n1\t0\t1\torca\n2\t1\t2\torca;calf\n");
        assertThatThrownBy(() -> RavenTable.read(t)).isInstanceOf(AnnotationFileException.class)
                .hasMessageContaining(t + ", line 3, column \"Species\"").hasMessageContaining("\"orca;calf\"");
        assertThatThrownBy(() -> RavenTable.readAs(t, "a|b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'|'");
    }

    @Test
    void audacityLabels() throws IOException {
        Path t = dir.resolve("l.txt");
        Files.writeString(t, "0.5\t1.0\tcall, faint\n");
        assertThatThrownBy(() -> AudacityLabels.read(t)).isInstanceOf(AnnotationFileException.class)
                .hasMessageContaining(t + ", line 1, column \"label\"").hasMessageContaining("\"call, faint\"");
    }

    @Test
    void csvAnnotations() throws IOException {
        Path t = dir.resolve("a.csv");
        Files.writeString(t, "recording,begin_s,end_s,label\na.wav,1,2,orca|calf\n");
        assertThatThrownBy(() -> CsvAnnotations.read(t)).isInstanceOf(AnnotationFileException.class)
                .hasMessageContaining(t + ", line 2, column \"label\"").hasMessageContaining("\"orca|calf\"");
    }
}
