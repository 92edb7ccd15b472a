package org.echomask.audio;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;

/** Helpers for the audio tests: reading a whole source in odd-sized blocks, counting allocation. */
final class AudioTestSupport {
    private AudioTestSupport() {}

    /** Largest allocation a read of a tiny hostile file may make: far below what its header asks for. */
    static final long SMALL_ALLOCATION = 64L << 20;

    /**
     * Bytes the current thread has allocated so far (HotSpot's counter), so a test can check that
     * reading a lying header stayed small without relying on the heap size; skips elsewhere.
     */
    static long allocatedBytes() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t)
                || !t.isThreadAllocatedMemorySupported()) {
            Assumptions.abort("this JVM does not count allocated bytes per thread");
            return -1;
        }
        return t.getCurrentThreadAllocatedBytes();
    }

    /** Reads a whole source in small odd-sized blocks (exercising block boundaries and offsets). */
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
