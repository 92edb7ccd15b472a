package org.echomask.audio;

import java.util.Arrays;
import org.echomask.EchomaskException;

/**
 * Polyphase rational resampler equal to {@code scipy.signal.resample_poly(x, up, down)} with its
 * defaults: the ratio reduced by the gcd, a Kaiser (beta 5) windowed-sinc low-pass of
 * {@code 2 * 10 * max(up, down) + 1} taps with cutoff {@code 1 / max(up, down)} of Nyquist, gain
 * {@code up}, zero padding at both ends and output {@code k} centred on input time
 * {@code k * down / up} (zero phase). Output length is {@code ceil(n * up / down)}.
 *
 * <p>Only the taps that meet a real input sample are computed: output {@code k} uses the filter
 * phase {@code (k * down + half) mod up}, about {@code 20 * max(up, down) / up} taps.
 *
 * <p>An instance streams: {@link #process} consecutive blocks, then {@link #flush()} once; the
 * concatenated outputs equal the one-shot {@link #resample(float[], int, int)} of the whole input.
 */
public final class Resampler {
    static final double KAISER_BETA = 5.0;
    /**
     * Largest reduced up or down factor: its filter has {@code 20·factor + 1} taps (1.3 M, 10 MB
     * of doubles, here). Beyond it the filter would not fit in memory (and {@code 20·factor}
     * overflows an int past 107 M): such ratios come from implausible or corrupt sample rates.
     */
    static final int MAX_FACTOR = 1 << 16;

    private final int up;
    private final int down;
    private final int half;
    /** taps[phase][i] multiplies x[nLo + i]: the phase's coefficients in input order. */
    private final float[][] taps;
    private final int maxTaps;
    // Streaming state: buf holds x[bufStart .. bufStart + bufLen); indices below 0 read as zeros.
    private float[] buf;
    private long bufStart;
    private int bufLen;
    private long inputCount;
    private long nextOut;
    private boolean flushed;

    private Resampler(int up, int down) {
        if (up < 1 || down < 1) {
            throw new IllegalArgumentException("up and down must be >= 1: " + up + "/" + down);
        }
        int g = gcd(up, down);
        this.up = up / g;
        this.down = down / g;
        checkFactors(this.up, this.down, "by " + up + "/" + down);
        this.half = 10 * Math.max(this.up, this.down);
        double[] h = lowPass(this.up, this.down);
        this.taps = new float[this.up][];
        int most = 0;
        for (int ph = 0; ph < this.up; ph++) {
            int count = (h.length - 1 - ph) / this.up + 1;
            float[] t = new float[count];
            for (int i = 0; i < count; i++) {
                t[i] = (float) h[ph + (count - 1 - i) * this.up];
            }
            taps[ph] = t;
            most = Math.max(most, count);
        }
        this.maxTaps = most;
        this.buf = new float[Math.max(1024, 2 * most)];
        this.bufStart = -most;
        this.bufLen = most; // leading zeros stand for x[n < 0]
    }

    /** A streaming resampler from one rate to another. */
    public static Resampler of(int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + fromRate + " -> " + toRate);
        }
        int g = gcd(toRate, fromRate);
        checkFactors(toRate / g, fromRate / g, fromRate + " Hz to " + toRate + " Hz");
        return new Resampler(toRate, fromRate);
    }

    /** Refuses reduced factors whose filter cannot be built ({@link #MAX_FACTOR}). */
    private static void checkFactors(int up, int down, String what) {
        if (Math.max(up, down) > MAX_FACTOR) {
            throw new EchomaskException("cannot resample " + what + ": the ratio reduces to " + up + "/" + down
                    + ", whose anti-aliasing filter would need " + (20L * Math.max(up, down) + 1) + " taps (at most "
                    + (20L * MAX_FACTOR + 1) + "); is the sample rate right?");
        }
    }

    /** A streaming resampler by up/down (reduced by their gcd). */
    public static Resampler ratio(int up, int down) {
        return new Resampler(up, down);
    }

    /** One-shot resampling of a whole signal from one rate to another. */
    public static float[] resample(float[] x, int fromRate, int toRate) {
        return of(fromRate, toRate).all(x);
    }

    /** One-shot {@code resample_poly(x, up, down)}. */
    public static float[] resamplePoly(float[] x, int up, int down) {
        return ratio(up, down).all(x);
    }

    public int up() {
        return up;
    }

    public int down() {
        return down;
    }

    /** Output samples for {@code n} input samples: {@code ceil(n * up / down)}. */
    public long outputLength(long n) {
        return (n * up + down - 1) / down;
    }

    /** The filter scipy designs for up/down (already reduced), scaled by {@code up}. */
    static double[] lowPass(int up, int down) {
        int half = 10 * Math.max(up, down);
        int n = 2 * half + 1;
        double cutoff = 1.0 / Math.max(up, down);
        double[] h = new double[n];
        double sum = 0;
        double i0Beta = besselI0(KAISER_BETA);
        for (int i = 0; i < n; i++) {
            double m = i - half;
            double x = cutoff * m;
            double sinc = m == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = (i - half) / (double) half;
            double w = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
            h[i] = cutoff * sinc * w;
            sum += h[i];
        }
        for (int i = 0; i < n; i++) {
            h[i] = h[i] / sum * up;
        }
        return h;
    }

    /** Modified Bessel function of the first kind, order 0 (power series; converges fast for the betas used). */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500 && term > 1e-17 * sum; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private float[] all(float[] x) {
        if (up == 1 && down == 1) {
            return x.clone();
        }
        float[] a = process(x, 0, x.length);
        float[] b = flush();
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Feeds the next block; returns the outputs that are now complete (possibly none). */
    public float[] process(float[] in, int off, int len) {
        if (flushed) {
            throw new IllegalStateException("resampler already flushed");
        }
        append(in, off, len);
        inputCount += len;
        // Output k is complete once its last input, floor((k*down + half) / up), has arrived.
        long lastReady = Math.floorDiv(inputCount * up - 1 - half, down); // largest k with nHi < inputCount
        return produce(lastReady + 1);
    }

    /** Ends the stream: returns the remaining outputs (the input is taken as zero after its end). */
    public float[] flush() {
        if (flushed) {
            throw new IllegalStateException("resampler already flushed");
        }
        flushed = true;
        long total = outputLength(inputCount);
        if (total > nextOut) {
            long lastHi = ((total - 1) * down + half) / up;
            int zeros = (int) Math.max(0, lastHi + 1 - (bufStart + bufLen));
            append(new float[zeros], 0, zeros);
        }
        return produce(total);
    }

    private float[] produce(long endOut) {
        int count = (int) Math.max(0, endOut - nextOut);
        float[] out = new float[count];
        float[] x = buf;
        for (int j = 0; j < count; j++) {
            long p = (nextOut + j) * down + half;
            long nHi = p / up;
            int phase = (int) (p - nHi * up);
            float[] t = taps[phase];
            int start = (int) (nHi - t.length + 1 - bufStart);
            float acc = 0;
            for (int i = 0; i < t.length; i++) {
                acc += t[i] * x[start + i];
            }
            out[j] = acc;
        }
        nextOut += count;
        discardBefore(Math.floorDiv(nextOut * down + half, up) - maxTaps);
        return out;
    }

    private void append(float[] in, int off, int len) {
        if (bufLen + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(bufLen + len, 2 * buf.length));
        }
        System.arraycopy(in, off, buf, bufLen, len);
        bufLen += len;
    }

    private void discardBefore(long index) {
        int drop = (int) Math.min(bufLen, Math.max(0, index - bufStart));
        if (drop > buf.length / 2) {
            System.arraycopy(buf, drop, buf, 0, bufLen - drop);
            bufLen -= drop;
            bufStart += drop;
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
