package org.echomask.mask;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Proposes a binary mask of biologically relevant energy in a spectrogram (SPEC section 1 step 2),
 * for an annotator to refine:
 * <ol>
 *   <li>noise floor: subtract each frequency row's chosen percentile, divide by the robust noise
 *       deviation of the whole image (1.4826 x median absolute deviation), giving {@code z};
 *   <li>optional smoothing, then the deviation is measured again, so {@code z} stays in units of
 *       the (smoothed) noise and the knob means the same thing whatever the smoothing;
 *   <li>edge map (Sobel magnitude above {@code edge_level}, or Canny) and adaptive threshold map
 *       (local mean + offset, Sauvola, per-band Otsu), combined by union or intersection;
 *   <li>gate: only pixels with {@code z > threshold} stay (the annotation page's slider);
 *   <li>opening, closing, hole filling, then 8-connected components under {@code min_area} go.
 * </ol>
 * Because of the per-row floor and the scale division the result does not change when the input is
 * shifted or scaled (dB or normalised values both work).
 *
 * <p>As a {@link MaskMaker} it is a pure function of each spectrogram, safe on many threads.
 */
public final class MaskProposer implements MaskMaker {
    /** Robust deviations are estimated from at most this many evenly spaced pixels, for speed. */
    static final int SCALE_SAMPLE = 1 << 16;
    private static final double MAD_TO_SIGMA = 1.4826;

    private final ProposerConfig config;

    public MaskProposer(ProposerConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    public ProposerConfig config() {
        return config;
    }

    /** The proposal for spectrogram values {@code [frequency][time]}. */
    public boolean[][] propose(float[][] values) {
        return propose(values, config);
    }

    @Override
    public List<boolean[][]> make(List<float[][]> spectrograms) {
        return spectrograms.stream().map(this::propose).toList();
    }

    @Override
    public boolean[][] make(float[][] spectrogram) {
        return propose(spectrogram);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "mask proposer, preset %s, threshold %s", config.preset(), config.threshold());
    }

    @Override
    public boolean concurrent() {
        return true;
    }

    public static boolean[][] propose(float[][] values, ProposerConfig c) {
        float[][] z = normalise(values, c.noisePercentile());
        z = switch (c.smoothing()) {
            case NONE -> z;
            case GAUSSIAN -> Filters.gaussian(z, c.smoothFrequency(), c.smoothTime());
            case BOX -> Filters.boxMean(z, 2 * (int) Math.round(c.smoothFrequency()) + 1,
                    2 * (int) Math.round(c.smoothTime()) + 1);
        };
        if (c.smoothing() != ProposerConfig.Smoothing.NONE) {
            divide(z, robustDeviation(z));
        }
        boolean[][] edges = switch (c.edges()) {
            case NONE -> null;
            case SOBEL -> Masks.above(Edges.sobel(z), c.edgeLevel());
            case CANNY -> Edges.canny(z, c.edgeLevel() * c.cannyLowRatio(), c.edgeLevel());
        };
        boolean[][] levels = switch (c.thresholdMethod()) {
            case NONE -> null;
            case LOCAL_MEAN -> Thresholds.localMean(z, c.windowFrequency(), c.windowTime(), c.localOffset());
            case SAUVOLA -> Thresholds.sauvola(unitRange(z), c.windowFrequency(), c.windowTime(), c.sauvolaK(), 0.5);
            case OTSU -> Thresholds.otsuPerBand(z, c.otsuBandRows());
        };
        boolean[][] m;
        if (edges == null) {
            m = levels;
        } else if (levels == null) {
            m = edges;
        } else {
            m = switch (c.combine()) {
                case UNION -> Masks.or(edges, levels);
                case INTERSECTION -> Masks.and(edges, levels);
                case EDGES_ONLY -> edges;
                case THRESHOLD_ONLY -> levels;
            };
        }
        m = Masks.and(m, Masks.above(z, c.threshold()));
        if (c.openFrequency() > 1 || c.openTime() > 1) {
            m = Morphology.open(m, c.openFrequency(), c.openTime());
        }
        if (c.closeFrequency() > 1 || c.closeTime() > 1) {
            m = Morphology.close(m, c.closeFrequency(), c.closeTime());
        }
        if (c.fillHoles()) {
            m = Morphology.fillHoles(m);
        }
        return c.minArea() > 1 ? ConnectedComponents.removeSmall(m, c.minArea()) : m;
    }

    /**
     * Per-frequency noise-floor normalisation: each row minus its {@code percentile} (linear
     * interpolation, like numpy), all divided by the robust deviation of the result. A flat image
     * (no deviation) normalises to all zeros. Rejects non-finite values.
     */
    public static float[][] normalise(float[][] values, double percentile) {
        int h = values.length;
        int w = Masks.columns(values);
        if (h == 0 || w == 0) {
            throw new IllegalArgumentException("empty spectrogram");
        }
        float[][] z = new float[h][w];
        float[] sorted = new float[w];
        for (int f = 0; f < h; f++) {
            for (int t = 0; t < w; t++) {
                if (!Float.isFinite(values[f][t])) {
                    throw new IllegalArgumentException("spectrogram value " + values[f][t] + " at [" + f + "][" + t
                            + "] is not finite; render with an intensity floor");
                }
            }
            System.arraycopy(values[f], 0, sorted, 0, w);
            double floor = Selection.percentile(sorted, percentile);
            for (int t = 0; t < w; t++) {
                z[f][t] = (float) (values[f][t] - floor);
            }
        }
        divide(z, robustDeviation(z));
        return z;
    }

    /** 1.4826 x median absolute deviation from the median; falls back to the standard deviation. */
    static double robustDeviation(float[][] image) {
        int h = image.length;
        int w = image[0].length;
        long n = (long) h * w;
        int stride = (int) Math.max(1, (n + SCALE_SAMPLE - 1) / SCALE_SAMPLE);
        float[] sample = new float[(int) ((n + stride - 1) / stride)];
        double sum = 0;
        double sum2 = 0;
        int k = 0;
        for (long i = 0; i < n; i += stride) {
            float v = image[(int) (i / w)][(int) (i % w)];
            sample[k++] = v;
            sum += v;
            sum2 += (double) v * v;
        }
        double median = Selection.percentile(sample, 50);
        for (int i = 0; i < sample.length; i++) {
            sample[i] = (float) Math.abs(sample[i] - median);
        }
        double mad = MAD_TO_SIGMA * Selection.percentile(sample, 50);
        if (mad > 0) {
            return mad;
        }
        double mean = sum / sample.length;
        return Math.sqrt(Math.max(0, sum2 / sample.length - mean * mean));
    }

    static double percentile(float[] sorted, double p) {
        double pos = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void divide(float[][] z, double scale) {
        double inv = scale > 0 ? 1 / scale : 0;
        for (float[] row : z) {
            for (int t = 0; t < row.length; t++) {
                row[t] = (float) (row[t] * inv);
            }
        }
    }

    /** Min-max rescaling to [0, 1] (constant images map to 0), for Sauvola's formula. */
    static float[][] unitRange(float[][] z) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : z) {
            for (float v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double range = max - min;
        float[][] out = new float[z.length][];
        for (int f = 0; f < z.length; f++) {
            out[f] = new float[z[f].length];
            for (int t = 0; t < out[f].length; t++) {
                out[f][t] = range > 0 ? (float) ((z[f][t] - min) / range) : 0f;
            }
        }
        return out;
    }
}
