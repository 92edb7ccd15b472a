package org.echomask.report;

import java.util.Locale;

/**
 * Number formatting shared by report tables, so every table of every report reads the same way.
 * Always {@link Locale#ROOT}: a report written on a German machine must still say "0.875", not
 * "0,875". Missing values (NaN) print as an en dash rather than "NaN", which reads as an error.
 */
public final class Formats {
    /** En dash: what a table shows for a value that does not exist (NaN). */
    public static final String MISSING = "\u2013";

    private Formats() {}

    /** Fixed three decimals: "0.875", "12.000"; "–" for NaN, "∞"/"−∞" for infinities. */
    public static String f3(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A fraction as a percentage with one decimal: 0.1234 → "12.3 %". */
    public static String pct1(double v) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        return String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    /**
     * A duration: "12.3 s" up to 120 s, then "4 min 05 s", and from one hour "2 h 03 min" (the
     * seconds of a run that took hours are noise). Negative or NaN durations are "–".
     */
    public static String seconds(double s) {
        if (Double.isNaN(s) || s < 0) {
            return MISSING;
        }
        if (Double.isInfinite(s)) {
            return "\u221e";
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long whole = Math.round(s);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        long minutes = Math.round(s / 60);
        return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return MISSING;
        }
        return v > 0 ? "\u221e" : "\u2212\u221e";
    }
}
