package org.echomask.detect;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A uniform sample of at most {@code capacity} window probabilities of a run, for the summary's
 * histogram. Bottom-k sampling: every probability gets a pseudo-random key from (recording name,
 * window index, label) alone, and the sample keeps the values with the smallest keys. Samples of
 * recordings {@linkplain #merge merge} into the run's sample in any order and grouping with the
 * same result, so an engine that analyses recordings in parallel on other machines draws the very
 * sample the local engine draws. Immutable and serializable.
 */
public final class WindowSample implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int capacity;
    private final long[] keys; // sorted ascending, with values in the same order
    private final float[] values;

    private WindowSample(int capacity, long[] keys, float[] values) {
        this.capacity = capacity;
        this.keys = keys;
        this.values = values;
    }

    public static WindowSample empty(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        return new WindowSample(capacity, new long[0], new float[0]);
    }

    /** The sample of one recording's windows (every label's probability is a value). */
    public static WindowSample of(String recording, List<WindowScore> windows, int capacity) {
        long seed = stringHash(recording);
        int n = windows.stream().mapToInt(w -> w.probabilities().length).sum();
        long[] k = new long[n];
        float[] v = new float[n];
        int i = 0;
        for (WindowScore w : windows) {
            float[] p = w.probabilities();
            for (int j = 0; j < p.length; j++) {
                k[i] = key(seed, w.index(), j);
                v[i] = p[j];
                i++;
            }
        }
        return bottom(capacity, k, v);
    }

    /** The sample of both samples' values together. */
    public WindowSample merge(WindowSample other) {
        if (other.capacity != capacity) {
            throw new IllegalArgumentException("capacities differ: " + capacity + " vs " + other.capacity);
        }
        if (other.keys.length == 0) {
            return this;
        }
        if (keys.length == 0) {
            return other;
        }
        // Both are sorted: a linear merge, cut after the capacity-th entry (and its key's ties).
        int n = keys.length + other.keys.length;
        long[] k = new long[n];
        float[] v = new float[n];
        int a = 0;
        int b = 0;
        int i = 0;
        while (i < n) {
            boolean fromThis = b >= other.keys.length || (a < keys.length && compare(keys[a], values[a], other.keys[b], other.values[b]) <= 0);
            long key = fromThis ? keys[a] : other.keys[b];
            if (i >= capacity && key != k[capacity - 1]) {
                break;
            }
            k[i] = key;
            v[i] = fromThis ? values[a++] : other.values[b++];
            i++;
        }
        return new WindowSample(capacity, Arrays.copyOf(k, i), Arrays.copyOf(v, i));
    }

    private static int compare(long k1, float v1, long k2, float v2) {
        int c = Long.compareUnsigned(k1, k2);
        return c != 0 ? c : Float.compare(v1, v2);
    }

    /** Number of values held. */
    public int size() {
        return values.length;
    }

    /** The values, in key order. */
    public double[] values() {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** Keeps the entries with the {@code capacity} smallest keys (ties at the cut all kept), sorted by key then value. */
    private static WindowSample bottom(int capacity, long[] k, float[] v) {
        Integer[] order = new Integer[k.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> compare(k[a], v[a], k[b], v[b]));
        int keep = order.length;
        if (keep > capacity) {
            keep = capacity;
            while (keep < order.length && k[order[keep]] == k[order[capacity - 1]]) {
                keep++;
            }
        }
        long[] ks = new long[keep];
        float[] vs = new float[keep];
        for (int i = 0; i < keep; i++) {
            ks[i] = k[order[i]];
            vs[i] = v[order[i]];
        }
        return new WindowSample(capacity, ks, vs);
    }

    static long key(long recordingSeed, long window, int label) {
        return mix(recordingSeed + 0x9E3779B97F4A7C15L * (window * 1_000_003L + label + 1));
    }

    /** 64-bit polynomial hash of the name (stable across JVMs, unlike identity hashes). */
    static long stringHash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    /** SplitMix64's finaliser (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
