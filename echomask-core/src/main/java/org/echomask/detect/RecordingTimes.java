package org.echomask.detect;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a recording started, read from its file name as PAM recorders write it. The time is taken
 * as written (recorders usually write UTC, some local time; the name does not say which), so
 * hour and day summaries are in the recorder's clock.
 */
public final class RecordingTimes {
    /**
     * Patterns tried in order; each must match digits not preceded or followed by another digit.
     * <ul>
     * <li>{@code YYYYMMDD_HHMMSS}, {@code YYYYMMDDTHHMMSS}, {@code YYYYMMDD-HHMMSS} (AudioMoth
     *     {@code 20220101_123000.WAV}, Song Meter {@code SITE_20220101_123000.wav}, ISO basic);</li>
     * <li>{@code YYYY-MM-DD_HH-MM-SS} and {@code YYYY-MM-DDTHH:MM:SS} (extended ISO);</li>
     * <li>{@code YYYYMMDDHHMMSS} (14 digits);</li>
     * <li>{@code YYMMDDHHMMSS} (12 digits, SoundTrap {@code 5678.220101123000.wav}, years 2000–2099).</li>
     * </ul>
     */
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})[_T-](\\d{2})(\\d{2})(\\d{2})(?!\\d)"),
            Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})[_T ](\\d{2})[-:](\\d{2})[-:](\\d{2})(?!\\d)"),
            Pattern.compile("(?<!\\d)(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(?!\\d)"),
            Pattern.compile("(?<!\\d)(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(?!\\d)"));

    private RecordingTimes() {}

    /** The start time in a file name, if one of the patterns gives a valid date and time. */
    public static Optional<LocalDateTime> parse(String fileName) {
        for (int p = 0; p < PATTERNS.size(); p++) {
            Matcher m = PATTERNS.get(p).matcher(fileName);
            while (m.find()) {
                int year = Integer.parseInt(m.group(1)) + (p == 3 ? 2000 : 0);
                Optional<LocalDateTime> t = valid(year, m);
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDateTime> valid(int year, Matcher m) {
        if (year < 1970 || year > 2199) {
            return Optional.empty(); // a serial number or sample count, not a year
        }
        try {
            return Optional.of(LocalDateTime.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
