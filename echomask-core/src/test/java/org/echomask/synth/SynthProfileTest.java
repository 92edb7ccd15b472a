package org.echomask.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthProfileTest {
    @Test
    void builtInsRoundTripThroughJson() {
        for (String name : SynthProfile.builtInNames()) {
            SynthProfile p = SynthProfile.builtIn(name);
            String json = Json.write(p);
            assertThat(json).contains("\"porpoise_click_probability\"").contains("\"colour_exponent\"");
            assertThat(Json.read(json, SynthProfile.class)).isEqualTo(p);
        }
        SynthConfig config = SynthConfig.of(SynthProfile.SHIFTED);
        assertThat(Json.read(Json.write(config), SynthConfig.class)).isEqualTo(config);
    }

    @Test
    void resolvesBuiltInsByNameAndCustomProfilesFromFiles(@TempDir Path dir) {
        assertThat(SynthProfile.builtInNames()).containsExactly("origin", "shifted");
        assertThat(SynthProfile.resolve("shifted")).isSameAs(SynthProfile.SHIFTED);
        Path file = dir.resolve("mine.json");
        Json.writeFile(file, SynthProfile.ORIGIN);
        assertThat(SynthProfile.resolve(file.toString())).isEqualTo(SynthProfile.ORIGIN);
        assertThatThrownBy(() -> SynthProfile.builtIn("winter")).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("winter").hasMessageContaining("origin");
    }

    @Test
    void invalidValuesAreRejectedWithTheirName() {
        String json = Json.write(SynthProfile.ORIGIN).replace("\"whistle_probability\" : 0.5", "\"whistle_probability\" : 1.5");
        assertThatThrownBy(() -> Json.read(json, SynthProfile.class)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> Range.of(2, 1)).isInstanceOf(EchomaskException.class);
        assertThatThrownBy(() -> new SynthConfig(SynthProfile.ORIGIN, 44_100, 2, 0.5))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("44100");
    }

    /**
     * The shifted domain is measurably different: its sea noise falls faster with frequency
     * (steeper spectral slope between 300–600 Hz and 3–5 kHz, below where shrimp snaps take over), and its sensor cuts the top octave.
     */
    @Test
    void shiftedProfileDiffersMeasurablyFromOrigin() {
        double originSlope = meanSlopeDb(SynthProfile.ORIGIN, 300, 600, 3_000, 5_000);
        double shiftedSlope = meanSlopeDb(SynthProfile.SHIFTED, 300, 600, 3_000, 5_000);
        assertThat(shiftedSlope - originSlope).isGreaterThan(4);
        double originTop = meanSlopeDb(SynthProfile.ORIGIN, 40_000, 60_000, 120_000, 140_000);
        double shiftedTop = meanSlopeDb(SynthProfile.SHIFTED, 40_000, 60_000, 120_000, 140_000);
        assertThat(shiftedTop - originTop).isGreaterThan(6);
    }

    /** Mean over vessel-free clips of the noise PSD drop (dB per Hz) from band a to band b. */
    private static double meanSlopeDb(SynthProfile profile, double aLow, double aHigh, double bLow, double bHigh) {
        SynthProfile quiet = TestProfiles.allLabelsOnce(profile, 0, 0);
        SynthProfile noiseOnly = new SynthProfile(profile.name(), 0, 0, 0, 0, quiet.whistle(), quiet.belugaClick(),
                quiet.porpoiseClick(), quiet.vessel(), quiet.ambient(), quiet.sensor());
        SynthConfig config = new SynthConfig(noiseOnly, 288_000, 0.25, 0.5);
        double sum = 0;
        int clips = 6;
        for (int i = 0; i < clips; i++) {
            float[] noise = SoundscapeGenerator.generate(1, i, config).noise();
            double a = Spectral.bandEnergy(noise, 0, noise.length, 288_000, aLow, aHigh) / (aHigh - aLow);
            double b = Spectral.bandEnergy(noise, 0, noise.length, 288_000, bLow, bHigh) / (bHigh - bLow);
            sum += 10 * Math.log10(a / b);
        }
        return sum / clips;
    }
}
