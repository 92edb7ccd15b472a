package org.echomask.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleIdsTest {

    @Test
    void idsAreStemsUnlessTheyCollide() {
        List<String> ids = ExampleIds.forRecordings(List.of(Path.of("/d/beluga/1.wav"), Path.of("/d/orca/1.wav"),
                Path.of("/d/orca/2 (copy).flac"), Path.of("/e/orca/1.wav")));
        assertThat(ids).containsExactly("beluga__1", "orca__1", "2__copy_", "orca__1-2");
    }
}
