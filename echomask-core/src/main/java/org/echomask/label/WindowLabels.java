package org.echomask.label;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which annotated labels an analysis window [from, to) carries. An event counts when it reaches
 * into the window by at least the smallest of three amounts: {@code minOverlapSeconds},
 * {@code minEventFraction} of the event's duration, {@code minWindowFraction} of the window.
 *
 * <p>Why the smallest: events span four orders of magnitude. A 100 µs porpoise click can never
 * overlap 0.5 s, so the event fraction decides (at least half of the click inside); a 3 s whistle
 * that crosses a window boundary rarely has half of itself inside, so the absolute seconds decide
 * (half a second of whistle is recognisable); and for windows shorter than that, half the window
 * filled by the event is enough. {@link #DEFAULT} is 0.5 s, 0.5, 0.5. A point event (begin == end)
 * counts when begin lies in [from, to). {@code Double.POSITIVE_INFINITY} switches a criterion off.
 */
public record WindowLabels(double minOverlapSeconds, double minEventFraction, double minWindowFraction) {
    public static final WindowLabels DEFAULT = new WindowLabels(0.5, 0.5, 0.5);

    public WindowLabels {
        check("minOverlapSeconds", minOverlapSeconds);
        check("minEventFraction", minEventFraction);
        check("minWindowFraction", minWindowFraction);
        if (Double.isInfinite(minOverlapSeconds) && Double.isInfinite(minEventFraction)
                && Double.isInfinite(minWindowFraction)) {
            throw new IllegalArgumentException("every overlap criterion is switched off; no event would count");
        }
    }

    /** Whether {@code s} counts as present in [from, to). */
    public boolean present(Selection s, double from, double to) {
        if (!(to > from)) {
            throw new IllegalArgumentException("window must satisfy from < to: " + from + " .. " + to);
        }
        if (s.duration() == 0) {
            return s.begin() >= from && s.begin() < to;
        }
        double overlap = s.overlap(from, to);
        if (overlap <= 0) {
            return false;
        }
        double need = Math.min(minOverlapSeconds,
                Math.min(minEventFraction * s.duration(), minWindowFraction * (to - from)));
        // Times from text files carry rounding; a click exactly half inside must not flip on 1e-12 s.
        return overlap >= need - 1e-9;
    }

    /** The labels present in [from, to), sorted. */
    public Set<String> labels(List<Selection> selections, double from, double to) {
        Set<String> out = new TreeSet<>();
        for (Selection s : selections) {
            if (present(s, from, to)) {
                out.add(s.label());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The multi-hot target of [from, to); labels outside {@code labelSet} are an error. */
    public float[] encode(LabelSet labelSet, List<Selection> selections, double from, double to) {
        return labelSet.encode(labels(selections, from, to));
    }

    private static void check(String name, double v) {
        if (!(v >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0 (or +Infinity to switch it off): " + v);
        }
    }
}
