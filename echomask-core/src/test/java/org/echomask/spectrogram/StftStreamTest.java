package org.echomask.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StftStreamTest {

    @ParameterizedTest(name = "n={0} hop={1} center={2} len={3} seed={4}")
    @CsvSource({
        "256, 64, true, 5000, 1",
        "256, 64, false, 5000, 2",
        "255, 100, true, 3001, 3",
        "128, 200, false, 2000, 4",
        "512, 128, true, 100, 5",
        "512, 128, false, 100, 6",
        "64, 16, true, 40000, 7",
        "1024, 512, true, 0, 8",
    })
    void blocksOfAnySizeGiveTheOneShotFrames(int nFft, int hop, boolean center, int length, long seed) {
        Random r = new Random(seed);
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int lo = 2;
        int hi = nFft / 2;
        float[][] expected = Stft.power(x, Stft.window(WindowType.HAMMING, nFft), hop, center, lo, hi);
        List<float[]> got = new ArrayList<>();
        List<Long> indices = new ArrayList<>();
        StftStream s = new StftStream(WindowType.HAMMING, nFft, hop, center, lo, hi, (i, p) -> {
            indices.add(i);
            got.add(p.clone());
        });
        int pos = 0;
        while (pos < length) {
            // Mix of tiny, frame-sized and large blocks, including empty ones.
            int n = Math.min(length - pos, switch (r.nextInt(4)) {
                case 0 -> r.nextInt(3);
                case 1 -> r.nextInt(nFft);
                case 2 -> nFft + r.nextInt(3 * nFft);
                default -> r.nextInt(20_000);
            });
            s.accept(x, pos, n);
            pos += n;
        }
        s.finish();
        int frames = expected[0].length;
        assertThat(s.frames()).isEqualTo(frames);
        assertThat(s.samples()).isEqualTo(length);
        for (int f = 0; f < frames; f++) {
            assertThat(indices.get(f)).isEqualTo(f);
            for (int k = 0; k <= hi - lo; k++) {
                assertThat(got.get(f)[k]).as("frame %d bin %d", f, k + lo).isEqualTo(expected[k][f]);
            }
        }
    }

    @ParameterizedTest(name = "center={0}")
    @CsvSource({"true", "false"})
    void memoryStaysBoundedAndNoSamplesAfterFinish(boolean center) {
        long[] count = {0};
        StftStream s = StftStream.of(SpectrogramTransform.ORIGIN, 288_000, (i, p) -> count[0]++);
        float[] block = new float[777];
        for (int i = 0; i < 2000; i++) {
            s.accept(block);
        }
        s.finish();
        assertThat(count[0]).isEqualTo(Stft.frameCount(777L * 2000, 1024, 512, true));
        assertThatThrownBy(() -> s.accept(block)).isInstanceOf(IllegalStateException.class);
    }
}
