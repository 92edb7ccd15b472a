package org.echomask.label;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One annotated event: a time span, an optional frequency band and a label, as in a Raven
 * selection table row. Frequencies are NaN when the source format has none.
 *
 * @param begin start, seconds from the start of the recording
 * @param end end, seconds
 * @param lowFreqHz lower edge of the band, or NaN
 * @param highFreqHz upper edge of the band, or NaN
 * @param label the class name
 * @param channel 1-based channel, as Raven counts
 * @param extra other columns kept as read (name → value), for round trips
 */
public record Selection(double begin, double end, double lowFreqHz, double highFreqHz, String label, int channel,
        Map<String, String> extra) {

    public Selection {
        if (!(begin >= 0) || !(end >= begin) || end == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("selection times must satisfy 0 <= begin <= end: " + begin + " .. " + end);
        }
        // NaN means "no band"; a negative or infinite edge is a typo or a broken export, and every
        // later stage (mask boxes, band-limited features) would clip it silently.
        for (double hz : new double[] {lowFreqHz, highFreqHz}) {
            if (!Double.isNaN(hz) && !(hz >= 0 && hz < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("frequency must be 0 Hz or more and finite: " + hz);
            }
        }
        if (!Double.isNaN(lowFreqHz) && !Double.isNaN(highFreqHz) && highFreqHz < lowFreqHz) {
            throw new IllegalArgumentException("high frequency below low: " + lowFreqHz + " .. " + highFreqHz);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("selection label is empty");
        }
        if (channel < 1) {
            throw new IllegalArgumentException("channel is 1-based: " + channel);
        }
        // Insertion order is kept (unlike Map.copyOf) so written tables keep the columns' order.
        Map<String, String> copy = new LinkedHashMap<>();
        if (extra != null) {
            extra.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "extra column name"),
                    Objects.requireNonNull(v, () -> "extra column value for " + k)));
        }
        extra = Collections.unmodifiableMap(copy);
    }

    public Selection(double begin, double end, double lowFreqHz, double highFreqHz, String label) {
        this(begin, end, lowFreqHz, highFreqHz, label, 1, Map.of());
    }

    public double duration() {
        return end - begin;
    }

    /** The same event under another label. */
    public Selection withLabel(String newLabel) {
        return new Selection(begin, end, lowFreqHz, highFreqHz, newLabel, channel, extra);
    }

    /** The same event moved to another time span (e.g. from a combined table's timeline to its file). */
    public Selection withTimes(double newBegin, double newEnd) {
        return new Selection(newBegin, newEnd, lowFreqHz, highFreqHz, label, channel, extra);
    }

    /** The same event with one extra column set (added last if new). */
    public Selection withExtra(String column, String value) {
        Map<String, String> copy = new LinkedHashMap<>(extra);
        copy.put(column, value);
        return new Selection(begin, end, lowFreqHz, highFreqHz, label, channel, copy);
    }

    /** Seconds of overlap with [from, to). */
    public double overlap(double from, double to) {
        return Math.max(0, Math.min(end, to) - Math.max(begin, from));
    }
}
