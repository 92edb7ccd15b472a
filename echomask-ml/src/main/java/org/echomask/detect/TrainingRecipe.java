package org.echomask.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.echomask.EchomaskException;
import org.echomask.classify.ClassifierCard;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetInfo;
import org.echomask.dataset.DatasetManifest;
import org.echomask.dataset.DatasetMasks;
import org.echomask.io.Json;
import org.echomask.mask.ProposerConfig;
import org.echomask.model.ModelPackage;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * What analysis must reproduce of a classifier's training data but its {@code model.json} does
 * not hold: the window length and hop, and the mask proposer config of {@code proposal} masks.
 * Looked up, in order, in the package itself ({@value #DATASET_FILE}, {@value #PROPOSER_FILE},
 * for packages that carry them), then in the training dataset named by the provenance when it is
 * still on this machine, then derived (window) or defaulted (proposer), each answer saying where
 * it came from.
 */
public final class TrainingRecipe {
    /** A copy of the training dataset's {@code dataset.json} inside a package, if one was put there. */
    public static final String DATASET_FILE = "dataset.json";
    /** The proposer config of a package trained on proposal masks, if one was put there. */
    public static final String PROPOSER_FILE = "proposer.json";
    /** Preset used when a proposal-mask model's proposer config cannot be found. */
    public static final String FALLBACK_PRESET = "soundscape";

    private TrainingRecipe() {}

    /** The analysis window and where it came from. */
    public record Window(double windowS, double hopS, String source) {}

    /** A proposer config and where it came from; {@code fallback} when it is a guess. */
    public record Proposer(ProposerConfig config, String source, boolean fallback) {}

    /** The window the model's training examples had. */
    public static Window window(ModelPackage.Opened<ClassifierCard> opened) {
        Path inPackage = opened.dir().resolve(DATASET_FILE);
        if (Files.isRegularFile(inPackage)) {
            DatasetInfo info = Json.readFile(inPackage, DatasetInfo.class);
            if (info.windowS() > 0) {
                return new Window(info.windowS(), info.hopS(), inPackage.toString());
            }
        }
        Optional<Path> ds = trainingDataset(opened);
        if (ds.isPresent()) {
            DatasetInfo info = Json.readFile(ds.get().resolve(DatasetInfo.FILE_NAME), DatasetInfo.class);
            if (info.windowS() > 0) {
                return new Window(info.windowS(), info.hopS(), ds.get().resolve(DatasetInfo.FILE_NAME).toString());
            }
            // Whole-recording examples: the typical example length is the window the model knows.
            List<DatasetEntry> entries = DatasetManifest.read(ds.get().resolve(DatasetManifest.FILE_NAME));
            if (!entries.isEmpty()) {
                double median = median(entries.stream().mapToDouble(e -> e.endS() - e.startS()).toArray());
                return new Window(median, median / 2, "median example length in " + ds.get().resolve(DatasetManifest.FILE_NAME)
                        + " (whole-recording examples; hop = half a window)");
            }
        }
        return fromTransform(opened.card().transform(), opened.card().spec().inputWidth(), opened.dir());
    }

    /**
     * The window length a transform at native width implies: {@code (width − 1)·hop} samples when
     * frames are centred, plus {@code nFft} when not. A transform that resizes the time axis has
     * lost that scale, so there is nothing to derive.
     */
    static Window fromTransform(SpectrogramTransform t, int width, Path pkg) {
        if (t.outputWidth() > 0 || t.sampleRate() <= 0) {
            throw new EchomaskException(pkg + ": cannot tell the window length the model was trained on (its training"
                    + " dataset is not on this machine and transform '" + t.name() + "' resizes time to "
                    + t.outputWidth() + " columns); give --window-s");
        }
        double samples = (width - 1.0) * t.hop() + (t.center() ? 0 : t.nFft());
        double w = samples / t.sampleRate();
        return new Window(w, w / 2, "derived from transform '" + t.name() + "' and the input width " + width
                + " (hop = half a window)");
    }

    /** The proposer config behind a {@code proposal}-mask model's masks. */
    public static Proposer proposer(ModelPackage.Opened<ClassifierCard> opened) {
        Path inPackage = opened.dir().resolve(PROPOSER_FILE);
        if (Files.isRegularFile(inPackage)) {
            return new Proposer(Json.readFile(inPackage, ProposerConfig.class), inPackage.toString(), false);
        }
        Optional<Path> ds = trainingDataset(opened);
        if (ds.isPresent()) {
            Path f = ds.get().resolve(DatasetMasks.PROPOSALS_DIR).resolve(DatasetMasks.PROPOSAL_CONFIG_FILE);
            if (Files.isRegularFile(f)) {
                return new Proposer(Json.readFile(f, ProposerConfig.class), f.toString(), false);
            }
        }
        return new Proposer(ProposerConfig.preset(FALLBACK_PRESET), "the '" + FALLBACK_PRESET
                + "' preset (the package does not record its proposer config and its training dataset is not here)", true);
    }

    /** The training dataset directory named in the provenance, when it still exists here. */
    static Optional<Path> trainingDataset(ModelPackage.Opened<ClassifierCard> opened) {
        String dir = opened.provenance().datasetDir();
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(dir);
        return Files.isRegularFile(p.resolve(DatasetInfo.FILE_NAME)) && Files.isRegularFile(p.resolve(DatasetManifest.FILE_NAME))
                ? Optional.of(p) : Optional.empty();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
