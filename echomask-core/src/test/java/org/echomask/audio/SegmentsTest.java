package org.echomask.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class SegmentsTest {

    private static JsonNode golden() throws IOException {
        try (InputStream in = SegmentsTest.class.getResourceAsStream("/golden/audio/segments.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void segmentRmsAndFirstQuartileFilterMatchNumpy() throws IOException {
        JsonNode g = golden();
        float[] x = Golden.npy("segments_in.npy");
        double[] rms = Segments.rmsPerSegment(x, g.get("segment").asInt());
        double[] expected = StreamSupport.stream(g.get("rms").spliterator(), false).mapToDouble(JsonNode::asDouble)
                .toArray();
        assertThat(rms).hasSize(expected.length);
        for (int i = 0; i < rms.length; i++) {
            assertThat(rms[i]).isCloseTo(expected[i], within(1e-9));
        }
        assertThat(Segments.percentile(rms, 25)).isCloseTo(g.get("q1").asDouble(), within(1e-9));
        g.get("percentiles").fields().forEachRemaining(e -> assertThat(
                Segments.percentile(rms, Double.parseDouble(e.getKey()))).isCloseTo(e.getValue().asDouble(),
                        within(1e-9)));
        int[] keep = StreamSupport.stream(g.get("keep").spliterator(), false).mapToInt(JsonNode::asInt).toArray();
        assertThat(Segments.aboveFirstQuartile(rms)).containsExactly(keep);
    }

    @Test
    void rmsBasics() {
        assertThat(Segments.rms(new float[] {3, -4, 3, 4}, 0, 4)).isCloseTo(Math.sqrt(12.5), within(1e-12));
        assertThat(Segments.rms(new float[] {1}, 1, 1)).isZero();
        assertThat(Segments.rmsPerSegment(new float[7], 3)).hasSize(2);
        assertThat(Segments.aboveFirstQuartile(new double[] {1, 1, 1})).isEmpty();
        assertThat(Segments.percentile(new double[] {4, 1, 3, 2}, 25)).isCloseTo(1.75, within(1e-12));
        assertThatThrownBy(() -> Segments.rms(new float[2], 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cyclicPadRepeatsTheClip() {
        assertThat(Segments.cyclicPad(new float[] {1, 2, 3}, 8)).containsExactly(1, 2, 3, 1, 2, 3, 1, 2);
        assertThat(Segments.cyclicPad(new float[] {1, 2, 3}, 2)).containsExactly(1, 2);
        assertThat(Segments.cyclicPad(new float[0], 0)).isEmpty();
        assertThatThrownBy(() -> Segments.cyclicPad(new float[0], 4)).hasMessageContaining("empty");
    }

    @Test
    void windowsWithEachLastWindowPolicy() {
        // 25 frames, window 10, hop 5: whole windows at 0, 5, 10, 15 cover everything
        assertThat(Segments.windows(25, 10, 5, LastWindow.PAD)).containsExactly(r(0, 10), r(5, 15), r(10, 20),
                r(15, 25));
        // 27 frames: 25, 26 uncovered -> one more window at 20
        assertThat(Segments.windows(27, 10, 5, LastWindow.DROP)).hasSize(4);
        assertThat(Segments.windows(27, 10, 5, LastWindow.PAD)).last().isEqualTo(r(20, 30));
        assertThat(Segments.windows(27, 10, 5, LastWindow.KEEP_SHORT)).last().isEqualTo(r(20, 27));
        // shorter than one window
        assertThat(Segments.windows(4, 10, 5, LastWindow.DROP)).isEmpty();
        assertThat(Segments.windows(4, 10, 5, LastWindow.PAD)).containsExactly(r(0, 10));
        assertThat(Segments.windows(4, 10, 5, LastWindow.KEEP_SHORT)).containsExactly(r(0, 4));
        assertThat(Segments.windows(0, 10, 5, LastWindow.PAD)).isEmpty();
        // hop larger than window leaves gaps; the tail window starts at the next hop
        assertThat(Segments.windows(23, 4, 10, LastWindow.KEEP_SHORT)).containsExactly(r(0, 4), r(10, 14), r(20, 23));
        assertThat(Segments.windows(25, 4, 10, LastWindow.KEEP_SHORT)).containsExactly(r(0, 4), r(10, 14), r(20, 24));
    }

    private static FrameRange r(long a, long b) {
        return new FrameRange(a, b);
    }
}
