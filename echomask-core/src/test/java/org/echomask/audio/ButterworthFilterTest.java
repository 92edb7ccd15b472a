package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ButterworthFilterTest {
    private static final double FS = 32000;

    private static ButterworthFilter design(String name) {
        return switch (name) {
            case "bandpass_4" -> ButterworthFilter.bandPass(4, 50, 15999, FS);
            case "bandpass_2" -> ButterworthFilter.bandPass(2, 1000, 4000, FS);
            case "bandpass_8" -> ButterworthFilter.bandPass(8, 300, 3000, FS);
            case "highpass_4" -> ButterworthFilter.highPass(4, 200, FS);
            case "highpass_1" -> ButterworthFilter.highPass(1, 1000, FS);
            case "lowpass_5" -> ButterworthFilter.lowPass(5, 2500, FS);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @CsvSource({"bandpass_4", "bandpass_2", "bandpass_8", "highpass_4", "highpass_1", "lowpass_5"})
    void matchesScipyButterSosfilt(String name) {
        float[] x = Golden.npy("butter_in.npy");
        float[] expected = Golden.npy("butter_" + name + ".npy");
        float[] y = design(name).apply(x);
        assertThat(Golden.maxAbsDiff(y, expected)).as(name).isLessThan(1e-5);
    }

    @ParameterizedTest
    @CsvSource({"bandpass_8", "highpass_4"})
    void streamingKeepsStateAcrossBlocks(String name) {
        float[] x = Golden.npy("butter_in.npy");
        float[] whole = design(name).apply(x);
        ButterworthFilter f = design(name);
        float[] y = x.clone();
        Random rnd = new Random(7);
        int pos = 0;
        while (pos < y.length) {
            int n = Math.min(y.length - pos, rnd.nextInt(300));
            f.process(y, pos, n);
            pos += n;
        }
        assertThat(y).containsExactly(whole);
    }

    @Test
    void sectionsAndValidation() {
        assertThat(ButterworthFilter.bandPass(4, 50, 15999, FS).sos()).hasNumberOfRows(4);
        assertThat(ButterworthFilter.highPass(3, 100, FS).sos()).hasNumberOfRows(2);
        assertThatThrownBy(() -> ButterworthFilter.bandPass(4, 50, 16000, FS)).hasMessageContaining("Nyquist");
        assertThatThrownBy(() -> ButterworthFilter.highPass(0, 50, FS)).hasMessageContaining("order");
    }
}
