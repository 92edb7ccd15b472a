package org.echomask.audio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian interleaved bytes to per-channel floats in [-1, 1). Hot loop of every WAV read. */
final class SampleDecoder {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private static final float MAX_BELOW_ONE = Math.nextDown(1f);

    /**
     * Largest magnitude a float sample may have. Float audio is nominally in [-1, 1]; unnormalised
     * 16- or 24-bit values written as floats (up to 8.4e6) are still audio a spectrogram can square
     * and sum without overflowing float, but 1e38 and the like are not audio at all.
     */
    static final float MAX_FLOAT_SAMPLE = 1e7f;

    private SampleDecoder() {}

    /**
     * Index of the first sample in {@code x[offset, offset + n)} that is NaN, infinite or beyond
     * ±{@link #MAX_FLOAT_SAMPLE}, or -1: decoded float samples must be checked, since a single one
     * turns a whole spectrogram (and after resampling a whole window) into NaN.
     */
    static int firstImpossible(float[] x, int offset, int n) {
        for (int i = offset; i < offset + n; i++) {
            if (!(Math.abs(x[i]) <= MAX_FLOAT_SAMPLE)) {
                return i;
            }
        }
        return -1;
    }

    static void decode(byte[] src, int frames, WavFormat f, float[][] dest, int offset) {
        int nch = f.channels();
        int bytes = f.containerBytes();
        int stride = nch * bytes;
        for (int c = 0; c < nch; c++) {
            float[] out = dest[c];
            int p = c * bytes;
            switch (f.encoding()) {
                case PCM_UNSIGNED -> {
                    for (int i = 0; i < frames; i++, p += stride) {
                        out[offset + i] = ((src[p] & 0xff) - 128) * (1f / 128f);
                    }
                }
                case PCM_SIGNED -> decodeSigned(src, frames, bytes, stride, p, out, offset);
                case FLOAT -> {
                    if (bytes == 4) {
                        for (int i = 0; i < frames; i++, p += stride) {
                            out[offset + i] = (float) FLOAT.get(src, p);
                        }
                    } else {
                        for (int i = 0; i < frames; i++, p += stride) {
                            out[offset + i] = (float) (double) DOUBLE.get(src, p);
                        }
                    }
                }
            }
        }
    }

    private static void decodeSigned(byte[] src, int frames, int bytes, int stride, int p, float[] out, int offset) {
        switch (bytes) {
            case 2 -> {
                for (int i = 0; i < frames; i++, p += stride) {
                    out[offset + i] = (short) SHORT.get(src, p) * (1f / 32768f);
                }
            }
            case 3 -> {
                for (int i = 0; i < frames; i++, p += stride) {
                    int v = (src[p] & 0xff) | (src[p + 1] & 0xff) << 8 | src[p + 2] << 16;
                    out[offset + i] = v * (1f / 8388608f);
                }
            }
            case 4 -> {
                for (int i = 0; i < frames; i++, p += stride) {
                    // float rounding would lift 2^31-1 to exactly 1.0; keep the documented [-1, 1) range.
                    out[offset + i] = Math.min(MAX_BELOW_ONE, (float) ((int) INT.get(src, p) * (1.0 / 2147483648.0)));
                }
            }
            default -> throw new IllegalStateException("signed PCM with " + bytes + "-byte samples");
        }
    }
}
