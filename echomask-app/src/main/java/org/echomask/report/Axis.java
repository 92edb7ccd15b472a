package org.echomask.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A numeric axis: its domain and "nice" tick values (1, 2, 2.5 or 5 × 10^k apart), with labels
 * that all show the same number of decimals, the fewest that the step needs.
 */
record Axis(double lo, double hi, double[] ticks, int decimals) {

    /**
     * Ticks about {@code target} apart covering [lo, hi], the domain widened to the outer ticks so
     * that the data never touches the frame between two labels. {@code integers} keeps the step
     * whole (counts, epochs).
     */
    static Axis covering(double lo, double hi, int target, boolean integers) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("axis needs hi > lo, got [" + lo + ", " + hi + "]");
        }
        double step = step((hi - lo) / target, integers);
        double first = Math.floor(lo / step + 1e-9) * step;
        double last = Math.ceil(hi / step - 1e-9) * step;
        return new Axis(first, last, range(first, last, step), decimals(step));
    }

    /**
     * Ticks inside a fixed domain (a histogram's [lo, hi] must stay exactly its bins' range; an
     * epoch axis starts at 1, not at a rounder 0).
     */
    static Axis within(double lo, double hi, int target, boolean integers) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("axis needs hi > lo, got [" + lo + ", " + hi + "]");
        }
        double step = step((hi - lo) / target, integers);
        double first = Math.ceil(lo / step - 1e-9) * step;
        double last = Math.floor(hi / step + 1e-9) * step;
        return new Axis(lo, hi, range(first, last, step), decimals(step));
    }

    /** Position of {@code v} along the axis, 0 at lo and 1 at hi. */
    double fraction(double v) {
        return (v - lo) / (hi - lo);
    }

    String label(double tick) {
        return String.format(Locale.ROOT, "%." + decimals + "f", tick);
    }

    private static double step(double raw, boolean integers) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            // 2.5 × 10^0 is not a whole step; every larger 2.5 × 10^k is.
            boolean whole = !integers || Math.rint(m * mag) == m * mag;
            if (m * mag >= raw - 1e-12 && whole) {
                step = m * mag;
                break;
            }
        }
        return integers ? Math.max(1, step) : step;
    }

    private static double[] range(double first, double last, double step) {
        int n = (int) Math.round((last - first) / step) + 1;
        double[] ticks = new double[Math.max(n, 0)];
        int decimals = decimals(step);
        for (int i = 0; i < ticks.length; i++) {
            // Rounded to the step's decimals: 3 × 0.2 is 0.6, not 0.6000000000000001.
            double t = BigDecimal.valueOf(first + i * step).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
            ticks[i] = t == 0 ? 0.0 : t; // no "-0.0" labels
        }
        return ticks;
    }

    /** Fewest decimals that print every multiple of the step exactly (0.25 → 2, 0.5 → 1, 20 → 0). */
    private static int decimals(double step) {
        int d = 0;
        double scaled = step;
        while (d < 8 && Math.abs(scaled - Math.rint(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) {
            d++;
            scaled *= 10;
        }
        return d;
    }
}
