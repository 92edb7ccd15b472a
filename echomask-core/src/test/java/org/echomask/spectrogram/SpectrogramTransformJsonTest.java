package org.echomask.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrogramTransformJsonTest {
    static final SpectrogramTransform MEL_PCEN = SpectrogramTransform.builder(SpectrogramTransform.ORIGIN)
            .name("mel-pcen").sampleRate(32_000).nFft(1024).hop(320).window(WindowType.BLACKMAN).fminHz(50)
            .fmaxHz(16_000).melBands(128).melScale(MelScale.HTK).pcen(new PcenConfig(0.06, 0.8, 10, 0.25, 1e-6))
            .topDb(null).outputSize(128, 0).normalisation(Normalisation.PER_IMAGE).build();

    @Test
    void builtInsAndMelPcenRoundTripWithSnakeCaseKeys() {
        for (SpectrogramTransform t : new SpectrogramTransform[] {SpectrogramTransform.ORIGIN,
                SpectrogramTransform.ALTERNATIVE, MEL_PCEN}) {
            String json = Json.write(t);
            assertThat(Json.read(json, SpectrogramTransform.class)).isEqualTo(t);
        }
        String json = Json.write(MEL_PCEN);
        assertThat(json).contains("\"n_fft\" : 1024", "\"mel_bands\" : 128", "\"mel_scale\" : \"htk\"",
                "\"time_constant_seconds\" : 0.06", "\"window\" : \"blackman\"", "\"normalisation\" : \"per_image\"",
                "\"fmin_hz\" : 50.0", "\"output_height\" : 128");
    }

    @Test
    void optionalFieldsDefaultToOffAndEnumsReadInAnyCase() {
        String json = """
                {"name": "lin", "sample_rate": 0, "window": "HANN", "n_fft": 512, "hop": 256, "center": true,
                 "scale": "Db", "db_floor": 1e-10, "normalisation": "none"}""";
        SpectrogramTransform t = Json.read(json, SpectrogramTransform.class);
        assertThat(t.window()).isEqualTo(WindowType.HANN);
        assertThat(t.topDb()).isNull();
        assertThat(t.pcen()).isNull();
        assertThat(t.melBands()).isZero();
        assertThat(t.fmaxHz()).isZero();
    }

    @Test
    void unknownKeysMissingFieldsAndBadValuesAreClearErrors() {
        String good = Json.write(SpectrogramTransform.ORIGIN);
        assertThatThrownBy(() -> Json.read(good.replace("\"hop\"", "\"hop_size\" : 3, \"hop\""),
                SpectrogramTransform.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("hop_size");
        assertThatThrownBy(() -> Json.read(good.replace("\"window\" : \"hann\"", "\"window\" : \"kaiser\""),
                SpectrogramTransform.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("unknown window 'kaiser'")
                .hasMessageContaining("hann, hamming, blackman");
        assertThatThrownBy(() -> Json.read(good.replace("\"n_fft\" : 1024", "\"n_fft\" : 4"), SpectrogramTransform.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("n_fft must be in [8, 2^20]: 4");
        assertThatThrownBy(() -> Json.read(good.replace("\"fmax_hz\" : 144000.0", "\"fmax_hz\" : 200000.0"),
                SpectrogramTransform.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("above Nyquist");
        assertThatThrownBy(() -> Json.read(good.replaceAll("\"hop\" : 512,", ""), SpectrogramTransform.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("hop");
        assertThatThrownBy(() -> Json.read("{\"name\": \"x\", \"pcen\": {\"gain\": -1}}", SpectrogramTransform.class))
                .isInstanceOf(EchomaskException.class);
    }

    @Test
    void loadResolvesBuiltInNamesThenJsonFiles(@TempDir Path dir) throws Exception {
        assertThat(SpectrogramTransform.load("origin")).isSameAs(SpectrogramTransform.ORIGIN);
        Path file = dir.resolve("t.json");
        Json.writeFile(file, MEL_PCEN);
        assertThat(SpectrogramTransform.load(file.toString())).isEqualTo(MEL_PCEN);
        assertThatThrownBy(() -> SpectrogramTransform.load("orign")).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("orign").hasMessageContaining("[alternative, origin, plain, watkins, watkins-alternative]");
        Files.writeString(file, "{\"name\": ");
        assertThatThrownBy(() -> SpectrogramTransform.load(file.toString())).isInstanceOf(EchomaskException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void builderChangesOnlyWhatItIsTold() {
        SpectrogramTransform t = SpectrogramTransform.builder(SpectrogramTransform.ORIGIN).nFft(2048).hop(256)
                .window(WindowType.HAMMING).scale(Scale.POWER).fminHz(1000).fmaxHz(100_000).name("o2").build();
        assertThat(t).isEqualTo(new SpectrogramTransform("o2", 288_000, WindowType.HAMMING, 2048, 256, true, Scale.POWER,
                1e-10, 80.0, 1000, 100_000, 0, null, null, 128, 128, Normalisation.IMAGENET));
        assertThat(SpectrogramTransform.builder(t).melBands(64).build().melScale()).isEqualTo(MelScale.SLANEY);
        assertThatThrownBy(() -> SpectrogramTransform.builder(t).hop(0).build()).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("hop must be >= 1");
    }
}
