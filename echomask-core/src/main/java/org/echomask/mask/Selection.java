package org.echomask.mask;

/**
 * Order statistics of float arrays in linear expected time (quickselect), in the order
 * {@link java.util.Arrays#sort(float[])} uses ({@link Float#compare}: −0.0 before 0.0), so a
 * value picked here is the value the sorted array holds at that index. Replaces full sorts where
 * only a percentile is wanted: the proposer takes two medians of 16,384 values per window.
 */
final class Selection {
    private Selection() {}

    /**
     * {@code numpy.percentile(a, p)} with linear interpolation, equal to interpolating between
     * the sorted array's entries. Reorders {@code a}.
     */
    static double percentile(float[] a, double p) {
        double pos = p / 100 * (a.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(a.length - 1, lo + 1);
        float low = select(a, lo);
        // After selecting lo, everything above index lo is >= a[lo]: the next order statistic is their least.
        float high = low;
        if (hi > lo) {
            high = a[hi];
            for (int i = hi + 1; i < a.length; i++) {
                if (Float.compare(a[i], high) < 0) {
                    high = a[i];
                }
            }
        }
        return low + (pos - lo) * (high - low);
    }

    /** The k-th smallest value (0-based); afterwards {@code a[k]} holds it, smaller ones before, larger after. */
    static float select(float[] a, int k) {
        if (k < 0 || k >= a.length) {
            throw new IllegalArgumentException("index " + k + " outside 0.." + (a.length - 1));
        }
        int left = 0;
        int right = a.length - 1;
        while (right > left) {
            // Median of three as the pivot keeps sorted and reversed input linear.
            int mid = (left + right) >>> 1;
            if (Float.compare(a[mid], a[left]) < 0) {
                swap(a, mid, left);
            }
            if (Float.compare(a[right], a[left]) < 0) {
                swap(a, right, left);
            }
            if (Float.compare(a[right], a[mid]) < 0) {
                swap(a, right, mid);
            }
            float pivot = a[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (Float.compare(a[i], pivot) < 0) {
                    i++;
                }
                while (Float.compare(pivot, a[j]) < 0) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
