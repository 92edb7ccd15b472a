package org.echomask.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void threeDecimals() {
        assertThat(Formats.f3(0.8749)).isEqualTo("0.875");
        assertThat(Formats.f3(12)).isEqualTo("12.000");
        assertThat(Formats.f3(-0.5)).isEqualTo("-0.500");
        assertThat(Formats.f3(Double.NaN)).isEqualTo("\u2013");
        assertThat(Formats.f3(Double.POSITIVE_INFINITY)).isEqualTo("\u221e");
    }

    @Test
    void percentagesWithOneDecimal() {
        assertThat(Formats.pct1(0.1234)).isEqualTo("12.3 %");
        assertThat(Formats.pct1(1)).isEqualTo("100.0 %");
        assertThat(Formats.pct1(Double.NaN)).isEqualTo("\u2013");
    }

    @Test
    void durations() {
        assertThat(Formats.seconds(12.34)).isEqualTo("12.3 s");
        assertThat(Formats.seconds(119.9)).isEqualTo("119.9 s");
        assertThat(Formats.seconds(245)).isEqualTo("4 min 05 s");
        assertThat(Formats.seconds(3599.4)).isEqualTo("59 min 59 s");
        assertThat(Formats.seconds(7380)).isEqualTo("2 h 03 min");
        assertThat(Formats.seconds(Double.NaN)).isEqualTo("\u2013");
        assertThat(Formats.seconds(-1)).isEqualTo("\u2013");
    }
}
