package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.echomask.testing.TestWavs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: whatever the bytes, a reader either delivers samples or raises {@link AudioFileException}
 * naming the file, promptly: never an OutOfMemoryError, an IndexOutOfBoundsException or a hang.
 * A fixed-seed sweep of small mutations (bit flips, overwritten header bytes, 32-bit fields set
 * to extremes, cuts, runs of garbage) of valid files, cheap enough for every build.
 */
class MalformedAudioSweepTest {
    private static final int MUTANTS = 120;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mono16_8k.flac", "stereo24_48k.flac", "six16_16k.flac", "pcm16.wav", "float32.wav", "rf64.wav"})
    void everyMutantIsReadOrRefusedClearly(String seedName) throws IOException {
        byte[] seed = seed(seedName);
        Random rnd = new Random(seedName.hashCode());
        List<String> escapes = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < MUTANTS; i++) {
                byte[] b = mutate(seed, rnd, i % 5);
                Path p = Files.write(dir.resolve("m" + i + seedName.substring(seedName.indexOf('.'))), b);
                try {
                    if (i % 2 == 0) {
                        AudioReaders.readMono(p, ChannelMix.MEAN);
                    } else {
                        try (AudioSource src = AudioReaders.open(p)) {
                            AudioTestSupport.readAll(src, 500);
                        }
                    }
                } catch (AudioFileException e) {
                    if (!e.getMessage().contains(p.toString())) {
                        escapes.add("mutant " + i + ": message does not name the file: " + e.getMessage());
                    }
                } catch (RuntimeException | Error e) {
                    escapes.add("mutant " + i + " (kind " + (i % 5) + "): " + e);
                }
            }
        });
        assertThat(escapes).isEmpty();
    }

    private static byte[] mutate(byte[] seed, Random rnd, int kind) {
        byte[] b = seed.clone();
        switch (kind) {
            case 0 -> {
                for (int j = 1 + rnd.nextInt(4); j > 0; j--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> b[rnd.nextInt(Math.min(b.length, 120))] = (byte) rnd.nextInt(256);
            case 2 -> {
                int[] extremes = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0};
                int at = 4 + rnd.nextInt(Math.min(b.length, 100) - 8);
                java.nio.ByteBuffer.wrap(b).putInt(at, extremes[rnd.nextInt(extremes.length)]);
            }
            case 3 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
            default -> {
                int from = rnd.nextInt(b.length);
                for (int j = from; j < Math.min(b.length, from + 1 + rnd.nextInt(200)); j++) {
                    b[j] = (byte) rnd.nextInt(256);
                }
            }
        }
        return b;
    }

    private static byte[] seed(String name) {
        float[][] s = TestWavs.ramp(2, 300);
        return switch (name) {
            case "pcm16.wav" -> TestWavs.pcm(2, 8000, 16).samples(s).bytes();
            case "float32.wav" -> TestWavs.ieeeFloat(2, 8000, 32).samples(s).bytes();
            case "rf64.wav" -> TestWavs.ieeeFloat(2, 8000, 32).samples(s).rf64().bytes();
            default -> {
                try {
                    yield Files.readAllBytes(FlacReaderTest.resource(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
