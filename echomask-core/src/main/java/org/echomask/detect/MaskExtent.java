package org.echomask.detect;

/** The frequency band a binary mask covers, for a detection's Low/High Freq. */
public final class MaskExtent {
    /** Share of masked pixels ignored at each end of the band, so that a few specks do not widen it. */
    public static final double TAIL = 0.02;

    private MaskExtent() {}

    /**
     * {@code {lowHz, highHz}} of the masked pixels of {@code mask[frequency][time]} (row 0 lowest):
     * the rows holding the 2nd and 98th percentile of the masked pixels, widened to the edges of
     * those rows (half-way to the neighbouring row centres); {@code {NaN, NaN}} for an empty mask.
     *
     * @param rowHz centre frequency of each row, increasing
     */
    public static double[] band(boolean[][] mask, double[] rowHz) {
        if (mask.length != rowHz.length) {
            throw new IllegalArgumentException(mask.length + " mask rows but " + rowHz.length + " row frequencies");
        }
        long[] counts = new long[mask.length];
        long total = 0;
        for (int r = 0; r < mask.length; r++) {
            for (boolean b : mask[r]) {
                counts[r] += b ? 1 : 0;
            }
            total += counts[r];
        }
        if (total == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long skip = (long) Math.floor(TAIL * total);
        int lo = rowAt(counts, skip);
        int hi = rowAt(counts, total - 1 - skip);
        return new double[] {edge(rowHz, lo, -1), edge(rowHz, hi, +1)};
    }

    /** The row holding the {@code rank}-th masked pixel (0-based, counted from the lowest row). */
    private static int rowAt(long[] counts, long rank) {
        long seen = 0;
        for (int r = 0; r < counts.length; r++) {
            seen += counts[r];
            if (seen > rank) {
                return r;
            }
        }
        return counts.length - 1;
    }

    private static double edge(double[] hz, int row, int side) {
        if (hz.length == 1) {
            return hz[0];
        }
        int other = row + side;
        double half = other >= 0 && other < hz.length ? (hz[other] - hz[row]) / 2
                : (hz[row] - hz[row - side]) / 2; // outermost row: mirror the inner spacing
        return Math.max(0, hz[row] + half);
    }
}
