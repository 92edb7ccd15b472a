package org.echomask.synth;

import java.util.random.RandomGenerator;
import org.echomask.EchomaskException;

/**
 * A closed interval {@code [min, max]} that a profile draws a parameter from, uniformly. A range
 * with {@code min == max} is a constant.
 */
public record Range(double min, double max) {
    public Range {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new EchomaskException("invalid range: [" + min + ", " + max + "]");
        }
    }

    public static Range of(double min, double max) {
        return new Range(min, max);
    }

    public static Range constant(double value) {
        return new Range(value, value);
    }

    /** A uniform draw from the range (the generator is advanced even for a constant, keeping streams aligned). */
    public double draw(RandomGenerator rng) {
        double u = rng.nextDouble();
        return min + (max - min) * u;
    }

    /** A uniform integer draw from {@code [round(min), round(max)]}. */
    public int drawInt(RandomGenerator rng) {
        long lo = Math.round(min);
        long hi = Math.round(max);
        return (int) (lo + (long) Math.floor(rng.nextDouble() * (hi - lo + 1)));
    }

    public boolean contains(double x) {
        return x >= min && x <= max;
    }
}
