package org.echomask.synth;

import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.jtransforms.fft.FloatFFT_1D;

/**
 * Frequency-domain helpers of the generator: coloured Gaussian noise, zero-phase filtering by a
 * magnitude response, band energy, and band-limited pulses. Everything is built on the DFT of
 * the sampled signal, so nothing above Nyquist is ever synthesised (no aliasing by construction).
 */
final class Spectral {
    private Spectral() {}

    static int nextPow2(int n) {
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

    /**
     * Gaussian noise of {@code n} samples whose amplitude spectrum follows {@code amplitudeOfHz}
     * (random phase, Rayleigh magnitudes), scaled to unit RMS. DC is removed.
     */
    static float[] colouredNoise(int n, int rate, DoubleUnaryOperator amplitudeOfHz, RandomGenerator rng) {
        int size = nextPow2(Math.max(n, 2));
        float[] buf = new float[size];
        double binHz = rate / (double) size;
        for (int k = 1; k < size / 2; k++) {
            double a = amplitudeOfHz.applyAsDouble(k * binHz);
            buf[2 * k] = (float) (a * rng.nextGaussian());
            buf[2 * k + 1] = (float) (a * rng.nextGaussian());
        }
        buf[0] = 0;
        buf[1] = 0;
        new FloatFFT_1D(size).realInverse(buf, false);
        float[] out = new float[n];
        System.arraycopy(buf, 0, out, 0, n);
        normaliseRms(out);
        return out;
    }

    /** Scales {@code x} in place to unit RMS (left alone when silent). */
    static void normaliseRms(float[] x) {
        double rms = rms(x, 0, x.length);
        if (rms > 0) {
            float g = (float) (1 / rms);
            for (int i = 0; i < x.length; i++) {
                x[i] *= g;
            }
        }
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return to > from ? Math.sqrt(s / (to - from)) : 0;
    }

    /**
     * Zero-phase filtering by a real magnitude response {@code gainOfHz}. The signal is zero-padded
     * by {@code guard} samples before the circular FFT product so that responses shorter than the
     * guard act as a linear (not circular) convolution.
     */
    static float[] filter(float[] x, int rate, DoubleUnaryOperator gainOfHz, int guard) {
        int size = nextPow2(x.length + 2 * guard);
        float[] buf = new float[size];
        System.arraycopy(x, 0, buf, guard, x.length);
        FloatFFT_1D fft = new FloatFFT_1D(size);
        fft.realForward(buf);
        double binHz = rate / (double) size;
        buf[0] *= (float) gainOfHz.applyAsDouble(0);
        buf[1] *= (float) gainOfHz.applyAsDouble(rate / 2.0);
        for (int k = 1; k < size / 2; k++) {
            float g = (float) gainOfHz.applyAsDouble(k * binHz);
            buf[2 * k] *= g;
            buf[2 * k + 1] *= g;
        }
        fft.realInverse(buf, true);
        float[] out = new float[x.length];
        System.arraycopy(buf, guard, out, 0, x.length);
        return out;
    }

    /**
     * Energy of {@code x[from, to)} inside {@code [lowHz, highHz]}: the sum of |X_k|² over the DFT
     * bins of the (rectangular-windowed, zero-padded) span whose frequency lies in the band. The
     * absolute scale is arbitrary but the same for every signal of one span length, which is all
     * an energy ratio needs.
     */
    static double bandEnergy(float[] x, int from, int to, int rate, double lowHz, double highHz) {
        int len = to - from;
        if (len <= 0) {
            return 0;
        }
        int size = nextPow2(len);
        float[] buf = new float[size];
        System.arraycopy(x, from, buf, 0, len);
        new FloatFFT_1D(size).realForward(buf);
        double binHz = rate / (double) size;
        int lo = Math.max(0, (int) Math.ceil(lowHz / binHz));
        int hi = Math.min(size / 2, (int) Math.floor(highHz / binHz));
        double e = 0;
        for (int k = lo; k <= hi; k++) {
            double re;
            double im;
            if (k == 0) {
                re = buf[0];
                im = 0;
            } else if (k == size / 2) {
                re = buf[1];
                im = 0;
            } else {
                re = buf[2 * k];
                im = buf[2 * k + 1];
            }
            e += re * re + im * im;
        }
        return e;
    }

    /**
     * A band-limited click: Gaussian amplitude spectrum centred on {@code centreHz} with standard
     * deviation {@code sigmaHz} (in the time domain a Gaussian-enveloped tone), carrier phase
     * {@code phase}, peak of the envelope at sample {@code length/2 + fraction}, built on the DFT
     * grid of {@code length} samples so energy above Nyquist is simply absent. Peak amplitude 1
     * when the whole spectrum is representable.
     */
    static float[] gaussianPulse(int length, int rate, double centreHz, double sigmaHz, double phase, double fraction) {
        float[] buf = new float[length];
        double binHz = rate / (double) length;
        double delay = length / 2.0 + fraction;
        for (int k = 1; k < length / 2; k++) {
            double f = k * binHz;
            double d = (f - centreHz) / sigmaHz;
            double a = Math.exp(-0.5 * d * d);
            if (a < 1e-7) {
                continue;
            }
            double ph = phase - 2 * Math.PI * k * delay / length;
            buf[2 * k] = (float) (a * Math.cos(ph));
            buf[2 * k + 1] = (float) (a * Math.sin(ph));
        }
        new FloatFFT_1D(length).realInverse(buf, false);
        // JTransforms' unscaled real inverse gives Σ_k a_k cos(...) over the positive bins, which
        // is ≈ (length/rate)·σ√(2π)·envelope(t): divide that out so a fully representable pulse
        // has envelope peak 1 (checked in SourcesTest).
        float g = (float) (rate / (sigmaHz * Math.sqrt(2 * Math.PI) * length));
        for (int i = 0; i < length; i++) {
            buf[i] *= g;
        }
        return buf;
    }
}
