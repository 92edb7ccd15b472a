package org.echomask.audio;

import java.util.Arrays;

/** Reads a whole source in small odd-sized blocks (exercising block boundaries and offsets). */
final class AudioTestSupport {
    private AudioTestSupport() {}

    static float[][] readAll(AudioSource src, int block) {
        int nch = src.info().channels();
        float[][] out = new float[nch][16];
        float[][] buf = new float[nch][block + 3];
        int len = 0;
        int n;
        while ((n = src.read(buf, 3, block)) >= 0) {
            for (int c = 0; c < nch; c++) {
                if (out[c].length < len + n) {
                    out[c] = Arrays.copyOf(out[c], Math.max(len + n, out[c].length * 2));
                }
                System.arraycopy(buf[c], 3, out[c], len, n);
            }
            len += n;
        }
        for (int c = 0; c < nch; c++) {
            out[c] = Arrays.copyOf(out[c], len);
        }
        return out;
    }
}
