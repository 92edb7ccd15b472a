package org.echomask.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.io.Json;

/**
 * A domain of synthetic soundscapes: how often each label occurs, how the sources are drawn, the
 * noise and the sensor. Two clips from one profile share a domain; {@code origin} and
 * {@code shifted} differ the way two seasons, sites and sensors of a monitoring network do.
 * Immutable and JSON-serialisable ({@link Json}), with built-ins by name.
 *
 * @param name identifier written to manifests
 * @param whistleProbability chance that a clip contains beluga whistles
 * @param belugaClickProbability chance that a clip contains beluga click trains
 * @param porpoiseClickProbability chance that a clip contains porpoise click trains
 * @param overlapProbability chance that the events of a clip are placed around one shared time
 *     (so different labels overlap) instead of independently
 * @param whistle beluga whistles
 * @param belugaClick beluga echolocation click trains
 * @param porpoiseClick harbour-porpoise NBHF click trains
 * @param vessel passing ships
 * @param ambient sea noise and snapping shrimp
 * @param sensor the recording chain's magnitude response
 */
public record SynthProfile(String name, double whistleProbability, double belugaClickProbability,
        double porpoiseClickProbability, double overlapProbability, BelugaWhistle.Spec whistle, ClickTrain.Spec belugaClick,
        ClickTrain.Spec porpoiseClick, VesselNoise.Spec vessel, AmbientNoise.Spec ambient, SensorResponse sensor) {

    public SynthProfile {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new EchomaskException("invalid synth profile: name must be a plain identifier: " + name);
        }
        for (double p : new double[] {whistleProbability, belugaClickProbability, porpoiseClickProbability,
                overlapProbability}) {
            if (!(p >= 0 && p <= 1)) {
                throw new EchomaskException("invalid synth profile '" + name + "': probability " + p + " outside [0, 1]");
            }
        }
        if (whistle == null || belugaClick == null || porpoiseClick == null || vessel == null || ambient == null
                || sensor == null) {
            throw new EchomaskException("invalid synth profile '" + name + "': every source, the noise and the sensor are required");
        }
    }

    /** Probability of a label, by its name in {@link Labels}. */
    public double probability(String label) {
        return switch (label) {
            case Labels.BELUGA_WHISTLE -> whistleProbability;
            case Labels.BELUGA_CLICK -> belugaClickProbability;
            case Labels.PORPOISE_CLICK -> porpoiseClickProbability;
            default -> throw new EchomaskException("unknown label '" + label + "'; labels: " + Labels.ALL);
        };
    }

    /**
     * The origin domain: labels independent with probability 0.5 each (all eight label
     * combinations equally likely), pink sea noise, flat sensor, vessels in 30 % of clips.
     */
    public static final SynthProfile ORIGIN = new SynthProfile("origin", 0.5, 0.5, 0.5, 0.3,
            new BelugaWhistle.Spec(Range.of(1, 2), Range.of(0, 15), Range.of(0.2, 1.5), Range.of(2_000, 9_000),
                    Range.of(-3_000, 4_000), Range.of(-1_500, 1_500), Range.of(2_000, 12_000), 0.3, Range.of(3, 12),
                    Range.of(100, 600), Range.of(1, 3), Range.of(4, 10), Range.of(0.05, 0.2)),
            new ClickTrain.Spec(Range.of(1, 2), Range.of(0, 15), Range.of(0.1, 1.0), Range.of(10, 60),
                    Range.of(40_000, 100_000), 2_000, Range.of(50, 90), Range.of(-6, 0), 1.0),
            new ClickTrain.Spec(Range.of(1, 2), Range.of(0, 15), Range.of(0.1, 1.0), Range.of(30, 80),
                    Range.of(127_000, 138_000), 800, Range.of(80, 130), Range.of(-6, 0), 1.0),
            new VesselNoise.Spec(0.3, Range.of(0, 20), Range.of(100, 500), Range.of(2, 3), Range.of(5, 20),
                    Range.of(3, 8), Range.of(1, 4), Range.of(50, 500), Range.of(-10, 0), Range.of(0.1, 0.5),
                    Range.of(-1, 2), Range.of(0.5, 5)),
            new AmbientNoise.Spec(Range.of(-45, -35), Range.of(0.8, 1.2), 100, Range.of(-45, -40), Range.of(20, 100),
                    Range.of(6, 20), Range.of(20, 80)),
            SensorResponse.flat());

    /**
     * The shifted domain: browner and louder sea noise with a higher thermal floor, more and
     * louder shrimp, vessels in 60 % of clips, lower SNRs, a sensor with a 2nd-order high-pass at
     * 200 Hz, a 4th-order roll-off from 90 kHz and a +6 dB resonance at 28 kHz, and a
     * "season" where whistles sit about 1.5 kHz higher with more harmonics. Labels are less
     * balanced (whistles 0.6, beluga clicks 0.4, porpoise 0.35) and overlap more often.
     */
    public static final SynthProfile SHIFTED = new SynthProfile("shifted", 0.6, 0.4, 0.35, 0.5,
            new BelugaWhistle.Spec(Range.of(1, 3), Range.of(-5, 10), Range.of(0.2, 1.5), Range.of(3_500, 10_500),
                    Range.of(-3_000, 4_000), Range.of(-1_500, 1_500), Range.of(3_000, 13_500), 0.5, Range.of(3, 12),
                    Range.of(100, 800), Range.of(2, 3), Range.of(3, 8), Range.of(0.05, 0.2)),
            new ClickTrain.Spec(Range.of(1, 2), Range.of(-5, 10), Range.of(0.1, 1.0), Range.of(10, 60),
                    Range.of(40_000, 100_000), 2_000, Range.of(50, 90), Range.of(-6, 0), 1.0),
            new ClickTrain.Spec(Range.of(1, 2), Range.of(-5, 10), Range.of(0.1, 1.0), Range.of(30, 80),
                    Range.of(127_000, 138_000), 800, Range.of(80, 130), Range.of(-6, 0), 1.0),
            new VesselNoise.Spec(0.6, Range.of(5, 25), Range.of(100, 500), Range.of(2, 3), Range.of(5, 20),
                    Range.of(3, 8), Range.of(1, 4), Range.of(50, 500), Range.of(-10, 0), Range.of(0.1, 0.5),
                    Range.of(-1, 2), Range.of(0.5, 5)),
            new AmbientNoise.Spec(Range.of(-38, -28), Range.of(1.6, 2.0), 100, Range.of(-40, -35), Range.of(50, 200),
                    Range.of(8, 22), Range.of(20, 80)),
            new SensorResponse(200, 90_000, 4, 28_000, 6, 2));

    /**
     * The same domain with every call (whistles, beluga clicks, porpoise clicks) drawn at a band
     * SNR in [minDb, maxDb], renamed {@code name}: the low-SNR settings where the image alone stops
     * being enough (the experiments' {@code snr_db} override).
     */
    public SynthProfile withSnrDb(String newName, double minDb, double maxDb) {
        Range snr = Range.of(minDb, maxDb);
        BelugaWhistle.Spec w = whistle;
        ClickTrain.Spec b = belugaClick;
        ClickTrain.Spec p = porpoiseClick;
        return new SynthProfile(newName, whistleProbability, belugaClickProbability, porpoiseClickProbability,
                overlapProbability,
                new BelugaWhistle.Spec(w.eventsPerClip(), snr, w.durationS(), w.startHz(), w.sweepHz(), w.bendHz(),
                        w.fundamentalHz(), w.modulationProbability(), w.modulationRateHz(), w.modulationDepthHz(),
                        w.harmonics(), w.harmonicDropDb(), w.rampFraction()),
                new ClickTrain.Spec(b.eventsPerClip(), snr, b.trainS(), b.iciMs(), b.peakHz(), b.peakJitterHz(),
                        b.clickUs(), b.levelDriftDb(), b.levelJitterDb()),
                new ClickTrain.Spec(p.eventsPerClip(), snr, p.trainS(), p.iciMs(), p.peakHz(), p.peakJitterHz(),
                        p.clickUs(), p.levelDriftDb(), p.levelJitterDb()),
                vessel, ambient, sensor);
    }

    private static final Map<String, SynthProfile> BUILT_INS = Map.of("origin", ORIGIN, "shifted", SHIFTED);

    public static List<String> builtInNames() {
        return BUILT_INS.keySet().stream().sorted().toList();
    }

    /** A built-in profile by name. */
    public static SynthProfile builtIn(String name) {
        SynthProfile p = BUILT_INS.get(name);
        if (p == null) {
            throw new EchomaskException("unknown synth profile '" + name + "'; built-ins: " + builtInNames());
        }
        return p;
    }

    /** A built-in name, or else a path to a profile JSON file. */
    public static SynthProfile resolve(String nameOrPath) {
        if (BUILT_INS.containsKey(nameOrPath)) {
            return BUILT_INS.get(nameOrPath);
        }
        Path path = Path.of(nameOrPath);
        if (!path.toFile().isFile()) {
            throw new EchomaskException("unknown synth profile '" + nameOrPath + "': not a built-in " + builtInNames()
                    + " nor a JSON file");
        }
        return Json.readFile(path, SynthProfile.class);
    }
}
