package org.echomask.annotate;

import org.echomask.spectrogram.MelFilterBank;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * Time and frequency axes of an example's picture, for the page's rulers and cursor read-out.
 *
 * @param startS time at the left edge (the example's start in its recording)
 * @param endS time at the right edge
 * @param rowEdgesHz {@code height + 1} frequencies from the bottom edge of row 0 to the top edge
 *     of the last row, or null when the transform does not pin the frequency range down (native
 *     sample rate without {@code fmax_hz})
 * @param scale "linear" or "mel"
 */
public record Axes(double startS, double endS, double[] rowEdgesHz, String scale) {

    /**
     * Axes of a {@code height}-row picture made by {@code t}. Rows are spread evenly over
     * [fmin, fmax] on the transform's own scale (linear Hz, or mel); the area-average resize keeps
     * that spacing, so this is exact up to the half-bin of the crop.
     */
    public static Axes of(SpectrogramTransform t, double startS, double endS, int height) {
        double fmin = t.fminHz();
        double fmax = t.sampleRate() > 0 ? t.effectiveFmax(t.sampleRate()) : t.fmaxHz();
        boolean mel = t.melBands() > 0;
        String scale = mel ? "mel" : "linear";
        if (!(fmax > fmin)) {
            return new Axes(startS, endS, null, scale);
        }
        double[] edges = new double[height + 1];
        if (mel) {
            double m0 = MelFilterBank.hzToMel(fmin, t.melScale());
            double m1 = MelFilterBank.hzToMel(fmax, t.melScale());
            for (int i = 0; i <= height; i++) {
                edges[i] = MelFilterBank.melToHz(m0 + (m1 - m0) * i / height, t.melScale());
            }
        } else {
            for (int i = 0; i <= height; i++) {
                edges[i] = fmin + (fmax - fmin) * i / height;
            }
        }
        return new Axes(startS, endS, edges, scale);
    }
}
