package org.echomask.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Segment-level helpers of the BirdCLEF-style front end: RMS, quartile filtering, cyclic padding, windowing. */
public final class Segments {
    private Segments() {}

    /** Root mean square of {@code x[from .. to)} (0 for an empty range), accumulated in double. */
    public static double rms(float[] x, int from, int to) {
        if (from < 0 || to > x.length || from > to) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside 0.." + x.length);
        }
        if (to == from) {
            return 0;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    /** RMS of each whole segment of {@code length} samples; a trailing partial segment is left out. */
    public static double[] rmsPerSegment(float[] x, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("segment length must be positive: " + length);
        }
        double[] r = new double[x.length / length];
        for (int i = 0; i < r.length; i++) {
            r[i] = rms(x, i * length, (i + 1) * length);
        }
        return r;
    }

    /**
     * {@code numpy.percentile(values, q)} with its default linear interpolation: the value at
     * fractional rank {@code q / 100 * (n - 1)} of the sorted values.
     */
    public static double percentile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (!(q >= 0 && q <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100]: " + q);
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double rank = q / 100.0 * (s.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (rank - lo) * (s[hi] - s[lo]);
    }

    /**
     * The BirdCLEF silence filter: indices of the segments whose RMS is strictly above the first
     * quartile ({@link #percentile} 25) of the file's segment RMS values. Strict, so a file of
     * identical segments keeps none rather than all; an empty input keeps none.
     */
    public static int[] aboveFirstQuartile(double[] segmentRms) {
        if (segmentRms.length == 0) {
            return new int[0];
        }
        double q1 = percentile(segmentRms, 25);
        return java.util.stream.IntStream.range(0, segmentRms.length).filter(i -> segmentRms[i] > q1).toArray();
    }

    /**
     * Repeats {@code clip} until it is {@code length} samples long (a longer clip is cut to
     * {@code length}). Short calls are padded with themselves rather than silence so the model does
     * not learn that silence marks short recordings.
     */
    public static float[] cyclicPad(float[] clip, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0: " + length);
        }
        if (clip.length == 0 && length > 0) {
            throw new IllegalArgumentException("cannot cyclically pad an empty clip");
        }
        float[] out = new float[length];
        for (int pos = 0; pos < length; pos += clip.length) {
            System.arraycopy(clip, 0, out, pos, Math.min(clip.length, length - pos));
        }
        return out;
    }

    /**
     * Windows of {@code window} frames every {@code hop} frames over {@code frames} frames. Whole
     * windows start at 0, hop, 2 hop, ...; when some frames after the last whole window (or all
     * of a signal shorter than one window) are covered by none, {@code last} decides whether one
     * more window starting at the next hop is dropped, padded to full length or kept short.
     */
    public static List<FrameRange> windows(long frames, int window, int hop, LastWindow last) {
        if (window <= 0 || hop <= 0 || frames < 0) {
            throw new IllegalArgumentException("window and hop must be positive, frames >= 0: " + window + ", " + hop
                    + ", " + frames);
        }
        List<FrameRange> out = new ArrayList<>();
        long start = 0;
        long coveredTo = 0;
        for (; start + window <= frames; start += hop) {
            out.add(new FrameRange(start, start + window));
            coveredTo = start + window;
        }
        if (coveredTo < frames && start < frames) {
            switch (last) {
                case DROP -> { }
                case PAD -> out.add(new FrameRange(start, start + window));
                case KEEP_SHORT -> out.add(new FrameRange(start, frames));
            }
        }
        return out;
    }
}
