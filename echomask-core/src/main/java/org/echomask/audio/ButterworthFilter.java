package org.echomask.audio;

import uk.me.berndporr.iirj.Biquad;
import uk.me.berndporr.iirj.Butterworth;
import uk.me.berndporr.iirj.Cascade;

/**
 * Butterworth IIR filter as second-order sections, run like {@code scipy.signal.sosfilt} (transposed
 * direct form II, double precision, zero initial state). The sections are designed by iirj, whose
 * analog prototype and bilinear band transforms give the same transfer function as
 * {@code scipy.signal.butter(N, Wn, btype, fs=fs, output='sos')} (checked on golden vectors; the
 * factoring into sections may differ, the output does not beyond rounding).
 *
 * <p>An instance keeps its state across {@link #process} calls, so a recording can be filtered
 * block by block; the static helpers filter a whole signal from rest.
 */
public final class ButterworthFilter {
    private final double[][] sos;
    private final double[][] state;

    private ButterworthFilter(Cascade design) {
        int n = design.getNumBiquads();
        sos = new double[n][];
        for (int i = 0; i < n; i++) {
            Biquad b = design.getBiquad(i);
            double a0 = b.getA0();
            sos[i] = new double[] {b.getB0() / a0, b.getB1() / a0, b.getB2() / a0, 1.0, b.getA1() / a0, b.getA2() / a0};
        }
        state = new double[n][2];
    }

    /** Band-pass of prototype order {@code order} (scipy's N: the filter has N sections) between two edges in Hz. */
    public static ButterworthFilter bandPass(int order, double lowHz, double highHz, double sampleRate) {
        checkOrder(order);
        if (!(lowHz > 0 && lowHz < highHz && highHz < sampleRate / 2)) {
            throw new IllegalArgumentException("band-pass edges must satisfy 0 < low < high < Nyquist: " + lowHz + ", "
                    + highHz + " at " + sampleRate + " Hz");
        }
        Butterworth b = new Butterworth();
        b.bandPass(order, sampleRate, (lowHz + highHz) / 2, highHz - lowHz);
        return new ButterworthFilter(b);
    }

    /** High-pass of order {@code order} with its -3 dB point at {@code cutoffHz}. */
    public static ButterworthFilter highPass(int order, double cutoffHz, double sampleRate) {
        checkOrder(order);
        checkCutoff(cutoffHz, sampleRate);
        Butterworth b = new Butterworth();
        b.highPass(order, sampleRate, cutoffHz);
        return new ButterworthFilter(b);
    }

    /** Low-pass of order {@code order} with its -3 dB point at {@code cutoffHz}. */
    public static ButterworthFilter lowPass(int order, double cutoffHz, double sampleRate) {
        checkOrder(order);
        checkCutoff(cutoffHz, sampleRate);
        Butterworth b = new Butterworth();
        b.lowPass(order, sampleRate, cutoffHz);
        return new ButterworthFilter(b);
    }

    /** Filters a whole signal from rest into a new array. */
    public float[] apply(float[] x) {
        reset();
        float[] y = x.clone();
        process(y, 0, y.length);
        reset();
        return y;
    }

    /** Filters {@code x[off .. off+len)} in place, continuing from the state the previous block left. */
    public void process(float[] x, int off, int len) {
        // Sample-major so the signal stays in double between sections, as in sosfilt.
        int n = sos.length;
        double[] z0 = new double[n];
        double[] z1 = new double[n];
        for (int s = 0; s < n; s++) {
            z0[s] = state[s][0];
            z1[s] = state[s][1];
        }
        for (int i = off; i < off + len; i++) {
            double v = x[i];
            for (int s = 0; s < n; s++) {
                double[] c = sos[s];
                double out = c[0] * v + z0[s];
                z0[s] = c[1] * v - c[4] * out + z1[s];
                z1[s] = c[2] * v - c[5] * out;
                v = out;
            }
            x[i] = (float) v;
        }
        for (int s = 0; s < n; s++) {
            state[s][0] = z0[s];
            state[s][1] = z1[s];
        }
    }

    /** Back to zero state (the start of a new recording). */
    public void reset() {
        for (double[] z : state) {
            z[0] = 0;
            z[1] = 0;
        }
    }

    /** The sections as scipy's {@code sos} rows: b0, b1, b2, a0 (= 1), a1, a2. */
    public double[][] sos() {
        double[][] copy = new double[sos.length][];
        for (int i = 0; i < sos.length; i++) {
            copy[i] = sos[i].clone();
        }
        return copy;
    }

    private static void checkOrder(int order) {
        if (order < 1 || order > 32) {
            throw new IllegalArgumentException("Butterworth order must be 1..32: " + order);
        }
    }

    private static void checkCutoff(double cutoffHz, double sampleRate) {
        if (!(cutoffHz > 0 && cutoffHz < sampleRate / 2)) {
            throw new IllegalArgumentException("cutoff must be between 0 and Nyquist: " + cutoffHz + " at " + sampleRate
                    + " Hz");
        }
    }
}
