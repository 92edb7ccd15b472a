package org.echomask.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.echomask.EchomaskException;
import org.echomask.classify.ClassifierCard;
import org.echomask.classify.ClassifierSpec;
import org.echomask.dataset.DatasetInfo;
import org.echomask.dataset.DatasetManifest;
import org.echomask.dataset.InputRecipe;
import org.echomask.io.Json;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.echomask.model.ModelPackage;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * The window and the mask recipe (with its proposer config) a classifier's training examples had. Packages written now
 * carry both in their card ({@link ClassifierCard#input()}): that answer is exact and needs
 * nothing else. Packages written before cards carried them are answered, in order, from files some
 * of them hold ({@value #DATASET_FILE}, {@value #PROPOSER_FILE}), from the training dataset named
 * by the provenance when it is still on this machine, else derived (window) or defaulted
 * (proposer), each answer saying where it came from and whether it is a guess.
 */
public final class TrainingRecipe {
    /** A copy of the training dataset's {@code dataset.json} inside an old package, if one was put there. */
    public static final String DATASET_FILE = "dataset.json";
    /** The proposer config of an old package trained on proposal masks, if one was put there. */
    public static final String PROPOSER_FILE = "proposer.json";
    /** Preset used when an old proposal-mask model's proposer config cannot be found. */
    public static final String FALLBACK_PRESET = "soundscape";

    private TrainingRecipe() {}

    /** The analysis window and where it came from; {@code guessed} when not recorded with the model. */
    public record Window(double windowS, double hopS, String source, boolean guessed) {}

    /** A proposer config and where it came from; {@code fallback} when it is a guess. */
    public record Proposer(ProposerConfig config, String source, boolean fallback) {}

    /** The window the model's training examples had. */
    public static Window window(ModelPackage.Opened<ClassifierCard> opened) {
        InputRecipe input = opened.card().input();
        if (input != null) {
            return new Window(input.windowS(), input.hopS(), "the model card (" + input.windowSource() + ")", false);
        }
        Path inPackage = opened.dir().resolve(DATASET_FILE);
        if (Files.isRegularFile(inPackage)) {
            DatasetInfo info = readInPackage(opened, DATASET_FILE, DatasetInfo.class);
            if (info.windowS() > 0) {
                return new Window(info.windowS(), info.hopS(), inPackageName(opened, DATASET_FILE), false);
            }
        }
        Optional<InputRecipe.Window> fromDataset = trainingDataset(opened).flatMap(InputRecipe::window);
        if (fromDataset.isPresent()) {
            InputRecipe.Window w = fromDataset.get();
            return new Window(w.windowS(), w.hopS(), w.source() + ", the training dataset named in the provenance of a"
                    + " package from before cards carried their window", true);
        }
        return fromTransform(opened.card().transform(), opened.card().spec().inputWidth(), opened.source());
    }

    /**
     * The window length a transform at native width implies: {@code (width − 1)·hop} samples when
     * frames are centred, plus {@code nFft} when not. A transform that resizes the time axis has
     * lost that scale, so there is nothing to derive.
     */
    static Window fromTransform(SpectrogramTransform t, int width, Path pkg) {
        if (t.outputWidth() > 0 || t.sampleRate() <= 0) {
            throw new EchomaskException(pkg + ": cannot tell the window length the model was trained on (the package"
                    + " predates cards that record it, its training dataset is not on this machine and transform '"
                    + t.name() + "' resizes time to " + t.outputWidth() + " columns); give --window-s");
        }
        double samples = (width - 1.0) * t.hop() + (t.center() ? 0 : t.nFft());
        double w = samples / t.sampleRate();
        return new Window(w, w / 2, "derived from transform '" + t.name() + "' and the input width " + width
                + " (hop = half a window)", true);
    }

    /**
     * How the model's training masks were made, to make them again: the card's recipe when it has
     * one, else the spec's with, for proposal masks, the proposer config {@link #proposer} finds.
     *
     * @param proposer where a proposal-mask model's proposer config came from; null for other sources
     */
    public record Masks(MaskRecipe recipe, Proposer proposer) {}

    /** The mask recipe of a model that reads masks. */
    public static Masks masks(ModelPackage.Opened<ClassifierCard> opened) {
        ClassifierSpec spec = opened.card().spec();
        if (!MaskRecipe.PROPOSAL.equals(spec.maskSource())) {
            return new Masks(spec.maskRecipe(null), null);
        }
        Proposer p = proposer(opened);
        return new Masks(spec.maskRecipe(p.config()), p);
    }

    /** The proposer config behind a {@code proposal}-mask model's masks. */
    public static Proposer proposer(ModelPackage.Opened<ClassifierCard> opened) {
        InputRecipe input = opened.card().input();
        if (input != null && input.mask().proposer() != null) {
            return new Proposer(input.mask().proposer(), "the model card", false);
        }
        Path inPackage = opened.dir().resolve(PROPOSER_FILE);
        if (Files.isRegularFile(inPackage)) {
            return new Proposer(readInPackage(opened, PROPOSER_FILE, ProposerConfig.class), inPackageName(opened, PROPOSER_FILE),
                    false);
        }
        Optional<Path> ds = trainingDataset(opened).filter(d -> Files.isRegularFile(InputRecipe.proposerFile(d)));
        if (ds.isPresent()) {
            return new Proposer(InputRecipe.proposer(ds.get()), InputRecipe.proposerFile(ds.get())
                    + " (the training dataset named in the provenance of a package from before cards carried it)", false);
        }
        return new Proposer(ProposerConfig.preset(FALLBACK_PRESET), "the '" + FALLBACK_PRESET
                + "' preset (the package predates cards that record it and its training dataset is not here)", true);
    }

    private static <T> T readInPackage(ModelPackage.Opened<ClassifierCard> opened, String file, Class<T> type) {
        try {
            return Json.readFile(opened.dir().resolve(file), type);
        } catch (EchomaskException e) {
            throw new EchomaskException(e.getMessage().replace(opened.dir().resolve(file).toString(),
                    inPackageName(opened, file)), e);
        }
    }

    /** A file of the package as the user knows it: the zip or directory they named, not a temporary copy. */
    private static String inPackageName(ModelPackage.Opened<ClassifierCard> opened, String file) {
        return opened.source() + (opened.temporary() ? "!/" : "/") + file;
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
}
