package org.echomask.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Pure functions from window probabilities to detections. */
public final class Detections {
    private Detections() {}

    /**
     * Merges each label's positive windows (probability at or above the label's threshold) into
     * detections. Windows are taken in the given order (by index). A positive window extends the
     * current detection when it is the next window, or when {@code minGapS > 0} and it starts at
     * most {@code minGapS} after the detection's end; otherwise it starts a new detection. Begin and
     * end are the first window's start and the last window's end, cut at {@code durationS}; the
     * frequency band is the union of the windows' mask extents, or the label's band
     * ({@code bandLowHz[j]..bandHighHz[j]}, may be NaN) when no window has one; the score is the
     * highest probability among the merged windows.
     *
     * @return detections sorted by begin time, then label order
     */
    public static List<Detection> merge(List<WindowScore> windows, List<String> labels, double[] thresholds,
            double minGapS, double durationS, double[] bandLowHz, double[] bandHighHz) {
        int k = labels.size();
        if (thresholds.length != k || bandLowHz.length != k || bandHighHz.length != k) {
            throw new IllegalArgumentException(k + " labels but " + thresholds.length + " thresholds, " + bandLowHz.length
                    + "/" + bandHighHz.length + " band edges");
        }
        if (!(minGapS >= 0)) {
            throw new IllegalArgumentException("minimum gap must be >= 0 s: " + minGapS);
        }
        List<Detection> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            Run run = null;
            for (WindowScore w : windows) {
                if (w.probabilities().length != k) {
                    throw new IllegalArgumentException("window " + w.index() + " has " + w.probabilities().length
                            + " probabilities for " + k + " labels");
                }
                float p = w.probabilities()[j];
                if (!(p >= thresholds[j])) {
                    continue;
                }
                boolean joins = run != null && (w.index() == run.last + 1
                        || (minGapS > 0 && w.startS() - run.end <= minGapS));
                if (!joins) {
                    if (run != null) {
                        out.add(run.close(labels.get(j), durationS, bandLowHz[j], bandHighHz[j]));
                    }
                    run = new Run(w);
                } else {
                    run.add(w);
                }
                run.score = Math.max(run.score, p);
            }
            if (run != null) {
                out.add(run.close(labels.get(j), durationS, bandLowHz[j], bandHighHz[j]));
            }
        }
        out.sort(Comparator.comparingDouble(Detection::beginS).thenComparingInt(d -> labels.indexOf(d.label())));
        return out;
    }

    /** A detection being built. */
    private static final class Run {
        final long first;
        final double begin;
        long last;
        double end;
        double score;
        double low = Double.NaN;
        double high = Double.NaN;

        Run(WindowScore w) {
            first = w.index();
            last = w.index();
            begin = w.startS();
            end = w.endS();
            band(w);
        }

        void add(WindowScore w) {
            last = w.index();
            end = Math.max(end, w.endS());
            band(w);
        }

        void band(WindowScore w) {
            if (w.hasBand()) {
                low = Double.isNaN(low) ? w.lowHz() : Math.min(low, w.lowHz());
                high = Double.isNaN(high) ? w.highHz() : Math.max(high, w.highHz());
            }
        }

        Detection close(String label, double durationS, double fallbackLow, double fallbackHigh) {
            double e = Double.isFinite(durationS) ? Math.min(end, durationS) : end;
            boolean fromMask = !Double.isNaN(low);
            return new Detection(label, begin, Math.max(begin, e), fromMask ? low : fallbackLow,
                    fromMask ? high : fallbackHigh, score, first, last);
        }
    }
}
