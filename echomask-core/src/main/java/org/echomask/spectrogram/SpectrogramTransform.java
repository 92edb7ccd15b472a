package org.echomask.spectrogram;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.io.Json;

/**
 * A named, immutable, JSON-serialisable recipe that turns a waveform into a spectrogram image.
 * The order of operations is fixed: (resample to {@code sampleRate}) → frame (optionally centred)
 * → window → FFT → power → frequency crop → mel filter bank → resize → intensity scaling or PCEN →
 * normalisation. Every field is validated here so a bad config fails when it is read, not
 * half-way through a dataset.
 *
 * <p>Details of each step (golden-tested against numpy/scipy and librosa's formulas):
 * <ul>
 * <li>frames: {@code 1 + (len + 2·pad − nFft) / hop}, pad = nFft/2 zeros at both ends when
 *     centred (librosa {@code pad_mode='constant'}); the periodic window; power is
 *     {@code |rfft(frame·window)|²}, unscaled (scipy's {@code stft(scaling='spectrum')} equals it
 *     divided by {@code sum(window)²});</li>
 * <li>crop keeps bins with centre frequency in [fmin, fmax];</li>
 * <li>mel: librosa {@code filters.mel(htk=..., norm='slaney')} between fmin and fmax, applied to
 *     power; rows are then the band centres;</li>
 * <li>resize: area average on both axes (mean-preserving, anti-aliased);</li>
 * <li>dB: {@code 10·log10(max(p, db_floor))}, then values below {@code max − top_db} raised to
 *     it (librosa {@code power_to_db(ref=1)}); PCEN replaces the scaling and smooths over the
 *     final grid's column rate;</li>
 * <li>normalisation last.</li>
 * </ul>
 *
 * <p>JSON (snake_case, enums lower case) holds every field; {@code name, sample_rate, window,
 * n_fft, hop, center, scale, db_floor, normalisation} are required, the rest default to
 * 0 / null (off); unknown keys are errors.
 *
 * @param name short identifier, kept with every dataset and model that uses the transform
 * @param sampleRate rate audio is resampled to before framing; 0 keeps each recording's own rate
 * @param window analysis window
 * @param nFft FFT length (= window length), samples
 * @param hop hop between frames, samples
 * @param center pad n_fft/2 zeros at both ends so frame t is centred on sample t·hop
 * @param scale magnitude, power or dB (ignored when {@code pcen} is set)
 * @param dbFloor smallest power before the log (amin)
 * @param topDb if not null, dB values below (max − topDb) are raised to it
 * @param fminHz lowest frequency kept
 * @param fmaxHz highest frequency kept; 0 means Nyquist
 * @param melBands number of mel bands; 0 keeps linear frequency bins
 * @param melScale mel formula, when {@code melBands > 0}
 * @param pcen per-channel energy normalisation instead of {@code scale}, or null
 * @param outputHeight rows after resizing (frequency); 0 keeps the native count
 * @param outputWidth columns after resizing (time); 0 keeps the native count
 * @param normalisation final normalisation of the values
 */
public record SpectrogramTransform(
        String name,
        int sampleRate,
        WindowType window,
        int nFft,
        int hop,
        boolean center,
        Scale scale,
        double dbFloor,
        Double topDb,
        double fminHz,
        double fmaxHz,
        int melBands,
        MelScale melScale,
        PcenConfig pcen,
        int outputHeight,
        int outputWidth,
        Normalisation normalisation) {

    public SpectrogramTransform {
        require(name != null && name.matches("[A-Za-z0-9_.-]+"), "name must be a plain identifier: " + name);
        require(sampleRate >= 0, "sample_rate must be >= 0 (0 = native): " + sampleRate);
        require(window != null, "window is required");
        require(nFft >= 8 && nFft <= (1 << 20), "n_fft must be in [8, 2^20]: " + nFft);
        require(hop >= 1, "hop must be >= 1: " + hop);
        require(scale != null, "scale is required");
        require(dbFloor > 0, "db_floor must be > 0: " + dbFloor);
        require(topDb == null || topDb > 0, "top_db must be > 0 when given: " + topDb);
        require(fminHz >= 0, "fmin_hz must be >= 0: " + fminHz);
        require(fmaxHz >= 0, "fmax_hz must be >= 0 (0 = Nyquist): " + fmaxHz);
        require(fmaxHz == 0 || fmaxHz > fminHz, "fmax_hz must be above fmin_hz: " + fminHz + " .. " + fmaxHz);
        require(sampleRate == 0 || fmaxHz <= sampleRate / 2.0, "fmax_hz " + fmaxHz + " is above Nyquist " + sampleRate / 2.0);
        require(melBands >= 0, "mel_bands must be >= 0: " + melBands);
        require(melBands == 0 || melScale != null, "mel_scale is required with mel_bands");
        require(outputHeight >= 0 && outputWidth >= 0, "output size must be >= 0: " + outputHeight + "x" + outputWidth);
        require(normalisation != null, "normalisation is required");
    }

    /**
     * The JSON constructor: required keys must be present, optional ones (boxed here) default to
     * off, so a hand-written config only needs what it uses.
     */
    @JsonCreator
    static SpectrogramTransform fromJson(
            @JsonProperty(value = "name", required = true) String name,
            @JsonProperty(value = "sample_rate", required = true) int sampleRate,
            @JsonProperty(value = "window", required = true) WindowType window,
            @JsonProperty(value = "n_fft", required = true) int nFft,
            @JsonProperty(value = "hop", required = true) int hop,
            @JsonProperty(value = "center", required = true) boolean center,
            @JsonProperty(value = "scale", required = true) Scale scale,
            @JsonProperty(value = "db_floor", required = true) double dbFloor,
            @JsonProperty("top_db") Double topDb,
            @JsonProperty("fmin_hz") Double fminHz,
            @JsonProperty("fmax_hz") Double fmaxHz,
            @JsonProperty("mel_bands") Integer melBands,
            @JsonProperty("mel_scale") MelScale melScale,
            @JsonProperty("pcen") PcenConfig pcen,
            @JsonProperty("output_height") Integer outputHeight,
            @JsonProperty("output_width") Integer outputWidth,
            @JsonProperty(value = "normalisation", required = true) Normalisation normalisation) {
        return new SpectrogramTransform(name, sampleRate, window, nFft, hop, center, scale, dbFloor, topDb,
                fminHz == null ? 0 : fminHz, fmaxHz == null ? 0 : fmaxHz, melBands == null ? 0 : melBands, melScale,
                pcen, outputHeight == null ? 0 : outputHeight, outputWidth == null ? 0 : outputWidth, normalisation);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EchomaskException("invalid spectrogram transform: " + message);
        }
    }

    /** Upper frequency actually used for audio at {@code rate} Hz. */
    public double effectiveFmax(int rate) {
        return fmaxHz == 0 ? rate / 2.0 : Math.min(fmaxHz, rate / 2.0);
    }

    /** Renders mono audio at {@code rate} Hz (already at {@link #sampleRate()} unless that is 0). */
    public Spectrogram apply(float[] samples, int rate) {
        return SpectrogramRenderer.render(this, samples, rate);
    }

    /**
     * The standard transform for the synthetic SSLMP-like data (288 kHz): Hann, 1024/512, full
     * band, dB with 80 dB range, 128×128, ImageNet normalisation.
     */
    public static final SpectrogramTransform ORIGIN = new SpectrogramTransform("origin", 288_000, WindowType.HANN,
            1024, 512, true, Scale.DB, 1e-10, 80.0, 0, 144_000, 0, null, null, 128, 128, Normalisation.IMAGENET);

    /**
     * The out-of-distribution variant, as in the MGC paper's OOD test: same audio, other
     * signal-processing parameters (Hamming, 2048-point), another frequency range (2–140 kHz) and
     * another intensity scaling (60 dB range).
     */
    public static final SpectrogramTransform ALTERNATIVE = new SpectrogramTransform("alternative", 288_000,
            WindowType.HAMMING, 2048, 512, true, Scale.DB, 1e-10, 60.0, 2_000, 140_000, 0, null, null, 128, 128,
            Normalisation.IMAGENET);

    /**
     * For looking at any single recording: its own rate, Hann 1024/512, dB with 80 dB range, full
     * band, native size, no normalisation (values are dB re full scale).
     */
    public static final SpectrogramTransform PLAIN = new SpectrogramTransform("plain", 0, WindowType.HANN, 1024, 512, true,
            Scale.DB, 1e-10, 80.0, 0, 0, 0, null, null, 0, 0, Normalisation.NONE);

    /**
     * For mixed-rate marine-mammal recordings such as the Watkins cuts (5–166 kHz): everything
     * resampled to 32 kHz, Hann 1024/256, 128 Slaney mel bands over 50 Hz–16 kHz, dB with 80 dB
     * range, 128×128, ImageNet normalisation.
     */
    public static final SpectrogramTransform WATKINS = new SpectrogramTransform("watkins", 32_000, WindowType.HANN, 1024,
            256, true, Scale.DB, 1e-10, 80.0, 50, 16_000, 128, MelScale.SLANEY, null, 128, 128, Normalisation.IMAGENET);

    /**
     * The out-of-distribution variant of {@link #WATKINS}, in the spirit of {@link #ALTERNATIVE}:
     * the same 32 kHz audio with other signal-processing parameters (Hamming, 2048/256), another
     * frequency range (200 Hz–14 kHz), the HTK mel formula and a 60 dB range.
     */
    public static final SpectrogramTransform WATKINS_ALTERNATIVE = new SpectrogramTransform("watkins-alternative", 32_000,
            WindowType.HAMMING, 2048, 256, true, Scale.DB, 1e-10, 60.0, 200, 14_000, 128, MelScale.HTK, null, 128, 128,
            Normalisation.IMAGENET);

    private static final Map<String, SpectrogramTransform> BUILT_INS = Map.of("origin", ORIGIN, "alternative", ALTERNATIVE,
            "plain", PLAIN, "watkins", WATKINS, "watkins-alternative", WATKINS_ALTERNATIVE);

    /**
     * A built-in transform by name, or else a JSON file at that path: what a {@code --transform}
     * option accepts.
     */
    public static SpectrogramTransform load(String nameOrJsonPath) {
        SpectrogramTransform t = BUILT_INS.get(nameOrJsonPath);
        if (t != null) {
            return t;
        }
        Path path = Path.of(nameOrJsonPath);
        if (!Files.isRegularFile(path)) {
            throw new EchomaskException("transform '" + nameOrJsonPath + "' is neither a built-in " + builtInNames()
                    + " nor a JSON file");
        }
        return Json.readFile(path, SpectrogramTransform.class);
    }

    /** A builder starting from every field of {@code base}, for command-line overrides. */
    public static SpectrogramTransformBuilder builder(SpectrogramTransform base) {
        return new SpectrogramTransformBuilder(base);
    }

    public static List<String> builtInNames() {
        return BUILT_INS.keySet().stream().sorted().toList();
    }

    /** A built-in transform by name. */
    public static SpectrogramTransform builtIn(String name) {
        SpectrogramTransform t = BUILT_INS.get(name);
        if (t == null) {
            throw new EchomaskException("unknown transform '" + name + "'; built-ins: " + builtInNames());
        }
        return t;
    }
}
