package org.echomask.spectrogram;

import java.util.stream.IntStream;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Short-time Fourier power {@code |X[k]|²} of framed, windowed audio, computed straight from
 * JTransforms' packed {@code realForward} layout. No scaling is applied: the value equals
 * {@code |numpy.fft.rfft(frame * window)[k]|²}.
 *
 * <p>Framing: frame {@code f} covers samples {@code [f·hop − pad, f·hop − pad + nFft)} where
 * {@code pad = nFft/2} when centred and 0 otherwise; samples outside the signal are zeros (librosa
 * {@code pad_mode='constant'}, scipy {@code boundary='zeros'}). The frame count is
 * {@code 1 + (len + 2·pad − nFft) / hop} (floor), at least 1, so no frame runs past the padded end.
 *
 * <p>Long signals are split into contiguous frame ranges computed in parallel, each range with its
 * own FFT plan and buffer, so nothing is allocated per frame.
 */
public final class Stft {
    /** Below this many frame-samples, forking costs more than it saves. */
    static final long PARALLEL_THRESHOLD = 1L << 18;

    private Stft() {}

    /** Number of frames for {@code length} samples, as described in the class comment. */
    public static int frameCount(long length, int nFft, int hop, boolean center) {
        long padded = length + (center ? 2L * (nFft / 2) : 0);
        long frames = padded < nFft ? 1 : 1 + (padded - nFft) / hop;
        if (frames > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many frames: " + frames);
        }
        return (int) frames;
    }

    /**
     * Power of bins {@code lo..hi} (inclusive) for every frame, as {@code [bin − lo][frame]}.
     *
     * @param window periodic window coefficients, length {@code nFft}
     */
    public static float[][] power(float[] samples, float[] window, int hop, boolean center, int lo, int hi) {
        return grid(samples, window, hop, center, lo, hi, Double.NaN);
    }

    /**
     * {@code 10·log10(max(power, floor))} of bins {@code lo..hi}, as {@code [bin − lo][frame]}: the
     * same values as {@link #power} followed by {@link Decibels#toDbInPlace} without top_db, but the
     * log is taken while each frame is still in cache, saving a pass over the grid.
     */
    public static float[][] powerDb(float[] samples, float[] window, int hop, boolean center, int lo, int hi,
            double floor) {
        if (!(floor > 0)) {
            throw new IllegalArgumentException("dB floor must be > 0: " + floor);
        }
        return grid(samples, window, hop, center, lo, hi, floor);
    }

    private static float[][] grid(float[] samples, float[] window, int hop, boolean center, int lo, int hi,
            double dbFloor) {
        int nFft = window.length;
        checkBins(nFft, lo, hi);
        int frames = frameCount(samples.length, nFft, hop, center);
        float[][] out = new float[hi - lo + 1][frames];
        int pad = center ? nFft / 2 : 0;
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores == 1 || (long) frames * nFft < PARALLEL_THRESHOLD) {
            new Kernel(window, lo, hi).frames(samples, pad, hop, 0, frames, out, dbFloor);
            return out;
        }
        // A few chunks per core keeps cores busy when one finishes early.
        int chunks = Math.min(frames, cores * 4);
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) frames * c / chunks);
            int to = (int) ((long) frames * (c + 1) / chunks);
            new Kernel(window, lo, hi).frames(samples, pad, hop, from, to, out, dbFloor);
        });
        return out;
    }

    static void checkBins(int nFft, int lo, int hi) {
        if (lo < 0 || hi > nFft / 2 || lo > hi) {
            throw new IllegalArgumentException("bin range " + lo + ".." + hi + " outside 0.." + nFft / 2);
        }
    }

    /** Periodic window as floats, the form the kernels multiply by. */
    public static float[] window(WindowType type, int nFft) {
        double[] w = type.coefficients(nFft);
        float[] f = new float[nFft];
        for (int i = 0; i < nFft; i++) {
            f[i] = (float) w[i];
        }
        return f;
    }

    /** One FFT plan and one buffer; computes frames one after another without allocating. */
    static final class Kernel {
        private static final int TILE = 32;
        private final float[] window;
        private final float[] buf;
        private final FloatFFT_1D fft;
        private final int lo;
        private final int hi;
        private final int n;
        private final int midFrom;
        private final int midTo;
        private final float[][] tile;
        private final float[] dbScratch;

        Kernel(float[] window, int lo, int hi) {
            this.window = window;
            this.n = window.length;
            this.buf = new float[n];
            this.fft = new FloatFFT_1D(n);
            this.lo = lo;
            this.hi = hi;
            // Bins whose Re/Im sit at a[2k], a[2k+1]: all but DC and the packed top bin.
            this.midFrom = Math.max(lo, 1);
            this.midTo = Math.min(hi, (n - 1) / 2 - (n % 2 == 1 ? 1 : 0));
            this.tile = new float[TILE][hi - lo + 1];
            this.dbScratch = new float[hi - lo + 1];
        }

        /**
         * Frames {@code from..to-1} of {@code samples} (with {@code pad} leading zeros) into
         * {@code out[bin][frame]}. Frames are computed a tile at a time into a frame-major
         * scratch and then copied row by row, so each output row gets a run of consecutive writes
         * instead of one scattered write per frame (which costs a cache line and a TLB entry per
         * bin per frame).
         */
        void frames(float[] samples, int pad, int hop, int from, int to, float[][] out) {
            frames(samples, pad, hop, from, to, out, Double.NaN);
        }

        /** As above, converted to dB with this floor unless it is NaN. */
        void frames(float[] samples, int pad, int hop, int from, int to, float[][] out, double dbFloor) {
            int bins = hi - lo + 1;
            boolean db = !Double.isNaN(dbFloor);
            for (int f0 = from; f0 < to; f0 += TILE) {
                int n = Math.min(TILE, to - f0);
                for (int j = 0; j < n; j++) {
                    frame(samples, (long) (f0 + j) * hop - pad, samples.length, tile[j]);
                    if (db) {
                        Decibels.toDbInPlace(tile[j], bins, dbFloor, dbScratch);
                    }
                }
                for (int k = 0; k < bins; k++) {
                    float[] row = out[k];
                    for (int j = 0; j < n; j++) {
                        row[f0 + j] = tile[j][k];
                    }
                }
            }
        }

        /** One frame whose first sample is {@code x[start]}; indices outside {@code [0, end)} read as zero. */
        void frame(float[] x, long start, int end, float[] out) {
            frame(x, start, 0, end, out);
        }

        /** One frame whose first sample is {@code x[start]}; indices outside {@code [from, end)} read as zero. */
        void frame(float[] x, long start, int from, int end, float[] out) {
            load(x, start, from, end);
            fft.realForward(buf);
            float[] a = buf;
            for (int k = lo; k < midFrom; k++) {
                out[k - lo] = binPower(k);
            }
            for (int k = midFrom; k <= midTo; k++) {
                float re = a[2 * k];
                float im = a[2 * k + 1];
                out[k - lo] = re * re + im * im;
            }
            for (int k = Math.max(midTo + 1, midFrom); k <= hi; k++) {
                out[k - lo] = binPower(k);
            }
        }

        private void load(float[] x, long start, int from, int end) {
            float[] b = buf;
            float[] w = window;
            if (start >= from && start + n <= end) {
                int s = (int) start;
                for (int i = 0; i < n; i++) {
                    b[i] = x[s + i] * w[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    long j = start + i;
                    b[i] = j >= from && j < end ? x[(int) j] * w[i] : 0f;
                }
            }
        }

        /**
         * JTransforms packs the half spectrum in place: {@code a[2k], a[2k+1]} = Re, Im of bin k;
         * {@code a[0]} = Re[0]; for even n {@code a[1]} = Re[n/2]; for odd n {@code a[1]} = Im[(n−1)/2]
         * and {@code a[n−1]} = Re[(n−1)/2].
         */
        private float binPower(int k) {
            float[] a = buf;
            if (k == 0) {
                return a[0] * a[0];
            }
            if (2 * k == n) {
                return a[1] * a[1];
            }
            if (2 * k == n - 1) {
                return a[n - 1] * a[n - 1] + a[1] * a[1];
            }
            float re = a[2 * k];
            float im = a[2 * k + 1];
            return re * re + im * im;
        }
    }
}
