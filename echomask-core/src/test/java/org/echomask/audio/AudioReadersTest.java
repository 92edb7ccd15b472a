package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.echomask.testing.TestWavs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioReadersTest {
    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.wav");
        assertThatThrownBy(() -> AudioReaders.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessage(p + ": no such file");
    }

    @Test
    void directory() {
        assertThatThrownBy(() -> AudioReaders.open(dir)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void emptyFile() throws IOException {
        Path p = Files.createFile(dir.resolve("empty.wav"));
        assertThatThrownBy(() -> AudioReaders.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void notAudio() throws IOException {
        Path p = Files.writeString(dir.resolve("notes.wav"), "hello, this is text");
        assertThatThrownBy(() -> AudioReaders.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("not a WAV or FLAC file").hasMessageContaining("68 65 6c 6c");
        Path q = Files.write(dir.resolve("short.wav"), new byte[] {'R', 'I', 'F', 'F'});
        assertThatThrownBy(() -> AudioReaders.open(q)).hasMessageContaining("not a WAV or FLAC file");
    }

    @Test
    void readMonoMeanAndSelection() {
        float[][] s = TestWavs.ramp(3, 500);
        Path p = TestWavs.ieeeFloat(3, 22050, 32).samples(s).write(dir.resolve("three.wav"));
        MonoAudio mean = AudioReaders.readMono(p, ChannelMix.MEAN);
        assertThat(mean.sampleRate()).isEqualTo(22050);
        assertThat(mean.info().channels()).isEqualTo(3);
        assertThat(mean.samples()).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(mean.samples()[i]).isCloseTo((s[0][i] + s[1][i] + s[2][i]) / 3f, within(1e-6f));
        }
        MonoAudio second = AudioReaders.readMono(p, ChannelMix.select(1));
        assertThat(second.samples()).containsExactly(s[1]);
        assertThat(second.durationSeconds()).isCloseTo(500 / 22050.0, within(1e-12));
    }

    @Test
    void channelOutOfRangeNamesTheFileAndTheCount() {
        Path p = TestWavs.pcm(2, 8000, 16).samples(TestWavs.ramp(2, 10)).write(dir.resolve("two.wav"));
        assertThatThrownBy(() -> AudioReaders.readMono(p, ChannelMix.select(2))).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("two.wav").hasMessageContaining("channel 2 requested (0-based)")
                .hasMessageContaining("2 channels");
        assertThatThrownBy(() -> ChannelMix.select(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelMixStreamsPerBlock() {
        float[][] block = {{1, 2, 3, 4}, {3, 4, 5, 6}};
        assertThat(ChannelMix.MEAN.mix(block, 3)).containsExactly(2, 3, 4);
        assertThat(ChannelMix.select(1).mix(block, 2)).containsExactly(3, 4);
        float[] dest = new float[5];
        ChannelMix.MEAN.mixInto(block, 2, 2, dest, 1);
        assertThat(dest).containsExactly(0, 4, 5, 0, 0);
        assertThat(ChannelMix.MEAN.mix(new float[][] {{7, 8}}, 2)).containsExactly(7, 8);
    }

    @Test
    void filesUnderFindsAudioByEndingRecursivelySortedAndSkipsHiddenFiles(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("b/deep"));
        for (String f : new String[] {"b/deep/x.FLAC", "a.wav", "b/c.Wave", "._a.wav", "b/.hidden.wav", "notes.txt", "a.wav.txt"}) {
            Files.writeString(root.resolve(f), "");
        }
        assertThat(AudioReaders.filesUnder(root)).containsExactly(root.resolve("a.wav"), root.resolve("b/c.Wave"),
                root.resolve("b/deep/x.FLAC"));
    }

    /** Issue 13: a FIFO named x.wav blocked the open (and with it a whole batch) until someone wrote to it. */
    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("x.wav");
        try {
            Process mk = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
        }
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                assertThatThrownBy(() -> AudioReaders.open(fifo)).isInstanceOf(AudioFileException.class)
                        .hasMessage(fifo + ": not a regular file (a FIFO, device or socket?): only audio files are read");
                assertThatThrownBy(() -> WavReader.open(fifo)).hasMessageContaining("not a regular file");
                assertThatThrownBy(() -> FlacReader.open(fifo)).hasMessageContaining("not a regular file");
            });
        } finally {
            // Had an open blocked on the FIFO, opening its other end (read-write never blocks) frees that thread.
            new RandomAccessFile(fifo.toFile(), "rw").close();
        }
    }

    /**
     * Issue 13: readMono sized its array by the header, so an 8 KB WAV declaring 0xFFFFFF00 data
     * bytes was an OutOfMemoryError and one declaring 0x7FFFFFFF made the JVM allocate 4.2 GB. Only
     * the bytes present size anything now; the early end is reported as before ("truncated"), and
     * read when allowed.
     */
    @ParameterizedTest(name = "data size {0}")
    @ValueSource(longs = {0xFFFFFF00L, 0x7FFFFFFFL, 0x80000000L})
    void aDeclaredDataSizeBeyondTheFileSizesNothing(long declared) {
        float[][] s = TestWavs.ramp(1, 4000);
        Path p = TestWavs.pcm(1, 8000, 16).samples(s).dataSize(declared).write(dir.resolve("liar.wav"));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            long before = AudioTestSupport.allocatedBytes();
            assertThatThrownBy(() -> AudioReaders.readMono(p, ChannelMix.MEAN)).isInstanceOf(AudioFileException.class)
                    .hasMessageContaining("liar.wav").hasMessageContaining("frames declared, 4000 present");
            assertThat(AudioReaders.readMono(p, ChannelMix.MEAN, ReadOptions.lenient()).samples()).hasSize(4000);
            assertThat(AudioTestSupport.allocatedBytes() - before).isLessThan(AudioTestSupport.SMALL_ALLOCATION);
        });
    }

    /** Issue 13: a 196 KB file of one 65535-channel frame took 5.4 GB of block buffers. */
    @Test
    void sixtyFiveThousandChannelsGetBuffersSizedByTheData() {
        float[][] s = TestWavs.ramp(65535, 2);
        Path p = TestWavs.pcm(65535, 8000, 24).samples(s).write(dir.resolve("many.wav"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            long before = AudioTestSupport.allocatedBytes();
            MonoAudio m = AudioReaders.readMono(p, ChannelMix.select(65534));
            assertThat(AudioTestSupport.allocatedBytes() - before).isLessThan(AudioTestSupport.SMALL_ALLOCATION);
            assertThat(m.info().channels()).isEqualTo(65535);
            assertThat(m.samples()).hasSize(2);
            assertThat(m.samples()[1]).isEqualTo(TestWavs.quantise(s[65534][1], TestWavs.PCM, 24));
        });
    }
}
