package org.echomask.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 11: a hop far below the window (--hop-s 1e-9 gave a window per sample) made an
 * analysis that never ended; a recording that would get more than
 * {@link AnalysisSettings#MAX_WINDOWS_PER_RECORDING} windows is refused, naming it and the hop.
 */
class WindowCountTest {
    private static AnalysisSettings settings(double windowS, double hopS) {
        return new AnalysisSettings(List.of("/m"), List.of("f"), List.of(1.0), List.of("a"), windowS, hopS, 16000, -1,
                List.of(0.5), PostProcess.NONE, 0);
    }

    @Test
    void windowsAreCountedAsTheWindowingMakesThem() {
        assertThat(settings(2, 1).windowCount(10)).isEqualTo(9); // 0-2, 1-3, ..., 8-10
        assertThat(settings(2, 1).windowCount(1)).isEqualTo(1); // one short window
        assertThat(settings(2, 0.5).windowCount(3600)).isEqualTo(7197);
    }

    @Test
    void aRecordingWithTooManyWindowsIsRefusedNamingItAndTheHop() {
        settings(1, 0.1).checkWindowCount("day.wav", 86_400); // a day at 0.1 s: 864k windows, fine
        assertThatThrownBy(() -> settings(1, 1.0 / 16000).checkWindowCount("day.wav", 86_400))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("day.wav").hasMessageContaining("--hop-s")
                .hasMessageContaining("windows");
        settings(1, 1.0 / 16000).checkWindowCount("unknown.wav", Double.NaN); // length unknown: counted as it goes
    }
}
