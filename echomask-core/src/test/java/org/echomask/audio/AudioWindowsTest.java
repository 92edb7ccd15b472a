package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.echomask.testing.TestWavs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioWindowsTest {
    @TempDir
    Path dir;

    /** An endless-looking generated recording: a stereo sine computed on the fly, nothing stored. */
    static final class ToneSource implements AudioSource {
        private final AudioInfo info;
        private long pos;

        ToneSource(int rate, long frames) {
            info = new AudioInfo(null, rate, 2, frames, 32, AudioInfo.SampleEncoding.FLOAT);
        }

        static float sample(int c, long i) {
            return (float) (0.5 * Math.sin(0.001 * i * (c + 1)));
        }

        @Override
        public AudioInfo info() {
            return info;
        }

        @Override
        public int read(float[][] dest, int offset, int maxFrames) {
            int n = (int) Math.min(maxFrames, info.frames() - pos);
            if (n <= 0) {
                return -1;
            }
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < n; i++) {
                    dest[c][offset + i] = sample(c, pos + i);
                }
            }
            pos += n;
            return n;
        }

        @Override
        public void close() {}
    }

    private static List<AudioWindows.Window> all(AudioWindows w) {
        List<AudioWindows.Window> out = new ArrayList<>();
        w.forEachRemaining(out::add);
        return out;
    }

    @ParameterizedTest(name = "W={0} H={1} {2} block={3} rate={4}")
    @CsvSource({"100, 50, PAD, 64, 0", "100, 30, KEEP_SHORT, 17, 0", "40, 100, KEEP_SHORT, 33, 0",
        "100, 100, DROP, 1000, 0", "256, 128, PAD, 100, 32000", "300, 77, KEEP_SHORT, 50, 16000",
        "64, 200, PAD, 90, 44100"})
    void equalsSlicingTheWholeResampledMonoSignal(int window, int hop, LastWindow last, int block, int target) {
        float[][] s = TestWavs.ramp(2, 2345);
        Path p = TestWavs.pcm(2, 22050, 16).samples(s).write(dir.resolve("w.wav"));
        MonoAudio mono = AudioReaders.readMono(p, ChannelMix.MEAN);
        float[] whole = target == 0 ? mono.samples() : Resampler.resample(mono.samples(), 22050, target);
        List<FrameRange> ranges = Segments.windows(whole.length, window, hop, last);
        AudioWindows.Spec spec = new AudioWindows.Spec(ChannelMix.MEAN, target, window, hop, last, block);
        List<AudioWindows.Window> got;
        try (AudioWindows w = AudioWindows.over(AudioReaders.open(p), spec)) {
            got = all(w);
            assertThat(w.sampleRate()).isEqualTo(target == 0 ? 22050 : target);
        }
        assertThat(got).hasSize(ranges.size());
        for (int i = 0; i < got.size(); i++) {
            FrameRange r = ranges.get(i);
            AudioWindows.Window win = got.get(i);
            assertThat(win.index()).isEqualTo(i);
            assertThat(win.startFrame()).isEqualTo(r.start());
            float[] expected = Arrays.copyOfRange(whole, (int) r.start(), (int) r.end()); // zero-pads past the end
            assertThat(win.samples()).as("window %d", i).containsExactly(expected);
        }
    }

    @Test
    void selectsAChannelAndReportsStartTimes() {
        AudioWindows.Spec spec = AudioWindows.Spec.of(1000, 500, LastWindow.DROP).withMix(ChannelMix.select(1));
        try (AudioWindows w = AudioWindows.over(new ToneSource(8000, 4000), spec)) {
            List<AudioWindows.Window> got = all(w);
            assertThat(got).hasSize(7);
            AudioWindows.Window third = got.get(2);
            assertThat(third.startSeconds()).isEqualTo(0.125);
            assertThat(third.samples()[10]).isEqualTo(ToneSource.sample(1, 1010));
        }
    }

    /**
     * Bounded memory by construction: the only buffer that holds samples between reads is sized by
     * window, block and rate ratio. A 20-minute 8 kHz recording streams through the same buffer as
     * a 1-second one, and every window arrives.
     */
    @Test
    void memoryDoesNotDependOnRecordingLength() {
        AudioWindows.Spec spec = new AudioWindows.Spec(ChannelMix.MEAN, 16000, 32000, 16000, LastWindow.PAD, 4096);
        long longFrames = 8000L * 60 * 20;
        try (AudioWindows shortRun = AudioWindows.over(new ToneSource(8000, 8000), spec);
                AudioWindows longRun = AudioWindows.over(new ToneSource(8000, longFrames), spec)) {
            assertThat(longRun.bufferCapacity()).isEqualTo(shortRun.bufferCapacity()).isLessThan(32000 + 2 * 4096 + 2);
            long count = 0;
            long lastStart = -1;
            while (longRun.hasNext()) {
                lastStart = longRun.next().startFrame();
                count++;
            }
            long outFrames = longFrames * 2;
            assertThat(count).isEqualTo(Segments.windows(outFrames, 32000, 16000, LastWindow.PAD).size());
            assertThat(lastStart).isEqualTo(outFrames - 32000);
        }
    }

    /** Issue 13: the block buffer was channels x 32768 floats, 8.6 GB for a 65535-channel header. */
    @Test
    void blockBuffersShrinkWithTheChannelCount() {
        float[][] s = TestWavs.ramp(65535, 3);
        Path p = TestWavs.pcm(65535, 8000, 8).samples(s).write(dir.resolve("many.wav"));
        long before = AudioTestSupport.allocatedBytes();
        try (AudioWindows w = AudioWindows.over(AudioReaders.open(p), AudioWindows.Spec.of(2, 1, LastWindow.DROP))) {
            assertThat(all(w)).hasSize(2);
        }
        assertThat(AudioTestSupport.allocatedBytes() - before).isLessThan(AudioTestSupport.SMALL_ALLOCATION);
    }
}
