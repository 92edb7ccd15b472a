package org.echomask.spectrogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders overlapping windows of one stretch of signal, computing each shared frame once. A frame
 * that lies wholly inside its window reads only signal samples, so every window holding that
 * stretch gets the same frame: its column ({@link FrameColumns}) is computed for the first and
 * reused. Frames that reach into the centring pad are the window's
 * own and are computed for each window. The result is therefore float for float what
 * {@link SpectrogramTransform#apply} gives for each window alone (tested), at about
 * {@code 1 − overlap} of the FFT work: half, for 2-s windows every second.
 *
 * <p>Sharing needs a time-resized transform (an output width), where everything after the
 * frequency resize is per window; other transforms are rendered window by window. Not
 * thread-safe (FFT buffers): one per thread.
 */
public final class WindowRenderer {
    private final SpectrogramTransform transform;
    private final int rate;
    private final FrameColumns.Worker columns;
    private final double[] unresizedHz;
    private long framesComputed;
    private long framesReused;

    public WindowRenderer(SpectrogramTransform transform, int rate) {
        this.transform = transform;
        this.rate = rate;
        FrameColumns recipe = transform.outputWidth() > 0 ? new FrameColumns(transform, rate) : null;
        this.columns = recipe == null ? null : recipe.worker();
        this.unresizedHz = recipe == null ? null : recipe.unresizedFrequenciesHz();
    }

    /**
     * Each window's spectrogram, equal to {@code transform.apply(window, rate)}.
     *
     * @param span consecutive samples of one signal at the renderer's rate
     * @param offsets where each window starts in {@code span}
     * @param length the windows' length in samples
     */
    public List<Spectrogram> render(float[] span, int[] offsets, int length) {
        for (int o : offsets) {
            if (o < 0 || (long) o + length > span.length) {
                throw new IllegalArgumentException("window at " + o + " of " + length + " samples outside a span of "
                        + span.length);
            }
        }
        List<Spectrogram> out = new ArrayList<>(offsets.length);
        if (columns == null) {
            for (int o : offsets) {
                out.add(transform.apply(java.util.Arrays.copyOfRange(span, o, o + length), rate));
                framesComputed += Stft.frameCount(length, transform.nFft(), transform.hop(), transform.center());
            }
            return out;
        }
        int nFft = transform.nFft();
        int hop = transform.hop();
        int pad = transform.center() ? nFft / 2 : 0;
        int frames = Stft.frameCount(length, nFft, hop, transform.center());
        Map<Long, float[]> shared = new HashMap<>();
        for (int o : offsets) {
            float[][] cols = new float[frames][];
            for (int f = 0; f < frames; f++) {
                long start = (long) f * hop - pad;
                if (start >= 0 && start + nFft <= length) {
                    // Inside the window: the span's samples, whichever window reads them.
                    Long key = spread(o + start);
                    float[] c = shared.get(key);
                    if (c == null) {
                        c = columns.column(span, o + start, o, o + length);
                        shared.put(key, c);
                        framesComputed++;
                    } else {
                        framesReused++;
                    }
                    cols[f] = c;
                } else {
                    cols[f] = columns.column(span, o + start, o, o + length);
                    framesComputed++;
                }
            }
            Spectrogram energy = SpectrogramRenderer.fromColumns(transform, rate, cols, unresizedHz);
            out.add(SpectrogramRenderer.finish(transform, energy, length, rate));
        }
        return out;
    }

    /**
     * A frame's first sample as a map key. Positions are multiples of the hop, whose low bits are
     * all zero, so as plain Longs they crowd a few hash buckets; an odd multiplier is a bijection
     * that spreads them.
     */
    private static Long spread(long position) {
        return position * 0x9E3779B97F4A7C15L;
    }

    /** Frames transformed so far (for benchmarks and tests). */
    public long framesComputed() {
        return framesComputed;
    }

    /** Frames taken from an earlier window instead of being transformed again. */
    public long framesReused() {
        return framesReused;
    }
}
