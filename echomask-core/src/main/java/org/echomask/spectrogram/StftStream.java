package org.echomask.spectrogram;

import java.util.stream.IntStream;

/**
 * STFT power of a signal that arrives in consecutive blocks of any size, emitting exactly the
 * frames {@link Stft#power} computes for the whole signal (same framing, padding, values), in
 * order, with memory bounded by the block size plus one frame. Frames that a block completes are
 * computed in parallel when there are enough of them.
 *
 * <p>Use: {@code accept(...)} blocks as they are decoded, then {@link #finish()} once, which emits
 * the frames that overlap the zero padding at the end.
 */
public final class StftStream {
    /** Receives frame {@code index}; {@code power[bin − lo]} is only valid during the call. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(long index, float[] power);
    }

    private static final int PARALLEL_MIN_FRAMES = 64;

    private final float[] window;
    private final int nFft;
    private final int hop;
    private final int pad;
    private final boolean center;
    private final int lo;
    private final int hi;
    private final FrameSink sink;
    private final Stft.Kernel[] kernels;

    private float[] pending;
    private long pendingStart;
    private int pendingCount;
    private long seen;
    private long next;
    private boolean finished;
    private float[][] batch = new float[0][];

    /** A stream for bins {@code lo..hi} (inclusive) of an {@code nFft}-point STFT. */
    public StftStream(WindowType window, int nFft, int hop, boolean center, int lo, int hi, FrameSink sink) {
        Stft.checkBins(nFft, lo, hi);
        if (hop < 1) {
            throw new IllegalArgumentException("hop must be >= 1: " + hop);
        }
        this.window = Stft.window(window, nFft);
        this.nFft = nFft;
        this.hop = hop;
        this.center = center;
        this.pad = center ? nFft / 2 : 0;
        this.lo = lo;
        this.hi = hi;
        this.sink = sink;
        int cores = Runtime.getRuntime().availableProcessors();
        this.kernels = new Stft.Kernel[cores];
        this.pending = new float[2 * nFft];
    }

    /** A stream for the transform's STFT and frequency crop at {@code rate} Hz (before mel/resize). */
    public static StftStream of(SpectrogramTransform t, int rate, FrameSink sink) {
        int[] bins = SpectrogramRenderer.cropBins(t, rate);
        return new StftStream(t.window(), t.nFft(), t.hop(), t.center(), bins[0], bins[1], sink);
    }

    public void accept(float[] block) {
        accept(block, 0, block.length);
    }

    public void accept(float[] block, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("stream already finished");
        }
        ensureCapacity(pendingCount + length);
        System.arraycopy(block, offset, pending, pendingCount, length);
        pendingCount += length;
        seen += length;
        // Frames whose last sample has arrived.
        long ready = seen + pad - nFft < 0 ? 0 : (seen + pad - nFft) / hop + 1;
        emitUpTo(ready);
        discardBefore(next * hop - pad);
    }

    /** Emits the frames that reach into the end padding; no more samples may follow. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        emitUpTo(Stft.frameCount(seen, nFft, hop, center));
    }

    /** Frames emitted so far. */
    public long frames() {
        return next;
    }

    /** Samples accepted so far. */
    public long samples() {
        return seen;
    }

    private void emitUpTo(long end) {
        int bins = hi - lo + 1;
        while (next < end) {
            int n = (int) Math.min(end - next, 4096);
            if (batch.length < n) {
                batch = new float[n][bins];
            }
            long first = next;
            int workers = n >= PARALLEL_MIN_FRAMES ? kernels.length : 1;
            IntStream range = IntStream.range(0, workers);
            (workers > 1 ? range.parallel() : range).forEach(w -> {
                Stft.Kernel k = kernel(w);
                int from = (int) ((long) n * w / workers);
                int to = (int) ((long) n * (w + 1) / workers);
                for (int i = from; i < to; i++) {
                    long start = (first + i) * hop - pad - pendingStart;
                    k.frame(pending, start, pendingCount, batch[i]);
                }
            });
            for (int i = 0; i < n; i++) {
                sink.frame(first + i, batch[i]);
            }
            next += n;
        }
    }

    private Stft.Kernel kernel(int w) {
        // Each worker index is used by one thread at a time within a batch.
        if (kernels[w] == null) {
            kernels[w] = new Stft.Kernel(window, lo, hi);
        }
        return kernels[w];
    }

    private void discardBefore(long absolute) {
        int drop = (int) Math.max(0, Math.min(pendingCount, absolute - pendingStart));
        if (drop > 0) {
            System.arraycopy(pending, drop, pending, 0, pendingCount - drop);
            pendingCount -= drop;
            pendingStart += drop;
        }
    }

    private void ensureCapacity(int n) {
        if (n > pending.length) {
            float[] grown = new float[Math.max(n, pending.length * 2)];
            System.arraycopy(pending, 0, grown, 0, pendingCount);
            pending = grown;
        }
    }
}
