package org.echomask.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.dataset.DatasetBuilder;
import org.echomask.dataset.DatasetConfig;
import org.echomask.dataset.DatasetRerender;
import org.echomask.dataset.DatasetSummary;
import org.echomask.dataset.ExampleSources;
import org.echomask.dataset.RecordingPlan;
import org.echomask.dataset.Split;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.synth.SynthConfig;
import org.echomask.synth.SynthProfile;
import org.echomask.synth.SyntheticCorpus;

/**
 * The data stages of an experiment: the synthetic corpus (when asked), the dataset under the
 * training transform, and the same examples under the OOD transform. Each is skipped when it was
 * already made with the same settings.
 */
final class ExperimentData {
    private ExperimentData() {}

    /** Where the stages put their outputs under an experiment directory. */
    record Paths(Path corpus, Path dataset, Path oodDataset) {
        static Paths under(Path out) {
            return new Paths(out.resolve("data/synth"), out.resolve("data/dataset"), out.resolve("data/dataset-ood"));
        }
    }

    /** Generates the corpus; returns a one-line account, or null when it was already there. */
    static String corpus(ExperimentConfig.Synthetic s, Path dir, Progress progress) {
        StageStamp stamp = StageStamp.of(dir, Map.of("synthetic", s));
        if (stamp.done()) {
            return null;
        }
        SynthProfile profile = SynthProfile.resolve(s.profile());
        if (s.snrDb() != null) {
            profile = profile.withSnrDb(profile.name() + "-snr" + fmt(s.snrDb().get(0)) + "to" + fmt(s.snrDb().get(1)),
                    s.snrDb().get(0), s.snrDb().get(1));
        }
        SynthConfig config = SynthConfig.of(profile).withDuration(s.durationS());
        List<SyntheticCorpus.Row> rows = SyntheticCorpus.writeAnnotated(dir, config, s.seed(), s.clips(),
                SyntheticCorpus.Splits.of(s.trainFraction(), s.valFraction()), progress);
        stamp.mark();
        long withCalls = rows.stream().filter(r -> !r.labels().isEmpty()).count();
        return String.format(java.util.Locale.ROOT, "%d clips x %.1f s at %d Hz (profile %s), %d with calls", rows.size(),
                s.durationS(), config.sampleRate(), profile.name(), withCalls);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Builds the training-transform dataset; returns its summary, or null when it was already there. */
    static DatasetSummary dataset(ExperimentConfig.Data data, Path corpus, Path dir, int threads, Progress progress) {
        StageStamp stamp = StageStamp.of(dir, Map.of("data", data));
        if (stamp.done()) {
            return null;
        }
        SpectrogramTransform transform = SpectrogramTransform.load(data.transform());
        Path manifest = data.synthetic() != null ? corpus.resolve(SyntheticCorpus.MANIFEST) : Path.of(data.manifest());
        if (!Files.isRegularFile(manifest)) {
            throw new EchomaskException(manifest + ": manifest not found");
        }
        List<RecordingPlan> plans = ExampleSources.fromManifest(manifest, null);
        DatasetConfig d = DatasetConfig.defaults(transform);
        double trainFraction = d.trainFraction();
        double valFraction = d.valFraction();
        if (data.valAsTest()) {
            plans = valAsTest(plans);
            trainFraction = 1 - data.valFraction();
            valFraction = data.valFraction();
        }
        DatasetConfig config = new DatasetConfig(transform, data.windowS(), data.hopS(), trainFraction, valFraction,
                d.splitSeed(), d.channel(), false, Math.max(1, threads));
        DatasetSummary s = new DatasetBuilder(config).build("manifest", manifest.toString(), plans, dir, progress);
        stamp.mark();
        return s;
    }

    /**
     * The manifest's val recordings become the test set; its train recordings are split into train
     * and val by group (tape), so early stopping never looks at the tapes the models are scored on.
     */
    static List<RecordingPlan> valAsTest(List<RecordingPlan> plans) {
        List<RecordingPlan> out = new ArrayList<>(plans.size());
        for (RecordingPlan p : plans) {
            Split split = p.split() == Split.VAL || p.split() == Split.TEST ? Split.TEST : null;
            out.add(new RecordingPlan(p.audio(), p.fileLabels(), p.selections(), p.group(), split, p.sourceColumns(),
                    p.sourceDir()));
        }
        return out;
    }

    /** Re-renders the dataset with the OOD transform; returns its summary, or null when already there. */
    static DatasetSummary ood(ExperimentConfig.Data data, Path dataset, Path dir, int threads, Progress progress) {
        StageStamp stamp = StageStamp.of(dir, Map.of("data", data, "stage", "ood"));
        if (stamp.done()) {
            return null;
        }
        DatasetSummary s = DatasetRerender.rerender(dataset, SpectrogramTransform.load(data.oodTransform()), dir, threads,
                progress);
        stamp.mark();
        return s;
    }
}
