package org.echomask.mask;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the {@link MaskProposer}, immutable and validated; saved as snake_case JSON with
 * {@link org.echomask.io.Json}. Levels are in units of the robust noise deviation of the
 * normalised spectrogram (see {@link MaskProposer}), so one config fits dB and linear inputs.
 *
 * @param preset name of the preset this config came from (informational)
 * @param noisePercentile per-frequency noise floor: this percentile of each row is subtracted
 *     (50 = median)
 * @param smoothing smoothing of the normalised image
 * @param smoothFrequency gaussian sigma, or box half-width, along frequency, in pixels
 * @param smoothTime gaussian sigma, or box half-width, along time, in pixels
 * @param edges edge detector
 * @param edgeLevel Sobel magnitude an edge pixel needs; Canny's high threshold
 * @param cannyLowRatio Canny's low threshold as a fraction of {@code edgeLevel}
 * @param thresholdMethod adaptive threshold
 * @param windowFrequency odd window height (rows) of the local mean / Sauvola threshold
 * @param windowTime odd window width (columns) of the local mean / Sauvola threshold
 * @param localOffset a pixel must exceed its local mean by this much ({@code local_mean})
 * @param sauvolaK Sauvola's k ({@code sauvola}, on the image rescaled to [0, 1], r = 0.5)
 * @param otsuBandRows rows per band of the per-band Otsu threshold ({@code otsu})
 * @param combine how the edge and threshold maps combine
 * @param openFrequency opening element height (odd; 1 with {@code openTime} 1 = no opening)
 * @param openTime opening element width (odd)
 * @param closeFrequency closing element height (odd)
 * @param closeTime closing element width (odd)
 * @param fillHoles fill enclosed background holes
 * @param minArea drop 8-connected components smaller than this many pixels
 * @param threshold the single knob of the annotation page: a proposed pixel must be more than
 *     this many noise deviations above its row's floor (after smoothing). Higher = fewer pixels;
 *     the proposal only shrinks as it rises, because every later step is monotone.
 */
public record ProposerConfig(String preset, double noisePercentile, Smoothing smoothing, double smoothFrequency,
        double smoothTime, EdgeMethod edges, double edgeLevel, double cannyLowRatio, ThresholdMethod thresholdMethod,
        int windowFrequency, int windowTime, double localOffset, double sauvolaK, int otsuBandRows, Combine combine,
        int openFrequency, int openTime, int closeFrequency, int closeTime, boolean fillHoles, int minArea,
        double threshold) {

    /** Names accepted by {@link #preset(String)}. */
    public static final List<String> PRESETS = List.of("default", "whistle", "click", "soundscape");

    public enum Smoothing { NONE, BOX, GAUSSIAN;
        @JsonValue public String json() { return name().toLowerCase(Locale.ROOT); }
        @JsonCreator public static Smoothing of(String s) { return parse(Smoothing.class, s); } }

    public enum EdgeMethod { NONE, SOBEL, CANNY;
        @JsonValue public String json() { return name().toLowerCase(Locale.ROOT); }
        @JsonCreator public static EdgeMethod of(String s) { return parse(EdgeMethod.class, s); } }

    public enum ThresholdMethod { NONE, LOCAL_MEAN, SAUVOLA, OTSU;
        @JsonValue public String json() { return name().toLowerCase(Locale.ROOT); }
        @JsonCreator public static ThresholdMethod of(String s) { return parse(ThresholdMethod.class, s); } }

    /** UNION/INTERSECTION of both maps, or one map alone. */
    public enum Combine { UNION, INTERSECTION, EDGES_ONLY, THRESHOLD_ONLY;
        @JsonValue public String json() { return name().toLowerCase(Locale.ROOT); }
        @JsonCreator public static Combine of(String s) { return parse(Combine.class, s); } }

    public ProposerConfig {
        require(preset != null && !preset.isBlank(), "preset name must not be blank");
        require(noisePercentile >= 0 && noisePercentile <= 100, "noise_percentile must be in [0, 100], got " + noisePercentile);
        require(smoothing != null && edges != null && thresholdMethod != null && combine != null,
                "smoothing, edges, threshold_method and combine must be given");
        require(smoothFrequency >= 0 && smoothTime >= 0 && Double.isFinite(smoothFrequency) && Double.isFinite(smoothTime),
                "smooth_frequency and smooth_time must be finite and >= 0, got " + smoothFrequency + ", " + smoothTime);
        require(edgeLevel > 0 && Double.isFinite(edgeLevel), "edge_level must be finite and > 0, got " + edgeLevel);
        require(cannyLowRatio > 0 && cannyLowRatio <= 1, "canny_low_ratio must be in (0, 1], got " + cannyLowRatio);
        requireOdd(windowFrequency, "window_frequency");
        requireOdd(windowTime, "window_time");
        require(Double.isFinite(localOffset), "local_offset must be finite");
        require(sauvolaK >= 0 && sauvolaK <= 1, "sauvola_k must be in [0, 1], got " + sauvolaK);
        require(otsuBandRows >= 1, "otsu_band_rows must be >= 1, got " + otsuBandRows);
        requireOdd(openFrequency, "open_frequency");
        requireOdd(openTime, "open_time");
        requireOdd(closeFrequency, "close_frequency");
        requireOdd(closeTime, "close_time");
        require(minArea >= 0, "min_area must be >= 0, got " + minArea);
        require(threshold >= 0 && Double.isFinite(threshold), "threshold must be finite and >= 0, got " + threshold);
        require(!(combine == Combine.EDGES_ONLY && edges == EdgeMethod.NONE), "combine edges_only needs an edge method");
        require(!(combine == Combine.THRESHOLD_ONLY && thresholdMethod == ThresholdMethod.NONE),
                "combine threshold_only needs a threshold method");
        require(!(combine == Combine.INTERSECTION && (edges == EdgeMethod.NONE || thresholdMethod == ThresholdMethod.NONE)),
                "combine intersection needs both an edge and a threshold method");
    }

    /**
     * A built-in preset: {@code default} (balanced), {@code whistle} (thin tonal ridges: smooths and
     * opens along time, so only horizontally extended structures survive), {@code click} (short
     * broadband pulses: smooths and opens along frequency, keeping vertical structures) or
     * {@code soundscape} (thin ridges and single-frame clicks of hydrophone soundscapes: no
     * smoothing or closing, so proposals stay as thin as the calls).
     */
    public static ProposerConfig preset(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            // Tuned on the seeded synthetic scenes of MaskProposerTest (see its numbers): light
            // isotropic smoothing, a wide local-mean window, closing to join ridge fragments.
            case "default" -> new ProposerConfig("default", 50, Smoothing.GAUSSIAN, 0.7, 0.7, EdgeMethod.SOBEL, 3.0, 0.5,
                    ThresholdMethod.LOCAL_MEAN, 31, 31, 1.0, 0.2, 16, Combine.UNION, 1, 1, 3, 3, true, 15, 2.5);
            // Opening with a 1x3 (time) element removes structures under 3 frames long, such as
            // clicks, but keeps FM ridges up to about 1 bin/frame steep; large components only.
            case "whistle" -> new ProposerConfig("whistle", 50, Smoothing.GAUSSIAN, 0.5, 1.0, EdgeMethod.NONE, 3.0, 0.5,
                    ThresholdMethod.LOCAL_MEAN, 31, 31, 1.0, 0.2, 16, Combine.THRESHOLD_ONLY, 1, 3, 3, 3, true, 30, 3.0);
            // The transpose: smoothing and a 7x1 opening along frequency keep broadband pulses.
            case "click" -> new ProposerConfig("click", 50, Smoothing.GAUSSIAN, 2.0, 0.5, EdgeMethod.NONE, 3.0, 0.5,
                    ThresholdMethod.LOCAL_MEAN, 9, 31, 1.0, 0.2, 16, Combine.THRESHOLD_ONLY, 7, 1, 5, 3, true, 20, 2.5);
            // Tuned on synthetic SSLMP-like soundscapes (docs/results.md, corpus seed 11, checked on
            // seed 12): their true masks are 1-pixel ridges and 1-frame clicks, which any smoothing,
            // closing or hole filling fattens (IoU 0.35 for default there), so none of it here;
            // the area floor and a higher threshold keep pure noise out instead.
            case "soundscape" -> new ProposerConfig("soundscape", 50, Smoothing.NONE, 0.0, 0.0, EdgeMethod.SOBEL, 3.0, 0.5,
                    ThresholdMethod.LOCAL_MEAN, 31, 31, 1.0, 0.2, 16, Combine.UNION, 1, 1, 1, 1, false, 15, 3.5);
            default -> throw new IllegalArgumentException("unknown proposer preset \"" + name + "\"; known: " + PRESETS);
        };
    }

    /** The same config with another value of the annotation page's threshold knob. */
    public ProposerConfig withThreshold(double newThreshold) {
        return new ProposerConfig(preset, noisePercentile, smoothing, smoothFrequency, smoothTime, edges, edgeLevel,
                cannyLowRatio, thresholdMethod, windowFrequency, windowTime, localOffset, sauvolaK, otsuBandRows, combine,
                openFrequency, openTime, closeFrequency, closeTime, fillHoles, minArea, newThreshold);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " \"" + s + "\"");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("proposer config: " + message);
        }
    }

    private static void requireOdd(int v, String name) {
        require(v >= 1 && v % 2 == 1, name + " must be odd and >= 1, got " + v);
    }
}
