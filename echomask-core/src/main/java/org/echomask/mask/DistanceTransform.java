package org.echomask.mask;

import java.util.Arrays;

/**
 * Exact Euclidean distance transform in linear time (Felzenszwalb &amp; Huttenlocher 2012, "Distance
 * transforms of sampled functions"): for every pixel, the distance to the nearest pixel where the
 * mask is {@code true} ({@code 0} on such pixels). It matches
 * {@code scipy.ndimage.distance_transform_edt(~mask, sampling=...)}.
 *
 * <p>Masks are indexed {@code [frequency][time]}. The transform is separable: a 1-D pass along
 * time (on a binary row this is a simple two-sweep nearest-pixel search), then the lower envelope
 * of parabolas along frequency. An <b>empty mask</b> (no {@code true} pixel) has no nearest pixel:
 * every distance is {@code +Infinity}, so a Gaussian soft mask built from it is all 0.
 */
public final class DistanceTransform {
    private DistanceTransform() {}

    /** Distances with unit pixel spacing on both axes. */
    public static double[][] distance(boolean[][] mask) {
        return distance(mask, 1, 1);
    }

    /**
     * Distances with pixel spacing {@code frequencySpacing} between rows and {@code timeSpacing}
     * between columns (scipy's {@code sampling=(frequencySpacing, timeSpacing)}).
     */
    public static double[][] distance(boolean[][] mask, double frequencySpacing, double timeSpacing) {
        double[][] d = squared(mask, frequencySpacing, timeSpacing);
        for (double[] row : d) {
            for (int t = 0; t < row.length; t++) {
                row[t] = Math.sqrt(row[t]);
            }
        }
        return d;
    }

    /** Squared distances with unit spacing; what a Gaussian of the distance needs, without roots. */
    public static double[][] squared(boolean[][] mask) {
        return squared(mask, 1, 1);
    }

    /** Squared distances with the given spacings (see {@link #distance(boolean[][], double, double)}). */
    public static double[][] squared(boolean[][] mask, double frequencySpacing, double timeSpacing) {
        if (!(frequencySpacing > 0) || !(timeSpacing > 0) || Double.isInfinite(frequencySpacing)
                || Double.isInfinite(timeSpacing)) {
            throw new IllegalArgumentException("pixel spacings must be finite and > 0, got "
                    + frequencySpacing + ", " + timeSpacing);
        }
        int rows = mask.length;
        int cols = Masks.columns(mask);
        // Pass 1, along time, stored transposed [time][frequency] so pass 2 reads contiguous memory.
        double[][] byTime = new double[cols][rows];
        double ts2 = timeSpacing * timeSpacing;
        for (int f = 0; f < rows; f++) {
            boolean[] row = mask[f];
            int last = -1;
            for (int t = 0; t < cols; t++) {
                if (row[t]) {
                    last = t;
                }
                byTime[t][f] = last < 0 ? Double.POSITIVE_INFINITY : (double) (t - last) * (t - last) * ts2;
            }
            last = -1;
            for (int t = cols - 1; t >= 0; t--) {
                if (row[t]) {
                    last = t;
                }
                if (last >= 0) {
                    double d = (double) (last - t) * (last - t) * ts2;
                    if (d < byTime[t][f]) {
                        byTime[t][f] = d;
                    }
                }
            }
        }
        // Pass 2, along frequency: lower envelope of parabolas rooted at each finite sample.
        double[][] out = new double[rows][cols];
        double[] envelope = new double[rows];
        int[] sites = new int[rows];
        double[] bounds = new double[rows + 1];
        for (int t = 0; t < cols; t++) {
            lowerEnvelope(byTime[t], frequencySpacing, sites, bounds, envelope);
            for (int f = 0; f < rows; f++) {
                out[f][t] = envelope[f];
            }
        }
        return out;
    }

    /**
     * 1-D squared distance transform of sampled function {@code g} at positions {@code i * spacing}:
     * {@code out[i] = min_j ((i - j)^2 spacing^2 + g[j])}. Infinite samples root no parabola, which
     * keeps the intersection arithmetic finite; with no finite sample the output is all infinite.
     */
    static void lowerEnvelope(double[] g, double spacing, int[] sites, double[] bounds, double[] out) {
        int n = g.length;
        double s2 = spacing * spacing;
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (g[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            double fq = g[q] + s2 * q * q;
            double z = Double.NEGATIVE_INFINITY;
            while (k >= 0) {
                int v = sites[k];
                // Position (in index units) where the parabolas rooted at v and q cross.
                z = (fq - (g[v] + s2 * v * v)) / (2 * s2 * (q - v));
                if (z > bounds[k]) {
                    break;
                }
                k--;
            }
            k++;
            sites[k] = q;
            bounds[k] = k == 0 ? Double.NEGATIVE_INFINITY : z;
            bounds[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            Arrays.fill(out, Double.POSITIVE_INFINITY);
            return;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            while (bounds[j + 1] < q) {
                j++;
            }
            int v = sites[j];
            out[q] = s2 * (q - v) * (q - v) + g[v];
        }
    }
}
