package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FLAC fixtures made by src/test/python/make_flac_fixtures.py from a signal {@link FixtureSignal} regenerates. */
class FlacReaderTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(FlacReaderTest.class.getResource("/audio/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"mono16_8k, 1, 8000, 16, 1200, 1", "stereo24_48k, 2, 48000, 24, 1000, 2", "six16_16k, 6, 16000, 16, 700, 3"})
    void decodesTheSamplesItWasMadeFrom(String name, int channels, int rate, int bits, int frames, long seed) {
        float[][] expected = FixtureSignal.samples(frames, channels, bits, seed);
        try (AudioSource flac = AudioReaders.open(resource(name + ".flac"))) {
            assertThat(flac).isInstanceOf(FlacReader.class);
            AudioInfo info = flac.info();
            assertThat(info.channels()).isEqualTo(channels);
            assertThat(info.sampleRate()).isEqualTo(rate);
            assertThat(info.bitsPerSample()).isEqualTo(bits);
            assertThat(info.frames()).isEqualTo(frames);
            float[][] got = AudioTestSupport.readAll(flac, 100); // blocks straddle the 576-sample frames
            assertThat(got).isDeepEqualTo(expected);
        }
    }

    @Test
    void truncatedStreamRaisesUnlessAllowed() {
        Path p = resource("mono16_8k_truncated.flac");
        try (AudioSource flac = AudioReaders.open(p)) {
            assertThatThrownBy(() -> AudioTestSupport.readAll(flac, 256)).isInstanceOf(AudioFileException.class)
                    .hasMessageContaining("1200 frames declared");
        }
        try (AudioSource flac = AudioReaders.open(p, ReadOptions.lenient())) {
            float[][] got = AudioTestSupport.readAll(flac, 256);
            assertThat(got[0].length).isPositive().isLessThan(1200);
        }
    }

    @Test
    void garbageAfterTheMagicIsAClearError() throws IOException {
        Path p = dir.resolve("bad.flac");
        byte[] b = new byte[200];
        b[0] = 'f';
        b[1] = 'L';
        b[2] = 'a';
        b[3] = 'C';
        b[4] = (byte) 0x80; // a last-block flag on a STREAMINFO claiming 0 length
        Files.write(p, b);
        assertThatThrownBy(() -> AudioReaders.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("bad.flac");
    }

    @Test
    void detectsFlacByContentNotExtension() throws IOException {
        Path p = dir.resolve("recording.wav");
        try (InputStream in = Files.newInputStream(resource("mono16_8k.flac"))) {
            Files.copy(in, p);
        }
        try (AudioSource src = AudioReaders.open(p)) {
            assertThat(src).isInstanceOf(FlacReader.class);
        }
    }
}
