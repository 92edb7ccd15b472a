package org.echomask.audio;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Mono windows of a recording of any length: reads the source in blocks, mixes channels, optionally
 * resamples (streaming, same output as {@link Resampler#resample}), and yields {@code window}
 * samples every {@code hop} samples at the target rate, like {@link Segments#windows} over the whole
 * mono signal. Memory is a block buffer plus one window buffer: independent of recording length.
 * Closing it closes the source.
 */
public final class AudioWindows implements Iterator<AudioWindows.Window>, AutoCloseable {

    /**
     * How to cut windows.
     *
     * @param mix channel selection or mixdown
     * @param targetRate rate of the windows in Hz, or 0 to keep the recording's rate
     * @param window window length in samples at the target rate
     * @param hop hop between window starts in samples at the target rate
     * @param last policy for the samples after the last whole window
     * @param blockFrames frames read from the source at a time (fewer for recordings with very many channels)
     */
    public record Spec(ChannelMix mix, int targetRate, int window, int hop, LastWindow last, int blockFrames) {
        public static final int DEFAULT_BLOCK = 1 << 15;

        public Spec {
            if (mix == null || last == null) {
                throw new IllegalArgumentException("mix and last-window policy are required");
            }
            if (targetRate < 0 || window <= 0 || hop <= 0 || blockFrames <= 0) {
                throw new IllegalArgumentException("need targetRate >= 0 and positive window, hop, block: " + targetRate
                        + ", " + window + ", " + hop + ", " + blockFrames);
            }
        }

        /** Mean of channels, recording's own rate, default block size. */
        public static Spec of(int window, int hop, LastWindow last) {
            return new Spec(ChannelMix.MEAN, 0, window, hop, last, DEFAULT_BLOCK);
        }

        public Spec withTargetRate(int rate) {
            return new Spec(mix, rate, window, hop, last, blockFrames);
        }

        public Spec withMix(ChannelMix m) {
            return new Spec(m, targetRate, window, hop, last, blockFrames);
        }
    }

    /**
     * One window.
     *
     * @param index 0-based window number
     * @param startFrame first sample, at the window's rate
     * @param sampleRate the window's rate
     * @param samples the window's own array ({@code window} long, zero-padded for a padded last
     *     window; shorter for a kept-short last window)
     */
    public record Window(long index, long startFrame, int sampleRate, float[] samples) {
        public double startSeconds() {
            return startFrame / (double) sampleRate;
        }
    }

    private final AudioSource source;
    private final Spec spec;
    private final int rate;
    private final Resampler resampler;
    private final int blockFrames;
    private final float[][] block;
    private final float[] mono;
    private final float[] buf;
    private long bufStart; // absolute index of buf[0]
    private int bufLen;
    private float[] pending = new float[0];
    private int pendingLen;
    private int pendingPos;
    private boolean sourceDone;
    private long nextStart;
    private long coveredTo;
    private long index;
    private boolean finished;
    private Window next;

    private AudioWindows(AudioSource source, Spec spec) {
        this.source = source;
        this.spec = spec;
        AudioInfo info = source.info();
        spec.mix().check(info);
        int from = info.sampleRate();
        this.rate = spec.targetRate() == 0 ? from : spec.targetRate();
        this.resampler = rate == from ? null : Resampler.of(from, rate);
        this.blockFrames = AudioReaders.blockFrames(info.channels(), spec.blockFrames());
        this.block = new float[info.channels()][blockFrames];
        this.mono = new float[blockFrames];
        // One window plus one block's worth of output: filling stops when full, so this bounds memory.
        int chunk = resampler == null ? blockFrames
                : (int) Math.min(Integer.MAX_VALUE / 4, resampler.outputLength(blockFrames) + 1);
        this.buf = new float[spec.window() + chunk];
    }

    public static AudioWindows over(AudioSource source, Spec spec) {
        return new AudioWindows(source, spec);
    }

    /** The rate of the windows. */
    public int sampleRate() {
        return rate;
    }

    /** Samples the window buffer holds: depends on window, block size and rate ratio, never on file length. */
    public int bufferCapacity() {
        return buf.length;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Window next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Window w = next;
        next = null;
        return w;
    }

    private Window advance() {
        int w = spec.window();
        while (bufStart + bufLen < nextStart + w) {
            if (!fill()) {
                return lastWindow();
            }
        }
        float[] out = new float[w];
        System.arraycopy(buf, (int) (nextStart - bufStart), out, 0, w);
        Window win = new Window(index++, nextStart, rate, out);
        coveredTo = nextStart + w;
        nextStart += spec.hop();
        return win;
    }

    private Window lastWindow() {
        finished = true;
        long end = bufStart + bufLen;
        if (coveredTo >= end || nextStart >= end || spec.last() == LastWindow.DROP) {
            return null;
        }
        int have = (int) (end - nextStart);
        int len = spec.last() == LastWindow.PAD ? spec.window() : have;
        float[] out = new float[len];
        System.arraycopy(buf, (int) (nextStart - bufStart), out, 0, have);
        return new Window(index++, nextStart, rate, out);
    }

    /** Moves more samples into the buffer; false when the recording is exhausted. */
    private boolean fill() {
        if (pendingPos >= pendingLen && !readMore()) {
            return false;
        }
        // Drop what no future window needs, then copy as much pending input as fits.
        long keepFrom = Math.min(nextStart, bufStart + bufLen);
        int drop = (int) (keepFrom - bufStart);
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, bufLen - drop);
            bufLen -= drop;
            bufStart += drop;
        }
        if (bufLen == 0 && bufStart < nextStart) {
            // hop > window: skip input that falls in the gap between windows
            int skip = (int) Math.min(nextStart - bufStart, pendingLen - pendingPos);
            pendingPos += skip;
            bufStart += skip;
        }
        int n = Math.min(buf.length - bufLen, pendingLen - pendingPos);
        System.arraycopy(pending, pendingPos, buf, bufLen, n);
        pendingPos += n;
        bufLen += n;
        return true;
    }

    private boolean readMore() {
        while (!sourceDone) {
            int n = source.read(block, 0, blockFrames);
            if (n < 0) {
                sourceDone = true;
                if (resampler != null) {
                    setPending(resampler.flush());
                    return pendingLen > 0;
                }
                return false;
            }
            spec.mix().mixInto(block, 0, n, mono, 0);
            if (resampler != null) {
                setPending(resampler.process(mono, 0, n));
            } else {
                pending = mono; // consumed before the next read overwrites it
                pendingLen = n;
                pendingPos = 0;
            }
            if (pendingLen > 0) {
                return true;
            }
        }
        return false;
    }

    private void setPending(float[] p) {
        pending = p;
        pendingLen = p.length;
        pendingPos = 0;
    }

    @Override
    public void close() {
        source.close();
    }
}
