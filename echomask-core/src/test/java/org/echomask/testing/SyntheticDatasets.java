package org.echomask.testing;

import java.nio.file.Path;
import org.echomask.Progress;
import org.echomask.dataset.DatasetBuilder;
import org.echomask.dataset.DatasetConfig;
import org.echomask.dataset.ExampleSources;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.synth.SynthConfig;
import org.echomask.synth.SynthProfile;
import org.echomask.synth.SyntheticCorpus;

/** Tiny synthetic datasets (with exact HQ masks) for tests of later stages. */
public final class SyntheticDatasets {
    private SyntheticDatasets() {}

    /**
     * Writes {@code clips} synthetic clips of {@code durationS} under {@code root/synth} and builds
     * the {@code origin} dataset (128x128, HQ masks from the ground truth) in {@code root/dataset}.
     *
     * @return the dataset directory
     */
    public static Path origin(Path root, int clips, double durationS, long seed) {
        Path corpus = root.resolve("synth");
        SyntheticCorpus.write(corpus, SynthConfig.of(SynthProfile.ORIGIN).withDuration(durationS), seed, clips,
                SyntheticCorpus.Splits.of(0.6, 0.25), (dir, row, clip) -> {});
        Path ds = root.resolve("dataset");
        new DatasetBuilder(DatasetConfig.defaults(SpectrogramTransform.ORIGIN)).build("manifest",
                corpus.resolve(SyntheticCorpus.MANIFEST).toString(),
                ExampleSources.fromManifest(corpus.resolve(SyntheticCorpus.MANIFEST), null), ds, Progress.NONE);
        return ds;
    }
}
