package org.echomask.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.echomask.label.Selection;

/**
 * Generates SSLMP-like soundscape clips. A clip is a pure function of {@code (seed, index,
 * config)}: its random stream is derived from the seed and index alone, so any clip can be
 * regenerated on its own, in any order, from a manifest row.
 *
 * <p><b>SNR definition.</b> Every biological event gets its own SNR, drawn from its source's
 * {@code snrDb} range: {@code SNR = 10·log10(E_event / E_noise)} where both energies are taken
 * over the event's annotated time span and inside its annotated frequency band (sum of |X_k|² of
 * the DFT of the span), the event as it is recorded (after the sensor response) and the noise
 * stem (sea noise, shrimp and vessel, after the sensor response). For click trains the span
 * is the whole train, gaps included, so the SNR of a single click is far higher than the train's.
 *
 * <p><b>Levels.</b> Sea noise is drawn at an absolute level (dBFS), vessels relative to it and
 * events relative to the noise; the mix is then scaled down (never up), stems included, when its
 * peak exceeds {@link SynthConfig#peakLevel()}.
 */
public final class SoundscapeGenerator {
    /** Samples kept around an event when the sensor response is applied to its span only. */
    private static final int FILTER_GUARD = 8192;

    private SoundscapeGenerator() {}

    /** The clip id for a profile, seed and index. */
    public static String clipId(String profile, long seed, int index) {
        return String.format(Locale.ROOT, "%s-%s-%06d", profile, Long.toUnsignedString(seed), index);
    }

    /** The per-clip seed: SplitMix64 finalisers of seed and index, so neighbouring clips are unrelated. */
    static long clipSeed(long seed, int index) {
        return mix64(seed ^ mix64(0x9E3779B97F4A7C15L * (index + 1L)));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static SyntheticClip generate(long seed, int index, SynthConfig config) {
        SynthProfile profile = config.profile();
        int rate = config.sampleRate();
        int n = config.samples();
        double seconds = n / (double) rate;
        SplittableRandom root = new SplittableRandom(clipSeed(seed, index));
        // One independent stream per part, split in a fixed order, so changing how much one
        // source consumes never changes another.
        SplittableRandom labelRng = root.split();
        SplittableRandom ambientRng = root.split();
        SplittableRandom vesselRng = root.split();
        Map<String, SplittableRandom> sourceRng = new LinkedHashMap<>();
        for (String label : Labels.ALL) {
            sourceRng.put(label, root.split());
        }

        List<String> drawn = new ArrayList<>();
        for (String label : Labels.ALL) {
            if (labelRng.nextDouble() < profile.probability(label)) {
                drawn.add(label);
            }
        }
        boolean vessel = labelRng.nextDouble() < profile.vessel().probability();
        boolean overlap = labelRng.nextDouble() < profile.overlapProbability();
        double anchor = labelRng.nextDouble() * seconds;

        double ambientRms = AmbientNoise.drawRms(profile.ambient(), ambientRng);
        float[] noise = AmbientNoise.render(profile.ambient(), rate, n, ambientRms, ambientRng);
        if (vessel) {
            float[] ship = VesselNoise.render(profile.vessel(), rate, n, ambientRms, vesselRng);
            for (int i = 0; i < n; i++) {
                noise[i] += ship[i];
            }
        }
        noise = profile.sensor().apply(noise, rate);

        Map<String, float[]> clean = new LinkedHashMap<>();
        List<Selection> events = new ArrayList<>();
        for (String label : drawn) {
            SplittableRandom rng = sourceRng.get(label);
            int count = countRange(profile, label).drawInt(rng);
            for (int e = 0; e < count; e++) {
                EventParams params = drawParams(profile, label, rng, 0.9 * seconds);
                double free = Math.max(0, seconds - params.durationS());
                double start = overlap ? Math.max(0, Math.min(free, anchor - rng.nextDouble() * params.durationS()))
                        : rng.nextDouble() * free;
                double snrDb = snrRange(profile, label).draw(rng);
                SourceSignal source = render(params, start, rate, n, rng);
                if (source.events().isEmpty()) {
                    continue;
                }
                Selection event = source.events().get(0);
                float[] recorded = applySensor(profile.sensor(), source.samples(), event, rate);
                int from = (int) Math.floor(event.begin() * rate);
                int to = Math.min(n, (int) Math.ceil(event.end() * rate));
                double eventEnergy = Spectral.bandEnergy(recorded, from, to, rate, event.lowFreqHz(), event.highFreqHz());
                double noiseEnergy = Spectral.bandEnergy(noise, from, to, rate, event.lowFreqHz(), event.highFreqHz());
                if (!(eventEnergy > 0) || !(noiseEnergy > 0)) {
                    continue;
                }
                float gain = (float) Math.sqrt(Math.pow(10, snrDb / 10) * noiseEnergy / eventEnergy);
                float[] stem = clean.computeIfAbsent(label, k -> new float[n]);
                for (int i = 0; i < n; i++) {
                    stem[i] += gain * recorded[i];
                }
                events.add(new Selection(event.begin(), event.end(), event.lowFreqHz(), event.highFreqHz(), label, 1,
                        Map.of("snr_db", String.format(Locale.ROOT, "%.2f", snrDb))));
            }
        }

        float[] mix = sum(noise, clean, n);
        float peak = 0;
        for (float v : mix) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak > config.peakLevel()) {
            float scale = (float) (config.peakLevel() / peak);
            scaleInPlace(noise, scale);
            clean.values().forEach(stem -> scaleInPlace(stem, scale));
            mix = sum(noise, clean, n);
        }
        return new SyntheticClip(clipId(profile.name(), seed, index), rate, mix, clean, noise, new TreeSet<>(clean.keySet()),
                events, vessel, profile.name(), seed, index);
    }

    /** The mix as noise plus stems in {@link Labels#ALL} order (the order {@link SyntheticClip} documents). */
    private static float[] sum(float[] noise, Map<String, float[]> clean, int n) {
        float[] mix = noise.clone();
        for (String label : Labels.ALL) {
            float[] stem = clean.get(label);
            if (stem != null) {
                for (int i = 0; i < n; i++) {
                    mix[i] += stem[i];
                }
            }
        }
        return mix;
    }

    private static void scaleInPlace(float[] x, float g) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= g;
        }
    }

    /** The sensor response on the event's span plus a guard only: the source is silent elsewhere. */
    private static float[] applySensor(SensorResponse sensor, float[] samples, Selection event, int rate) {
        if (sensor.passesUnchanged()) {
            return samples;
        }
        int n = samples.length;
        int from = Math.max(0, (int) Math.floor(event.begin() * rate) - FILTER_GUARD);
        int to = Math.min(n, (int) Math.ceil(event.end() * rate) + FILTER_GUARD);
        float[] span = java.util.Arrays.copyOfRange(samples, from, to);
        float[] filtered = Spectral.filter(span, rate, sensor::gain, FILTER_GUARD);
        float[] out = new float[n];
        System.arraycopy(filtered, 0, out, from, filtered.length);
        return out;
    }

    private static Range countRange(SynthProfile p, String label) {
        return switch (label) {
            case Labels.BELUGA_WHISTLE -> p.whistle().eventsPerClip();
            case Labels.BELUGA_CLICK -> p.belugaClick().eventsPerClip();
            default -> p.porpoiseClick().eventsPerClip();
        };
    }

    private static Range snrRange(SynthProfile p, String label) {
        return switch (label) {
            case Labels.BELUGA_WHISTLE -> p.whistle().snrDb();
            case Labels.BELUGA_CLICK -> p.belugaClick().snrDb();
            default -> p.porpoiseClick().snrDb();
        };
    }

    private static EventParams drawParams(SynthProfile p, String label, SplittableRandom rng, double maxS) {
        return switch (label) {
            case Labels.BELUGA_WHISTLE -> BelugaWhistle.draw(p.whistle(), rng, maxS);
            case Labels.BELUGA_CLICK -> ClickTrain.draw(p.belugaClick(), label, rng, maxS);
            default -> ClickTrain.draw(p.porpoiseClick(), label, rng, maxS);
        };
    }

    private static SourceSignal render(EventParams params, double start, int rate, int n, SplittableRandom rng) {
        if (params instanceof BelugaWhistle.Params w) {
            return BelugaWhistle.render(w, start, rate, n, rng);
        }
        return ClickTrain.render((ClickTrain.Params) params, start, rate, n, rng);
    }
}
