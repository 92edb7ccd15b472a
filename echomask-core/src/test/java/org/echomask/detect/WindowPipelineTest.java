package org.echomask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.echomask.audio.AudioInfo;
import org.echomask.audio.AudioSource;
import org.echomask.audio.AudioWindows;
import org.echomask.audio.ChannelMix;
import org.echomask.audio.LastWindow;
import org.echomask.audio.Segments;
import org.junit.jupiter.api.Test;

/**
 * The pipeline hands workers runs of windows as one span of samples: every window a scorer
 * prepares must be exactly the window the recording gives, whatever the hop (overlapping,
 * touching, with gaps), the batch size and the padded tail.
 */
class WindowPipelineTest {
    private static final int RATE = 1000;

    @Test
    void everyPreparedWindowIsTheRecordingsWindow() {
        ExecutorService workers = Analyzer.workers(2);
        try {
            for (int[] c : new int[][] {{200, 100, 8}, {200, 50, 5}, {200, 200, 4}, {200, 300, 4}, {200, 70, 1}, {200, 100, 3}}) {
                int window = c[0];
                int hop = c[1];
                int batch = c[2];
                for (ExecutorService w : Arrays.asList(workers, null)) {
                    Fingerprint scorer = new Fingerprint();
                    List<WindowScore> scores = WindowPipeline.run(windows(2_345, window, hop), window, scorer, batch, w, s -> {});
                    List<float[]> expected = expectedWindows(2_345, window, hop);
                    assertThat(scores).as("window %d hop %d batch %d", window, hop, batch).hasSize(expected.size());
                    for (int i = 0; i < expected.size(); i++) {
                        assertThat(scores.get(i).probabilities()[0]).as("window %d of hop %d", i, hop)
                                .isEqualTo((float) Arrays.hashCode(expected.get(i)));
                        assertThat(scores.get(i).startS()).isEqualTo(i * hop / (double) RATE);
                    }
                    if (hop < window && batch >= 4) {
                        assertThat(scorer.largestRun).as("overlapping windows are prepared together").isGreaterThan(1);
                    }
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** What AudioWindows gives, with the pipeline's tail rule applied. */
    private static List<float[]> expectedWindows(int frames, int window, int hop) {
        List<float[]> out = new ArrayList<>();
        try (AudioWindows w = windows(frames, window, hop)) {
            boolean first = true;
            while (w.hasNext()) {
                float[] s = w.next().samples();
                if (s.length < window) {
                    if (!first && s.length < WindowPipeline.MIN_TAIL_FRACTION * window) {
                        continue;
                    }
                    s = Segments.cyclicPad(s, window);
                }
                first = false;
                out.add(s);
            }
        }
        return out;
    }

    private static AudioWindows windows(int frames, int window, int hop) {
        AudioSource ramp = new AudioSource() {
            private final AudioInfo info = new AudioInfo(null, RATE, 1, frames, 32, AudioInfo.SampleEncoding.FLOAT);
            private long pos;

            @Override
            public AudioInfo info() {
                return info;
            }

            @Override
            public int read(float[][] dest, int offset, int maxFrames) {
                int n = (int) Math.min(maxFrames, frames - pos);
                if (n <= 0) {
                    return -1;
                }
                for (int i = 0; i < n; i++) {
                    dest[0][offset + i] = (float) Math.sin(0.37 * (pos + i));
                }
                pos += n;
                return n;
            }

            @Override
            public void close() {}
        };
        return AudioWindows.over(ramp, new AudioWindows.Spec(ChannelMix.MEAN, 0, window, hop, LastWindow.KEEP_SHORT, 64));
    }

    /** Scores a window by the hash of its samples, and notes the largest run it was handed. */
    private static final class Fingerprint implements WindowScorer<Float> {
        volatile int largestRun;

        @Override
        public List<String> labels() {
            return List.of("hash");
        }

        @Override
        public int sampleRate() {
            return RATE;
        }

        @Override
        public Float prepare(float[] samples) {
            return (float) Arrays.hashCode(samples);
        }

        @Override
        public List<Float> prepareRun(float[] span, int[] offsets, int length) {
            largestRun = Math.max(largestRun, offsets.length);
            return WindowScorer.super.prepareRun(span, offsets, length);
        }

        @Override
        public List<Scored> score(List<Float> batch) {
            return batch.stream().map(h -> new Scored(new float[] {h}, Double.NaN, Double.NaN)).toList();
        }

        @Override
        public double[] band() {
            return new double[] {0, RATE / 2.0};
        }

        @Override
        public void close() {}
    }
}
