package org.echomask.detect;

import java.util.Locale;
import org.echomask.EchomaskException;

/** File-level post-processing of window probabilities (SPEC 3). */
public enum PostProcess {
    /** Probabilities as the models give them. */
    NONE,
    /**
     * {@code p̂ᵢⱼ = pᵢⱼ · mean_k pₖⱼ}: each window's probability of a class is scaled by the class's
     * mean over the whole file, so a class the file as a whole does not support is damped and
     * one that recurs through the file is kept (BirdCLEF practice).
     */
    FILE_MEAN;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static PostProcess parse(String s) {
        for (PostProcess p : values()) {
            if (p.id().equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new EchomaskException("unknown post-processing '" + s + "' (expected none or file-mean)");
    }

    /** Applies this post-processing to one file's window probabilities {@code [window][class]}; returns new rows. */
    public float[][] apply(float[][] p) {
        return this == NONE ? copy(p) : fileMean(p);
    }

    /** {@code p̂ᵢⱼ = pᵢⱼ · mean_k pₖⱼ} over the windows of one file; an empty file gives no rows. */
    public static float[][] fileMean(float[][] p) {
        if (p.length == 0) {
            return new float[0][];
        }
        int k = p[0].length;
        double[] mean = new double[k];
        for (float[] row : p) {
            if (row.length != k) {
                throw new IllegalArgumentException("rows of " + row.length + " and " + k + " classes");
            }
            for (int j = 0; j < k; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < k; j++) {
            mean[j] /= p.length;
        }
        float[][] out = new float[p.length][k];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = (float) (p[i][j] * mean[j]);
            }
        }
        return out;
    }

    private static float[][] copy(float[][] p) {
        float[][] out = new float[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i].clone();
        }
        return out;
    }
}
