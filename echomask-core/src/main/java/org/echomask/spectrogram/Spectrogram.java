package org.echomask.spectrogram;

/**
 * A rendered spectrogram that describes itself: values {@code [frequency][time]} (row 0 = lowest
 * frequency) with the centre frequency of every row, the centre time of every column, and the
 * rate, window and hop it was computed with.
 *
 * @param values {@code [frequencyBins][frames]}
 * @param frequenciesHz centre frequency of each row (after crop/mel/resize)
 * @param timesSeconds centre time of each column, relative to the start of the analysed audio
 * @param sampleRate rate of the audio that was transformed
 * @param window window function name
 * @param nFft FFT length
 * @param hop hop between frames, in samples
 * @param transformName name of the transform that produced it
 */
public record Spectrogram(float[][] values, double[] frequenciesHz, double[] timesSeconds, int sampleRate,
        String window, int nFft, int hop, String transformName) {

    public Spectrogram {
        if (values.length != frequenciesHz.length) {
            throw new IllegalArgumentException(values.length + " rows but " + frequenciesHz.length + " frequencies");
        }
        for (float[] row : values) {
            if (row.length != timesSeconds.length) {
                throw new IllegalArgumentException("row of " + row.length + " values but " + timesSeconds.length + " times");
            }
        }
    }

    public int frequencyBins() {
        return values.length;
    }

    public int frames() {
        return timesSeconds.length;
    }
}
