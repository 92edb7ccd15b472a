package org.echomask.spectrogram;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * {@code 10·log10(max(p, floor))} with an optional {@code top_db} clip below the maximum, as
 * librosa's {@code power_to_db(S, ref=1.0, amin=floor, top_db=...)}.
 *
 * <p>Grids use a SIMD-friendly split (see {@link #toDbInPlace(float[], int, double, float[])});
 * single values ({@link #db}) are computed from the float's exponent and a 1024-entry table of ln(1 + i/1024) for the
 * top mantissa bits, with a three-term series for the small remainder (|r| < 2⁻¹⁰, error below
 * 1e-12), because {@link Math#log10} alone costs about as much as the FFT that produced the value.
 */
public final class Decibels {
    private static final double LN2 = Math.log(2);
    private static final double DB_PER_NEPER = 10 / Math.log(10);
    private static final float LN2_F = (float) LN2;
    private static final float DB_PER_NEPER_F = (float) DB_PER_NEPER;
    private static final int MANTISSA = 0x007fffff;
    private static final int EXP_ONE = 0x3f800000;
    private static final int TABLE_BITS = 10;
    private static final int LOW_BITS = 23 - TABLE_BITS;
    private static final double LOW_SCALE = 1.0 / (1 << 23);
    private static final double[] LOG_M = new double[1 << TABLE_BITS];
    private static final double[] INV_M = new double[1 << TABLE_BITS];

    static {
        for (int i = 0; i < LOG_M.length; i++) {
            double m = 1 + i / (double) (1 << TABLE_BITS);
            LOG_M[i] = Math.log(m);
            INV_M[i] = 1 / m;
        }
    }

    private Decibels() {}

    /** 10·log10(p) for a positive normal float; falls back to {@link Math#log10} otherwise. */
    public static float db(float p) {
        if (!(p >= Float.MIN_NORMAL) || p == Float.POSITIVE_INFINITY) {
            return (float) (10 * Math.log10(p));
        }
        int bits = Float.floatToRawIntBits(p);
        int e = (bits >>> 23) - 127;
        int i = (bits >>> LOW_BITS) & ((1 << TABLE_BITS) - 1);
        // p = 2^e · m_i · (1 + r), with m_i = 1 + i/1024 and 0 ≤ r < 2^-10.
        double r = (bits & ((1 << LOW_BITS) - 1)) * LOW_SCALE * INV_M[i];
        double ln = e * LN2 + LOG_M[i] + r * (1 - r * (0.5 - r * (1.0 / 3)));
        return (float) (ln * DB_PER_NEPER);
    }

    /** {@code 10·log10(max(p, floor))} of the first {@code n} values, in place; NaN/∞ give NaN. */
    public static void toDbInPlace(float[] values, int n, double floor) {
        toDbInPlace(values, n, floor, new float[n]);
    }

    /**
     * As {@link #toDbInPlace(float[], int, double)} using {@code scratch} (length ≥ n). Two
     * branch-free loops that the JIT turns into SIMD code: split each float into exponent and
     * mantissa m ∈ [1, 2), then ln m = 2·atanh(z), z = (m−1)/(m+1) ≤ 1/3, by its series to z¹³
     * (truncation error below 1e-8): about 1e-7 relative error from float rounding.
     */
    static void toDbInPlace(float[] values, int n, double floor, float[] scratch) {
        float fl = (float) floor;
        if (!(fl >= Float.MIN_NORMAL)) {
            // A subnormal floor defeats the exponent split; this path is only for odd configs.
            for (int i = 0; i < n; i++) {
                float p = values[i];
                values[i] = p > fl ? db(p) : (p != p ? Float.NaN : (float) (10 * Math.log10(floor)));
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits(Math.max(values[i], fl));
            scratch[i] = (float) ((bits >>> 23) - 127);
            values[i] = Float.intBitsToFloat((bits & MANTISSA) | EXP_ONE);
        }
        for (int i = 0; i < n; i++) {
            float m = values[i];
            float z = (m - 1f) / (m + 1f);
            float z2 = z * z;
            float lnM = 2f * z * (1f + z2 * (1f / 3 + z2 * (1f / 5 + z2 * (1f / 7 + z2 * (1f / 9 + z2 * (1f / 11
                    + z2 * (1f / 13)))))));
            values[i] = DB_PER_NEPER_F * (scratch[i] * LN2_F + lnM);
        }
        // Exponent field 255 (NaN or ∞ power, i.e. non-finite audio) gives e ≥ 128.
        for (int i = 0; i < n; i++) {
            if (scratch[i] >= 128f) {
                values[i] = Float.NaN;
            }
        }
    }

    /** Converts power to dB in place; rows are processed in parallel when the grid is large. */
    public static void toDbInPlace(float[][] power, double floor, Double topDb) {
        boolean parallel = cells(power) > (1 << 16);
        rows(power.length, parallel).forEach(r -> toDbInPlace(power[r], power[r].length, floor));
        clipTopDb(power, topDb);
    }

    /** Raises values below {@code max − topDb} to it (nothing when topDb is null). */
    public static void clipTopDb(float[][] db, Double topDb) {
        if (topDb == null) {
            return;
        }
        boolean parallel = cells(db) > (1 << 16);
        float max = (float) rows(db.length, parallel).mapToDouble(r -> {
            float rowMax = Float.NEGATIVE_INFINITY;
            for (float v : db[r]) {
                if (v > rowMax) { // ignores NaN
                    rowMax = v;
                }
            }
            return rowMax;
        }).max().orElse(Double.NEGATIVE_INFINITY);
        if (Float.isFinite(max)) {
            float min = (float) (max - topDb);
            rows(db.length, parallel).forEach(r -> {
                float[] row = db[r];
                for (int i = 0; i < row.length; i++) {
                    if (row[i] < min) {
                        row[i] = min;
                    }
                }
            });
        }
    }

    private static IntStream rows(int n, boolean parallel) {
        IntStream s = IntStream.range(0, n);
        return parallel ? s.parallel() : s;
    }

    static long cells(float[][] grid) {
        return Arrays.stream(grid).mapToLong(r -> r.length).sum();
    }
}
