package org.echomask.detect;

import java.util.LinkedHashMap;
import java.util.Map;
import org.echomask.label.Selection;

/**
 * One detection: a run of consecutive positive windows of one label, merged.
 *
 * @param label the class
 * @param beginS start of the first window, seconds from the start of the recording
 * @param endS end of the last window (never past the end of the recording)
 * @param lowHz lower frequency edge: the mask extent of the windows, else the label's band
 * @param highHz upper frequency edge
 * @param score highest probability of the label among the merged windows
 * @param firstWindow index of the first window
 * @param lastWindow index of the last window
 */
public record Detection(String label, double beginS, double endS, double lowHz, double highHz, double score,
        long firstWindow, long lastWindow) implements java.io.Serializable {
    /** Raven column holding the score. */
    public static final String SCORE_COLUMN = "Score";
    /** Raven column holding the number of merged windows. */
    public static final String WINDOWS_COLUMN = "Windows";

    public Detection {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a detection needs a label");
        }
        if (!(beginS >= 0) || !(endS >= beginS)) {
            throw new IllegalArgumentException("detection times must satisfy 0 <= begin <= end: " + beginS + " .. " + endS);
        }
        if (lastWindow < firstWindow) {
            throw new IllegalArgumentException("last window " + lastWindow + " before first " + firstWindow);
        }
    }

    /** As a Raven selection, with the score and the window count as extra columns (in that order). */
    /**
     * The detection as a Raven selection on {@code ravenChannel} (1-based, as Raven numbers
     * channels: the channel that was analysed, so Raven draws it on that hydrophone of an array).
     */
    public Selection toSelection(int ravenChannel) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(SCORE_COLUMN, String.format(java.util.Locale.ROOT, "%.4f", score));
        extra.put(WINDOWS_COLUMN, Long.toString(lastWindow - firstWindow + 1));
        return new Selection(beginS, endS, lowHz, highHz, label, ravenChannel, extra);
    }
}
