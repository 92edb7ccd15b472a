package org.echomask.detect;

/**
 * What the models said about one analysis window of a recording.
 *
 * @param index 0-based window number in the recording
 * @param startS window start, seconds from the start of the recording
 * @param endS window end (the end of the audio for a short last window)
 * @param probabilities one probability per label, in the label set's order
 * @param lowHz lower edge of the window's mask extent, or NaN when no mask says (image-only models, empty mask)
 * @param highHz upper edge of the mask extent, or NaN
 */
public record WindowScore(long index, double startS, double endS, float[] probabilities, double lowHz, double highHz)
        implements java.io.Serializable {
    public WindowScore {
        if (!(startS >= 0) || !(endS >= startS)) {
            throw new IllegalArgumentException("window times must satisfy 0 <= start <= end: " + startS + " .. " + endS);
        }
        if (probabilities == null || probabilities.length == 0) {
            throw new IllegalArgumentException("a window score needs at least one probability");
        }
        if (Double.isNaN(lowHz) != Double.isNaN(highHz) || lowHz > highHz) {
            throw new IllegalArgumentException("mask extent must be both NaN or low <= high: " + lowHz + " .. " + highHz);
        }
    }

    /** The same window with other probabilities (post-processing keeps times and extent). */
    public WindowScore withProbabilities(float[] p) {
        return new WindowScore(index, startS, endS, p, lowHz, highHz);
    }

    public boolean hasBand() {
        return !Double.isNaN(lowHz);
    }
}
