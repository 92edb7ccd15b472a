package org.echomask.synth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.echomask.spectrogram.SpectrogramRenderer;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * Exact ground-truth masks of a synthetic clip on a transform's grid.
 *
 * <p><b>Rule.</b> With {@code S} the power of the clean biological signal and {@code N} the power
 * of the noise stem, both from {@link SpectrogramRenderer#energy} (the transform's final
 * {@code [frequency][time]} grid, after crop and resize, before intensity scaling), a pixel is
 * signal when
 * <ol>
 *   <li>{@code S ≥ N · 10^(localSnrDb/10)} — the animal dominates the noise there (default 0 dB), and
 *   <li>{@code S ≥ max(S) · 10^(floorDb/10)} — it is not a negligible tail of the strongest source
 *       pixel (default −50 dB), which keeps leakage of loud sources into silent regions out.
 * </ol>
 * The union mask uses {@code S} = power of the sum of all labels' clean signals; the per-label
 * masks use each label's own clean signal against the same noise (and the floor of the strongest
 * pixel over all labels), so per-label masks may overlap and a pixel can be in the union mask
 * without being in any per-label mask (two weak sources that only dominate together).
 */
public final class GroundTruthMask {
    public static final double DEFAULT_LOCAL_SNR_DB = 0;
    public static final double DEFAULT_FLOOR_DB = -50;

    private GroundTruthMask() {}

    /** The union mask over the whole clip, default thresholds. */
    public static boolean[][] render(SyntheticClip clip, SpectrogramTransform t) {
        return render(clip, t, 0, clip.mix().length);
    }

    /** The union mask over samples {@code [start, end)} of the clip, on the grid of {@code t.apply(mix[start, end))}. */
    public static boolean[][] render(SyntheticClip clip, SpectrogramTransform t, int start, int end) {
        return render(clip, t, start, end, DEFAULT_LOCAL_SNR_DB, DEFAULT_FLOOR_DB);
    }

    public static boolean[][] render(SyntheticClip clip, SpectrogramTransform t, int start, int end, double localSnrDb,
            double floorDb) {
        checkRange(clip, start, end);
        float[][] noise = energy(t, clip.noise(), start, end, clip.sampleRate());
        float[][] signal = energy(t, clip.biological(), start, end, clip.sampleRate());
        return threshold(signal, noise, max(signal), localSnrDb, floorDb);
    }

    /** One mask per present label over the whole clip, default thresholds. */
    public static Map<String, boolean[][]> perLabel(SyntheticClip clip, SpectrogramTransform t) {
        return perLabel(clip, t, 0, clip.mix().length, DEFAULT_LOCAL_SNR_DB, DEFAULT_FLOOR_DB);
    }

    /** One mask per present label over samples {@code [start, end)}. */
    public static Map<String, boolean[][]> perLabel(SyntheticClip clip, SpectrogramTransform t, int start, int end,
            double localSnrDb, double floorDb) {
        checkRange(clip, start, end);
        float[][] noise = energy(t, clip.noise(), start, end, clip.sampleRate());
        Map<String, float[][]> energies = new LinkedHashMap<>();
        double strongest = 0;
        for (Map.Entry<String, float[]> e : clip.clean().entrySet()) {
            float[][] s = energy(t, e.getValue(), start, end, clip.sampleRate());
            energies.put(e.getKey(), s);
            strongest = Math.max(strongest, max(s));
        }
        Map<String, boolean[][]> masks = new LinkedHashMap<>();
        for (Map.Entry<String, float[][]> e : energies.entrySet()) {
            masks.put(e.getKey(), threshold(e.getValue(), noise, strongest, localSnrDb, floorDb));
        }
        return masks;
    }

    /** The rule itself, on energy grids of one shape. */
    public static boolean[][] threshold(float[][] signal, float[][] noise, double strongest, double localSnrDb,
            double floorDb) {
        double ratio = Math.pow(10, localSnrDb / 10);
        double floor = strongest * Math.pow(10, floorDb / 10);
        boolean[][] mask = new boolean[signal.length][];
        for (int r = 0; r < signal.length; r++) {
            mask[r] = new boolean[signal[r].length];
            for (int c = 0; c < signal[r].length; c++) {
                double s = signal[r][c];
                mask[r][c] = s > 0 && s >= floor && s >= ratio * noise[r][c];
            }
        }
        return mask;
    }

    private static float[][] energy(SpectrogramTransform t, float[] samples, int start, int end, int rate) {
        float[] part = start == 0 && end == samples.length ? samples : Arrays.copyOfRange(samples, start, end);
        return SpectrogramRenderer.energy(t, part, rate).values();
    }

    private static double max(float[][] grid) {
        double m = 0;
        for (float[] row : grid) {
            for (float v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    private static void checkRange(SyntheticClip clip, int start, int end) {
        if (start < 0 || end > clip.mix().length || end <= start) {
            throw new IllegalArgumentException("sample range [" + start + ", " + end + ") outside clip " + clip.id() + " of "
                    + clip.mix().length + " samples");
        }
    }
}
