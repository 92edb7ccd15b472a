package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.echomask.testing.TestWavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WavReaderTest {
    @TempDir
    Path dir;

    static Stream<Arguments> encodings() {
        Stream.Builder<Arguments> s = Stream.builder();
        int[][] kinds = {{TestWavs.PCM, 8}, {TestWavs.PCM, 16}, {TestWavs.PCM, 24}, {TestWavs.PCM, 32},
            {TestWavs.FLOAT, 32}, {TestWavs.FLOAT, 64}};
        for (int[] k : kinds) {
            for (int ch : new int[] {1, 2, 8, 12}) {
                s.add(Arguments.of(k[0], k[1], ch));
            }
        }
        return s.build();
    }

    private static TestWavs.Builder builder(int tag, int bits, int channels, int frames) {
        TestWavs.Builder b = tag == TestWavs.PCM ? TestWavs.pcm(channels, 8000, bits)
                : TestWavs.ieeeFloat(channels, 8000, bits);
        return b.samples(TestWavs.ramp(channels, frames));
    }

    private float[][] read(TestWavs.Builder b, String name, ReadOptions options) {
        Path p = b.write(dir.resolve(name));
        try (AudioSource src = AudioReaders.open(p, options)) {
            return AudioTestSupport.readAll(src, 37);
        }
    }

    @ParameterizedTest(name = "tag {0}, {1} bits, {2} channels")
    @MethodSource("encodings")
    void decodesEveryEncodingAndChannelCount(int tag, int bits, int channels) {
        TestWavs.Builder b = builder(tag, bits, channels, 301);
        Path p = b.write(dir.resolve("x.wav"));
        try (WavReader r = WavReader.open(p)) {
            assertThat(r.info().channels()).isEqualTo(channels);
            assertThat(r.info().sampleRate()).isEqualTo(8000);
            assertThat(r.info().frames()).isEqualTo(301);
            assertThat(r.info().bitsPerSample()).isEqualTo(bits);
            assertThat(r.info().encoding()).isEqualTo(tag == TestWavs.FLOAT ? AudioInfo.SampleEncoding.FLOAT
                    : bits == 8 ? AudioInfo.SampleEncoding.PCM_UNSIGNED : AudioInfo.SampleEncoding.PCM_SIGNED);
            assertThat(r.repairs()).isEmpty();
            assertThat(AudioTestSupport.readAll(r, 64)).isDeepEqualTo(b.expected());
        }
    }

    @Test
    void extremeIntegerValuesStayInRange() {
        float[][] s = {{-1f, 0.99999f, 1f, 0f}};
        for (int bits : new int[] {8, 16, 24, 32}) {
            float[][] got = read(TestWavs.pcm(1, 1000, bits).samples(s), "e" + bits + ".wav", ReadOptions.DEFAULT);
            assertThat(got[0][0]).isEqualTo(-1f);
            assertThat(got[0][2]).isLessThan(1f).isGreaterThan(0.99f);
            assertThat(got[0][3]).isEqualTo(0f);
        }
    }

    @Test
    void extensiblePcmAndFloat() {
        TestWavs.Builder pcm = builder(TestWavs.PCM, 24, 3, 50).extensible(24);
        assertThat(read(pcm, "ext24.wav", ReadOptions.DEFAULT)).isDeepEqualTo(pcm.expected());
        TestWavs.Builder fl = builder(TestWavs.FLOAT, 32, 2, 50).extensible(32);
        assertThat(read(fl, "extf.wav", ReadOptions.DEFAULT)).isDeepEqualTo(fl.expected());
    }

    @Test
    void extensibleWithUnknownGuidIsRefused() {
        byte[] wav = builder(TestWavs.PCM, 16, 1, 10).extensible(16).bytes();
        wav[20 + 24 + 3] = 0x7f; // corrupt a byte of the GUID suffix
        Path p = write("guid.wav", wav);
        assertThatThrownBy(() -> WavReader.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("sub-format GUID");
    }

    @Test
    void skipsChunksBeforeAndAfterDataIncludingOddSizedOnes() {
        TestWavs.Builder b = builder(TestWavs.PCM, 16, 2, 99)
                .chunkBefore("LIST", "INFOISFT\u0005\0\0\0abcd\0".getBytes(StandardCharsets.ISO_8859_1))
                .chunkBefore("fact", new byte[] {99, 0, 0, 0})
                .chunkBefore("bext", new byte[] {1, 2, 3}) // odd size: pad byte follows
                .chunkAfter("LIST", new byte[] {5, 6, 7, 8, 9})
                .chunkAfter("id3 ", new byte[] {1});
        assertThat(read(b, "chunks.wav", ReadOptions.DEFAULT)).isDeepEqualTo(b.expected());
    }

    @Test
    void oddSizedDataChunkOfEightBitMono() {
        TestWavs.Builder b = builder(TestWavs.PCM, 8, 1, 77).chunkAfter("LIST", new byte[] {1, 2});
        assertThat(read(b, "odd.wav", ReadOptions.DEFAULT)).isDeepEqualTo(b.expected());
    }

    @Test
    void wrongByteRateAndBlockAlignAreToleratedAndReported() {
        TestWavs.Builder b = builder(TestWavs.PCM, 24, 2, 40).byteRate(12345).blockAlign(4);
        Path p = b.write(dir.resolve("hdr.wav"));
        try (WavReader r = WavReader.open(p)) {
            assertThat(r.info().frames()).isEqualTo(40);
            assertThat(r.repairs()).anyMatch(s -> s.contains("block align 4"))
                    .anyMatch(s -> s.contains("byte rate 12345"));
            assertThat(AudioTestSupport.readAll(r, 7)).isDeepEqualTo(b.expected());
        }
    }

    @Test
    void streamingDataSizesUseTheRestOfTheFile() {
        for (long size : new long[] {0, 0xffffffffL}) {
            TestWavs.Builder b = builder(TestWavs.PCM, 16, 2, 123).dataSize(size);
            Path p = b.write(dir.resolve("s" + size + ".wav"));
            try (WavReader r = WavReader.open(p)) {
                assertThat(r.info().frames()).isEqualTo(123);
                assertThat(r.repairs()).anyMatch(s -> s.contains("streaming"));
                assertThat(AudioTestSupport.readAll(r, 50)).isDeepEqualTo(b.expected());
            }
        }
    }

    @Test
    void streamingDataSizeIgnoresATrailingPartialFrame() {
        TestWavs.Builder b = builder(TestWavs.PCM, 16, 2, 10).dataSize(0).trailing(new byte[] {1, 2, 3});
        Path p = b.write(dir.resolve("partial.wav"));
        try (WavReader r = WavReader.open(p)) {
            assertThat(r.info().frames()).isEqualTo(10);
            assertThat(AudioTestSupport.readAll(r, 4)).isDeepEqualTo(b.expected());
        }
    }

    /**
     * Issue 13: one NaN, infinite or absurd float sample made every spectrogram of the file NaN (and
     * a resampled window a constant equal to silence) without a word. Now the file is refused,
     * naming the time; loud but real audio (unnormalised 16-bit values as floats) still reads.
     */
    @ParameterizedTest(name = "{0}-bit float, sample {1}")
    @CsvSource({"32,NaN", "32,Infinity", "32,-1e38", "64,NaN", "64,1e300"})
    void impossibleFloatSamplesAreRefusedNamingWhere(int bits, double bad) throws Exception {
        float[][] samples = TestWavs.ramp(2, 4000);
        TestWavs.Builder b = TestWavs.ieeeFloat(2, 8000, bits).samples(samples);
        Path p = b.write(dir.resolve("bad.wav"));
        // The ramp's sample 3001 of channel 2, rewritten with the bad value in the file's own encoding.
        byte[] bytes = java.nio.file.Files.readAllBytes(p);
        int frameBytes = 2 * bits / 8;
        int at = bytes.length - (4000 - 3001) * frameBytes + bits / 8;
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        if (bits == 32) {
            buf.putFloat(at, (float) bad);
        } else {
            buf.putDouble(at, bad);
        }
        java.nio.file.Files.write(p, bytes);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (AudioSource src = AudioReaders.open(p)) {
                AudioTestSupport.readAll(src, 512);
            }
        }).isInstanceOf(AudioFileException.class).hasMessageContaining(p.toString())
                .hasMessageContaining("0.375125 s (frame 3001, channel 2)");
    }

    @Test
    void loudButFiniteFloatSamplesRead() {
        float[][] loud = TestWavs.ramp(1, 100);
        loud[0][7] = 32767f;
        loud[0][8] = -32768f;
        assertThat(read(TestWavs.ieeeFloat(1, 8000, 32).samples(loud), "loud.wav", ReadOptions.DEFAULT)[0])
                .containsExactly(loud[0]);
    }

    /** Issue 13: a ds64 chunk under 16 bytes gave an IndexOutOfBoundsException with no file name. */
    @Test
    void rf64WithAShortDs64ChunkIsRefusedNamingTheFile() throws Exception {
        byte[] bytes = builder(TestWavs.FLOAT, 32, 2, 64).rf64().bytes();
        assertThat(new String(bytes, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("ds64");
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(16, 8);
        Path p = java.nio.file.Files.write(dir.resolve("short-ds64.wav"), bytes);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WavReader.open(p).close())
                .isInstanceOf(AudioFileException.class).hasMessageContaining(p.toString()).hasMessageContaining("ds64");
    }

    /** Found by the fuzz campaign: a ds64 chunk cut off by the end of the file (after the data). */
    @Test
    void rf64WithADs64ChunkCutOffIsRefusedNamingTheFile() throws Exception {
        byte[] bytes = java.util.HexFormat.of().parseHex("52463634ffffffff57415645646174611000000001000100401f0000803e000002001000"
                + "6473363464617461253937e9");
        Path p = java.nio.file.Files.write(dir.resolve("cut-ds64.wav"), bytes);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WavReader.open(p).close())
                .isInstanceOf(AudioFileException.class).hasMessageContaining(p.toString()).hasMessageContaining("cut off");
    }

    @Test
    void rf64() {
        TestWavs.Builder b = builder(TestWavs.FLOAT, 32, 2, 64).rf64();
        Path p = b.write(dir.resolve("rf64.wav"));
        try (WavReader r = WavReader.open(p)) {
            assertThat(r.info().frames()).isEqualTo(64);
            assertThat(AudioTestSupport.readAll(r, 10)).isDeepEqualTo(b.expected());
        }
    }

    @Test
    void truncatedFileRaisesWhenTheEarlyEndIsReached() {
        // 100 frames declared, 2 frames (8 bytes) and 1 byte missing: 97 whole frames present.
        TestWavs.Builder b = builder(TestWavs.PCM, 16, 2, 100).truncate(9);
        Path p = b.write(dir.resolve("trunc.wav"));
        try (WavReader r = WavReader.open(p)) {
            assertThat(r.info().frames()).isEqualTo(100);
            assertThat(r.framesPresent()).isEqualTo(97);
            float[][] buf = new float[2][200];
            assertThat(r.read(buf, 0, 200)).isEqualTo(97);
            assertThatThrownBy(() -> r.read(buf, 0, 200)).isInstanceOf(AudioFileException.class)
                    .hasMessageContaining("truncated: 100 frames declared, 97 present")
                    .hasMessageContaining("trunc.wav");
        }
    }

    @Test
    void truncatedFileIsReadUpToItsEndWhenAllowed() {
        TestWavs.Builder b = builder(TestWavs.PCM, 24, 1, 50).truncate(30);
        float[][] got = read(b, "trunc-ok.wav", ReadOptions.lenient());
        assertThat(got[0]).hasSize(40);
        float[] expected = java.util.Arrays.copyOf(b.expected()[0], 40);
        assertThat(got[0]).containsExactly(expected);
        try (AudioSource src = AudioReaders.open(dir.resolve("trunc-ok.wav"), ReadOptions.lenient())) {
            assertThat(src.info().frames()).isEqualTo(40);
        }
    }

    @Test
    void twelveBitSamplesInSixteenBitContainersAreRead() {
        TestWavs.Builder b = builder(TestWavs.PCM, 12, 1, 30);
        Path p = b.write(dir.resolve("12.wav"));
        try (WavReader r = WavReader.open(p)) {
            assertThat(r.info().bitsPerSample()).isEqualTo(16);
            assertThat(r.repairs()).anyMatch(s -> s.contains("12-bit samples read from 16-bit containers"));
            assertThat(AudioTestSupport.readAll(r, 8)).isDeepEqualTo(b.expected());
        }
    }

    @Test
    void packedTwelveBitLayoutIsRefused() {
        Path p = builder(TestWavs.PCM, 12, 2, 30).blockAlign(3).write(dir.resolve("12p.wav"));
        assertThatThrownBy(() -> WavReader.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("12 bits per sample with block align 3");
    }

    @Test
    void dataSizeComputedForPackedSamplesIsRepairedLikeTheWatkinsFile() {
        // The writer stored 16-bit containers but sized the chunk and byte rate for packed 12 bits.
        TestWavs.Builder full = builder(TestWavs.PCM, 12, 1, 400);
        int rate = 8000;
        TestWavs.Builder b = builder(TestWavs.PCM, 12, 1, 400).byteRate(rate * 12 / 8).dataSize(400 * 12 / 8);
        Path p = b.write(dir.resolve("packed-size.wav"));
        try (WavReader r = WavReader.open(p)) {
            assertThat(r.info().frames()).isEqualTo(400);
            assertThat(r.repairs()).anyMatch(s -> s.contains("computed for packed 12-bit samples"));
            assertThat(AudioTestSupport.readAll(r, 64)).isDeepEqualTo(full.expected());
        }
    }

    @Test
    void unsupportedFormatTagIsNamed() {
        Path p = new TestWavsRaw(2, 1, 8000, 4).write(dir.resolve("adpcm.wav"));
        assertThatThrownBy(() -> AudioReaders.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("format tag 2").hasMessageContaining("ADPCM");
    }

    @Test
    void zeroChannelsAndZeroRateAreRefused() {
        Path p = new TestWavsRaw(1, 0, 8000, 16).write(dir.resolve("zero.wav"));
        assertThatThrownBy(() -> AudioReaders.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("0 channels");
        Path q = new TestWavsRaw(1, 1, 0, 16).write(dir.resolve("zerorate.wav"));
        assertThatThrownBy(() -> AudioReaders.open(q)).hasMessageContaining("sample rate 0");
    }

    @Test
    void missingFmtOrDataChunk() {
        byte[] noData = TestWavs.pcm(1, 8000, 16).samples(new float[][] {{0f}}).bytes();
        // rename "data" to "junk": the walk finds no data chunk
        for (int i = 12; i < noData.length - 4; i++) {
            if (noData[i] == 'd' && noData[i + 1] == 'a' && noData[i + 2] == 't' && noData[i + 3] == 'a') {
                noData[i] = 'j';
            }
        }
        Path p = write("nodata.wav", noData);
        assertThatThrownBy(() -> WavReader.open(p)).hasMessageContaining("no data chunk");
    }

    @Test
    void chunkRunningPastTheEndBeforeDataIsNamed() {
        byte[] wav = builder(TestWavs.PCM, 16, 1, 10).chunkBefore("LIST", new byte[4]).bytes();
        wav[36 + 4] = (byte) 0xff; // LIST size low byte: 255 bytes, far past the end
        wav[36 + 5] = 0x7f;
        Path p = write("list.wav", wav);
        assertThatThrownBy(() -> WavReader.open(p)).isInstanceOf(AudioFileException.class)
                .hasMessageContaining("chunk 'LIST' at byte 36 declares 32767 bytes");
    }

    @Test
    void roundTripWithWavWriter() {
        float[][] s = TestWavs.ramp(3, 1000);
        for (WavWriter.Encoding enc : WavWriter.Encoding.values()) {
            Path p = dir.resolve("rt-" + enc + ".wav");
            WavWriter.write(p, s, 44100, enc);
            try (AudioSource src = AudioReaders.open(p)) {
                assertThat(src.info().sampleRate()).isEqualTo(44100);
                assertThat(src.info().frames()).isEqualTo(1000);
                float[][] got = AudioTestSupport.readAll(src, 333);
                int tag = enc == WavWriter.Encoding.FLOAT_32 ? TestWavs.FLOAT : TestWavs.PCM;
                for (int c = 0; c < 3; c++) {
                    for (int i = 0; i < 1000; i++) {
                        assertThat(got[c][i]).isEqualTo(TestWavs.quantise(s[c][i], tag, enc.bits));
                    }
                }
            }
        }
    }

    private Path write(String name, byte[] bytes) {
        try {
            return java.nio.file.Files.write(dir.resolve(name), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A minimal canonical header with arbitrary (possibly invalid) fields and 8 zero data bytes. */
    private record TestWavsRaw(int tag, int channels, int rate, int bits) {
        Path write(Path p) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(52).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(44).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                    .putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                    .putInt(rate * Math.max(1, channels) * 2).putShort((short) (2 * channels)).putShort((short) bits)
                    .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(8);
            try {
                return java.nio.file.Files.write(p, b.array());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
