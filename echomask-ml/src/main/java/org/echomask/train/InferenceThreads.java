package org.echomask.train;

import ai.djl.pytorch.jni.JniUtils;
import org.echomask.nn.Engines;

/**
 * libtorch's intra-op thread count, a setting of the whole process. Analysis wants few: its
 * spectrograms are computed on Java worker threads at the same time, and libtorch's OpenMP
 * threads spin while they wait, taking the cores the workers need. On 2 cores one inference
 * thread made analysis 1.3–1.4× faster than libtorch's default of one per core (docs/benchmarks.md).
 */
public final class InferenceThreads {
    private InferenceThreads() {}

    /** The analysis default: a quarter of the cores, at least one. */
    public static int forAnalysis(int cores) {
        return Math.max(1, cores / 4);
    }

    /** Sets the count for this process (0 leaves it as it is). */
    public static void set(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("inference threads must be >= 0: " + threads);
        }
        if (threads > 0) {
            Engines.pytorch(); // loads the native library the call goes to
            JniUtils.setNumThreads(threads);
        }
    }

    /** The count in effect. */
    public static int get() {
        Engines.pytorch();
        return JniUtils.getNumThreads();
    }
}
