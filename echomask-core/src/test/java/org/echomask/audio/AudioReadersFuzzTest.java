package org.echomask.audio;

import static org.echomask.testing.FuzzContract.check;
import static org.echomask.testing.FuzzContract.expectClearRefusal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.echomask.testing.FuzzContract;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arbitrary bytes as a recording: {@link AudioReaders} opens by content, so the three targets
 * differ only in their seed corpus (RIFF WAVs, RF64 WAVs, FLACs), which steers the fuzzer into
 * each reader. Each input is read three ways, as a batch job would: streamed in blocks (strict),
 * streamed accepting truncation, and whole as mono.
 *
 * <p>A read must either succeed with sane samples (finite, within the encoding's range, as many
 * frames as declared when the header declares them and the read is strict) or end in an
 * {@link AudioFileException} naming the file. Seeds: {@code bench/fuzz/make_seeds.py}.
 */
class AudioReadersFuzzTest {
    /** Float WAVs may hold loud samples, but the reader refuses anything beyond this (see WavReader). */
    private static final float FLOAT_LIMIT = 1e7f;

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void wav(byte[] data) {
        readAllWays(FuzzContract.write(dir, "fuzz.wav", data));
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void rf64(byte[] data) {
        readAllWays(FuzzContract.write(dir, "fuzz-rf64.wav", data));
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void flac(byte[] data) {
        readAllWays(FuzzContract.write(dir, "fuzz.flac", data));
    }

    private static void readAllWays(Path file) {
        stream(file, ReadOptions.DEFAULT);
        stream(file, ReadOptions.lenient());
        try {
            MonoAudio mono = AudioReaders.readMono(file, ChannelMix.MEAN);
            AudioInfo info = mono.info();
            check(info.frames() < 0 || mono.samples().length == info.frames(),
                    "readMono gave " + mono.samples().length + " samples, header declares " + info.frames() + " frames");
            float limit = limit(info);
            for (float v : mono.samples()) {
                check(Float.isFinite(v) && Math.abs(v) <= limit, "mono sample " + v);
            }
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, AudioFileException.class, file);
        }
    }

    private static void stream(Path file, ReadOptions options) {
        try (AudioSource src = AudioReaders.open(file, options)) {
            AudioInfo info = src.info();
            check(info.sampleRate() > 0 && info.channels() > 0, "info " + info);
            float limit = limit(info);
            // Odd, so block edges fall inside packets and FLAC blocks; smaller for many channels so
            // that the harness itself never allocates much (the readers' allocations are under test).
            int block = Math.max(1, Math.min(997, (1 << 18) / info.channels()));
            float[][] buf = new float[info.channels()][block + 3];
            long total = 0;
            int n;
            while ((n = src.read(buf, 3, block)) >= 0) {
                check(n <= block, "read " + n + " frames into room for " + block);
                for (float[] channel : buf) {
                    for (int i = 3; i < 3 + n; i++) {
                        check(Float.isFinite(channel[i]) && Math.abs(channel[i]) <= limit, "sample " + channel[i]);
                    }
                }
                total += n;
                check(info.frames() < 0 || total <= info.frames(), "more frames than declared: " + total + " > " + info.frames());
            }
            check(options.allowTruncated() || info.frames() < 0 || total == info.frames(),
                    "strict read delivered " + total + " of " + info.frames() + " declared frames without an error");
            FuzzContract.accepted();
        } catch (RuntimeException e) {
            expectClearRefusal(e, AudioFileException.class, file);
        }
    }

    /** PCM decodes to [-1, 1]; float is bounded only by the reader's refusal of absurd values. */
    private static float limit(AudioInfo info) {
        return info.encoding() == AudioInfo.SampleEncoding.FLOAT ? FLOAT_LIMIT : 1f;
    }
}
