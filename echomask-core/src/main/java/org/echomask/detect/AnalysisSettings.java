package org.echomask.detect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.io.Json;

/**
 * Everything that decides an analysis' outputs for a recording; two runs with equal settings give
 * the same files, so a recording analysed under the same {@link #hash()} is skipped on resume.
 * Threads and batch size are left out: they change speed, not results.
 *
 * @param models model packages, absolute paths
 * @param modelFingerprints SHA-256 of each package's files, so a retrained model at the same path is noticed
 * @param weights ensemble weight of each model
 * @param labels the models' labels
 * @param windowS analysis window, seconds
 * @param hopS hop between windows, seconds
 * @param sampleRate rate the windows are resampled to (the models' transform rate)
 * @param channel 0-based channel, or -1 for the mean of all channels
 * @param thresholds decision threshold per label
 * @param postProcess file-level post-processing
 * @param minGapS detections of one label at most this far apart are merged (0: only consecutive windows)
 * @param labelBands frequency bands of labels, for detections without a mask extent (may be empty;
 *     left out of the JSON when empty, so settings from before bands existed keep their hash)
 */
public record AnalysisSettings(List<String> models, List<String> modelFingerprints, List<Double> weights,
        List<String> labels, double windowS, double hopS, int sampleRate, int channel, List<Double> thresholds,
        PostProcess postProcess, double minGapS,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LabelBand> labelBands) implements java.io.Serializable {

    /** Settings without label bands. */
    public AnalysisSettings(List<String> models, List<String> modelFingerprints, List<Double> weights,
            List<String> labels, double windowS, double hopS, int sampleRate, int channel, List<Double> thresholds,
            PostProcess postProcess, double minGapS) {
        this(models, modelFingerprints, weights, labels, windowS, hopS, sampleRate, channel, thresholds, postProcess, minGapS,
                List.of());
    }

    public AnalysisSettings {
        labelBands = labelBands == null ? List.of() : List.copyOf(labelBands);
        models = List.copyOf(models);
        modelFingerprints = List.copyOf(modelFingerprints);
        weights = List.copyOf(weights);
        labels = List.copyOf(labels);
        thresholds = List.copyOf(thresholds);
        require(!models.isEmpty() && models.size() == modelFingerprints.size() && models.size() == weights.size(),
                "one fingerprint and one weight per model");
        require(!labels.isEmpty() && labels.size() == thresholds.size(), "one threshold per label");
        require(windowS > 0 && Double.isFinite(windowS), "window must be > 0 s, got " + windowS);
        require(hopS > 0 && Double.isFinite(hopS), "hop must be > 0 s, got " + hopS);
        require(sampleRate > 0, "sample rate must be > 0, got " + sampleRate);
        require(Math.round(windowS * sampleRate) >= 16, "window of " + windowS + " s is under 16 samples at " + sampleRate + " Hz");
        require(channel >= -1, "channel must be -1 (mean) or a 0-based index, got " + channel);
        require(postProcess != null, "post-processing is required");
        require(minGapS >= 0 && Double.isFinite(minGapS), "minimum gap must be >= 0 s, got " + minGapS);
        for (double t : thresholds) {
            require(t > 0 && t <= 1, "thresholds must be in (0, 1], got " + t);
        }
        LabelBand.check(labelBands, labels);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EchomaskException("analysis settings: " + message);
        }
    }

    /**
     * The most windows one recording may be cut into: their scores are kept for the windows table
     * and post-processing, and each costs a spectrogram and a forward pass. A day at a 0.1 s hop is
     * 864,000; a hop of one sample (issue 13: {@code --hop-s 1e-9}) would be billions.
     */
    public static final long MAX_WINDOWS_PER_RECORDING = 2_000_000;

    /** Windows a recording of {@code durationS} seconds is cut into (the last one may be short). */
    public long windowCount(double durationS) {
        long frames = Math.round(durationS * sampleRate);
        long window = windowSamples();
        long hop = hopSamples();
        return frames <= window ? 1 : 1 + (frames - window + hop - 1) / hop;
    }

    /**
     * Refuses a recording that would get more than {@link #MAX_WINDOWS_PER_RECORDING} windows
     * (reported for that recording; the run goes on). A NaN duration (unknown) passes.
     */
    public void checkWindowCount(String recording, double durationS) {
        if (!Double.isFinite(durationS)) {
            return;
        }
        long n = windowCount(durationS);
        if (n > MAX_WINDOWS_PER_RECORDING) {
            throw new EchomaskException(recording + ": " + n + " windows of " + windowS + " s every " + hopS + " s over "
                    + durationS + " s, more than " + MAX_WINDOWS_PER_RECORDING + " per recording; use a larger --hop-s"
                    + " (or split the recording)");
        }
    }

    public int windowSamples() {
        return (int) Math.round(windowS * sampleRate);
    }

    public int hopSamples() {
        return (int) Math.max(1, Math.round(hopS * sampleRate));
    }

    public double[] thresholdArray() {
        return thresholds.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Each label's band edges for detections without a mask extent: its {@link LabelBand}, else
     * {@code fallback} (the transform's band).
     *
     * @return {@code {low[], high[]}}, one entry per label
     */
    public double[][] bandEdges(double[] fallback) {
        double[] low = new double[labels.size()];
        double[] high = new double[labels.size()];
        for (int j = 0; j < low.length; j++) {
            low[j] = fallback[0];
            high[j] = fallback[1];
        }
        for (LabelBand b : labelBands) {
            int j = labels.indexOf(b.label());
            low[j] = b.lowHz();
            high[j] = b.highHz();
        }
        return new double[][] {low, high};
    }

    /** First 16 hex digits of the SHA-256 of the settings' JSON. */
    public String hash() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(Json.write(this).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }

    /** Raven's 1-based channel of the detections: the analysed channel, or 1 for a mixdown. */
    public int ravenChannel() {
        return channel < 0 ? 1 : channel + 1;
    }
}
