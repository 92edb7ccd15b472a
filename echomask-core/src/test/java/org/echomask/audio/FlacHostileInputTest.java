package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: damaged and hostile FLAC files. Each case edits the bytes of mono16_8k.flac: "fLaC",
 * STREAMINFO (header at byte 4, body 8..41; total samples in bytes 21..25), VORBIS_COMMENT (the
 * last block: header at 42, vendor length at 46, comment count at 82), then three frames of 576,
 * 576 and 48 samples at bytes 86, 918 and 1749.
 */
class FlacHostileInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final int FRAME_2 = 918;

    @TempDir
    Path dir;

    private static byte[] fixture() {
        try {
            return Files.readAllBytes(FlacReaderTest.resource("mono16_8k.flac"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] expected() {
        return FixtureSignal.samples(1200, 1, 16, 1)[0];
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] truncatedFixture() {
        try {
            return Files.readAllBytes(FlacReaderTest.resource("mono16_8k_truncated.flac"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withTotalSamples(long total) {
        return withTotalSamples(fixture(), total);
    }

    private static byte[] withTotalSamples(byte[] b, long total) {
        b[21] = (byte) ((b[21] & 0xf0) | (int) (total >>> 32 & 0x0f));
        ByteBuffer.wrap(b).putInt(22, (int) total);
        return b;
    }

    private static float[] readAll(Path p) {
        try (AudioSource src = AudioReaders.open(p)) {
            return AudioTestSupport.readAll(src, 100)[0];
        }
    }

    /** A STREAMINFO total below the real count made jflac's readNextFrame spin forever. */
    @ParameterizedTest(name = "total {0}")
    @ValueSource(longs = {512, 1152, 1})
    void aTotalBelowTheRealSampleCountIsRefusedInsteadOfLoopingForever(long total) {
        Path p = write("short-total.flac", withTotalSamples(total));
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> readAll(p))
                .isInstanceOf(AudioFileException.class).hasMessageContaining(p.toString())
                .hasMessageContaining("STREAMINFO declares " + total + " samples").hasMessageContaining("corrupt header"));
    }

    /** An 8 KB file declaring 2^31 - 256 samples made readMono allocate 8 GB (OutOfMemoryError). */
    @Test
    void aHugeDeclaredTotalSizesNoArray() {
        Path p = write("huge-total.flac", withTotalSamples((1L << 31) - 256));
        assertTimeoutPreemptively(QUICKLY, () -> {
            long before = AudioTestSupport.allocatedBytes();
            assertThatThrownBy(() -> AudioReaders.readMono(p, ChannelMix.MEAN)).isInstanceOf(AudioFileException.class)
                    .hasMessageContaining("truncated: 2147483392 frames declared, 1200 present");
            assertThat(AudioReaders.readMono(p, ChannelMix.MEAN, ReadOptions.lenient()).samples()).containsExactly(expected());
            assertThat(AudioTestSupport.allocatedBytes() - before).isLessThan(AudioTestSupport.SMALL_ALLOCATION);
        });
    }

    /** jflac parsed tags and pictures and trusted their inner lengths: 2^31 was an OutOfMemoryError. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vendor length", "comment count", "picture mime length"})
    void tagsAndPicturesWithHugeInnerLengthsAreSkippedUnread(String field) {
        byte[] b = fixture();
        ByteBuffer le = ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        switch (field) {
            case "vendor length" -> le.putInt(46, Integer.MAX_VALUE);
            case "comment count" -> le.putInt(82, Integer.MAX_VALUE);
            default -> {
                // A 32-byte PICTURE block before VORBIS_COMMENT: picture type 3, MIME type 2^31 - 1 bytes long.
                ByteBuffer picture = ByteBuffer.allocate(36).put(new byte[] {6, 0, 0, 32}).putInt(3).putInt(Integer.MAX_VALUE);
                b = concat(Arrays.copyOf(b, 42), picture.array(), Arrays.copyOfRange(b, 42, b.length));
            }
        }
        Path p = write("tags.flac", b);
        assertTimeoutPreemptively(QUICKLY, () -> assertThat(readAll(p)).containsExactly(expected()));
    }

    @Test
    void aMetadataBlockLongerThanTheFileIsNamed() {
        byte[] b = fixture();
        b[43] = (byte) 0xff; // VORBIS_COMMENT length 0xff0028
        Path p = write("long-block.flac", b);
        assertThatThrownBy(() -> AudioReaders.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("block 2 (VORBIS_COMMENT) at byte 42 declares 16711720 bytes but only 1783 remain");
    }

    /** Header damage was reported as "FLAC stream ends inside its metadata (truncated?)". */
    @Test
    void damagedStreamInfoIsNamedNotCalledTruncated() {
        byte[] wrongLength = fixture();
        wrongLength[7] = 0x23;
        byte[] wrongType = fixture();
        wrongType[4] = 0x04;
        byte[] zeroRate = fixture();
        zeroRate[18] = 0;
        zeroRate[19] = 0;
        zeroRate[20] &= 0x0f;
        assertThatThrownBy(() -> AudioReaders.open(write("len.flac", wrongLength))).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("STREAMINFO) at byte 4 declares 35 bytes; STREAMINFO is always 34")
                .hasMessageNotContaining("truncated");
        assertThatThrownBy(() -> AudioReaders.open(write("type.flac", wrongType))).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("block 1 (VORBIS_COMMENT) at byte 4 comes first where STREAMINFO must")
                .hasMessageNotContaining("truncated");
        assertThatThrownBy(() -> AudioReaders.open(write("rate.flac", zeroRate))).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("sample rate of 0 Hz (corrupt header)");
    }

    /** jflac zero-filled a frame whose checksum failed and dropped one with a bad header, without a word. */
    @Test
    void aCorruptFrameIsRefusedNamingItsTime() {
        byte[] body = fixture();
        body[FRAME_2 + 300] ^= 0x10;
        byte[] header = fixture();
        header[FRAME_2 + 2] ^= 0x01; // sample-rate bits: the header's CRC-8 fails
        assertThatThrownBy(() -> readAll(write("body.flac", body))).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("body.flac")
                .hasMessageContaining("corrupt FLAC frame at 0.072 s (sample 576): frame checksum (CRC-16) mismatch; "
                        + "1 corrupt frame in the file");
        assertThatThrownBy(() -> readAll(write("header.flac", header))).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("corrupt FLAC frame at 0.072 s (sample 576): frame header checksum (CRC-8) mismatch");
    }

    @Test
    void everyCorruptFrameIsCounted() {
        byte[] b = fixture();
        b[86 + 200] ^= 0x04;
        b[FRAME_2 + 400] ^= 0x40;
        b[1749 + 30] ^= 0x01;
        assertThatThrownBy(() -> readAll(write("three.flac", b))).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("corrupt FLAC frame at 0.000 s (sample 0)").hasMessageContaining("3 corrupt frames");
    }

    @Test
    void garbageBetweenFramesIsCorruption() {
        byte[] f = fixture();
        byte[] b = concat(Arrays.copyOf(f, FRAME_2), new byte[] {1, 2, 3, 4, 5}, Arrays.copyOfRange(f, FRAME_2, f.length));
        assertThatThrownBy(() -> readAll(write("gap.flac", b))).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("at 0.072 s (sample 576): bytes that are not FLAC frames");
    }

    /**
     * After the declared total, bytes that are not frames (an ID3v1 tag) are ignored, as libFLAC
     * does; jflac spun forever on them.
     */
    @Test
    void aTagAfterTheLastFrameIsIgnored() {
        byte[] tag = new byte[128];
        tag[0] = 'T';
        tag[1] = 'A';
        tag[2] = 'G';
        Arrays.fill(tag, 3, 128, (byte) 0xff);
        Path p = write("id3v1.flac", concat(fixture(), tag));
        assertTimeoutPreemptively(QUICKLY, () -> assertThat(readAll(p)).containsExactly(expected()));
    }

    /**
     * At the end of a stream after a damaged frame header, jflac's readNextFrame retried the header
     * forever without reading a byte (the second frame's sync 0xFFF8 turned 0xFFFA, file cut short).
     */
    @Test
    void aDamagedHeaderAtTheEndOfTheStreamEndsTheReadInsteadOfSpinning() {
        byte[] b = truncatedFixture();
        b[FRAME_2 + 1] = (byte) 0xFA;
        Path p = write("spin.flac", b);
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(() -> readAll(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("corrupt FLAC frame at 0.072 s (sample 576): bad frame header")
                .hasMessageContaining("1 corrupt frame in the file"));
    }

    /** With no total in STREAMINFO (streaming encoders), a stream cut inside a frame was read as complete. */
    @Test
    void aStreamCutInsideAFrameIsTruncatedEvenWithoutADeclaredTotal() {
        Path p = write("no-total.flac", withTotalSamples(truncatedFixture(), 0));
        assertThatThrownBy(() -> readAll(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("truncated: the stream ends inside the frame at 0.072 s (sample 576)");
        try (AudioSource src = AudioReaders.open(p, ReadOptions.lenient())) {
            assertThat(src.info().frames()).isEqualTo(-1);
            assertThat(AudioTestSupport.readAll(src, 100)[0]).containsExactly(Arrays.copyOf(expected(), 576));
        }
        assertThat(readAll(write("complete.flac", withTotalSamples(0)))).containsExactly(expected());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
