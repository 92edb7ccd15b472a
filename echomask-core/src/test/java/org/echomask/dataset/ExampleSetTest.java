package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.testing.SyntheticDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleSetTest {

    @Test
    void loadsArraysWithBinaryOrSoftMasksAndNamesMissingKinds(@TempDir Path dir) {
        Path ds = SyntheticDatasets.origin(dir, 6, 0.25, 4);
        ExampleSet binary = ExampleSet.load(ds, e -> true, MaskSelection.binary("hq"), 2, Progress.NONE);
        assertThat(binary.size()).isEqualTo(6);
        assertThat(binary.height()).isEqualTo(128);
        assertThat(binary.width()).isEqualTo(128);
        ExampleSet soft = ExampleSet.load(ds, e -> true, MaskSelection.soft("hq", 2), 2, Progress.NONE);
        for (int i = 0; i < soft.size(); i++) {
            float[] b = binary.get(i).mask();
            float[] s = soft.get(i).mask();
            for (int p = 0; p < b.length; p++) {
                assertThat(b[p]).isIn(0f, 1f);
                // a soft mask is 1 on the binary mask and decays (but stays > 0 nearby) outside it
                if (b[p] == 1f) {
                    assertThat(s[p]).isEqualTo(1f);
                } else {
                    assertThat(s[p]).isBetween(0f, 1f);
                }
            }
            assertThat(soft.get(i).spectrogram()).containsExactly(binary.get(i).spectrogram());
        }
        ExampleSet none = ExampleSet.load(ds, e -> e.split().equals("train"), MaskSelection.NONE, 1, Progress.NONE);
        assertThat(none.examples()).allSatisfy(x -> assertThat(x.mask()).isNull());
        assertThatThrownBy(() -> ExampleSet.load(ds, e -> true, MaskSelection.binary("generated"), 1, Progress.NONE))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("6 of 6").hasMessageContaining("segment predict");
    }
}
