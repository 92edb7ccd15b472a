package org.echomask.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.echomask.synth.SynthConfig;
import org.echomask.synth.SynthProfile;
import org.echomask.synth.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate synthetic hydrophone soundscapes with Raven annotations and exact masks.",
                "SSLMP-like: beluga whistles and click trains, porpoise NBHF clicks, vessel and ambient noise.",
                "Writes audio/*.wav, annotations/*.txt, manifest.csv and synth_config.json; a dataset built from the",
                "manifest regenerates each clip's clean sources for its exact ground-truth mask."})
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--clips", required = true, converter = Bounds.Positive.class, description = "Number of clips (>= 1).")
    int clips;

    @Option(names = "--seed", defaultValue = "1", description = "Seed; clip i is the same whatever the clip count. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--profile", defaultValue = "origin", converter = Enums.SynthProfiles.class,
            completionCandidates = Enums.SynthProfiles.class,
            description = "Built-in profile (${COMPLETION-CANDIDATES}) or a JSON file. Default: ${DEFAULT-VALUE}.")
    SynthProfile profile;

    @Option(names = "--duration", defaultValue = "2.0", converter = Bounds.PositiveReal.class, description = "Clip length in seconds. Default: ${DEFAULT-VALUE}.")
    double duration;

    @Option(names = "--sample-rate", defaultValue = "288000", converter = SampleRate.class, description = "Sample rate in Hz (>= 48000; porpoise clicks need ~288000). Default: ${DEFAULT-VALUE}.")
    int sampleRate;

    @Option(names = "--train", defaultValue = "0.7", converter = Bounds.Fraction.class, description = "Share of train clips. Default: ${DEFAULT-VALUE}.")
    double train;

    @Option(names = "--val", defaultValue = "0.15", converter = Bounds.Fraction.class, description = "Share of val clips (the rest is test). Default: ${DEFAULT-VALUE}.")
    double val;

    /** The synthesiser's floor: its sounds reach far above 20 kHz. */
    static final class SampleRate implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Bounds.intAtLeast(value, 48_000);
        }
    }

    @Override
    public Integer call() {
        SynthConfig config = SynthConfig.of(profile).withDuration(duration).withSampleRate(sampleRate);
        long t0 = System.nanoTime();
        List<SyntheticCorpus.Row> rows = SyntheticCorpus.writeAnnotated(out, config, seed, clips, SyntheticCorpus.Splits.of(train, val),
                TerminalProgress.forStderr());
        Map<String, Integer> combos = new TreeMap<>();
        rows.forEach(r -> combos.merge(r.labels().isEmpty() ? "none" : String.join("+", r.labels()), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "synth: %d clips of %.1f s at %d Hz (profile %s, seed %d) in %.1f s -> %s%n",
                rows.size(), duration, sampleRate, config.profile().name(), seed, (System.nanoTime() - t0) / 1e9, out);
        System.out.println("  label combinations: " + combos);
        return 0;
    }
}
