package org.echomask.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.echomask.mask.MaskKind;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;

/**
 * What a model needs, beyond its spectrogram transform, to turn new audio into the inputs it was
 * trained on: the window length and hop of its training examples and how their masks were made.
 * Written into the model card at training time, so a package can be applied on any machine
 * without its training dataset.
 *
 * @param windowS window length in seconds
 * @param hopS hop between windows in seconds
 * @param windowSource where the window came from (the dataset's windowing, or the median example length)
 * @param mask how the mask input is made
 */
public record InputRecipe(double windowS, double hopS, String windowSource, MaskRecipe mask) {
    public InputRecipe {
        if (!(windowS > 0) || !(hopS > 0) || !Double.isFinite(windowS) || !Double.isFinite(hopS)) {
            throw new EchomaskException("input recipe: window and hop must be positive seconds, got " + windowS + " and " + hopS);
        }
        windowSource = windowSource == null ? "" : windowSource;
        if (mask == null) {
            throw new EchomaskException("input recipe: the mask recipe is required (MaskRecipe.NONE for image-only models)");
        }
    }

    /** The analysis window of a dataset's examples and where it comes from. */
    public record Window(double windowS, double hopS, String source) {}

    /**
     * The recipe of a model trained on {@code dataset} with masks of {@code kind} from
     * {@code source} (σ for soft masks): the window from {@code dataset.json}, the proposer config
     * of proposal masks from the dataset's {@code masks/proposals/config.json}.
     */
    public static InputRecipe of(Path dataset, MaskKind kind, String source, double sigma) {
        Window w = window(dataset).orElseThrow(() -> new EchomaskException(dataset
                + ": cannot tell the examples' window length (no window in dataset.json and no examples)"));
        MaskRecipe mask = kind.used()
                ? new MaskRecipe(kind, source, sigma, MaskRecipe.PROPOSAL.equals(source) ? proposer(dataset) : null)
                : MaskRecipe.NONE;
        return new InputRecipe(w.windowS(), w.hopS(), w.source(), mask);
    }

    /**
     * The window of a dataset's examples: its fixed windowing, or for whole-recording examples the
     * median example length (hop half a window); empty when neither exists.
     */
    public static Optional<Window> window(Path dataset) {
        DatasetInfo info = Json.readFile(dataset.resolve(DatasetInfo.FILE_NAME), DatasetInfo.class);
        if (info.windowS() > 0) {
            return Optional.of(new Window(info.windowS(), info.hopS(), "the windowing of dataset " + dataset));
        }
        List<DatasetEntry> entries = DatasetManifest.read(dataset.resolve(DatasetManifest.FILE_NAME));
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        double median = median(entries.stream().mapToDouble(e -> e.endS() - e.startS()).toArray());
        return Optional.of(new Window(median, median / 2, "the median example length in "
                + dataset.resolve(DatasetManifest.FILE_NAME) + " (whole-recording examples; hop = half a window)"));
    }

    /** The proposer config a dataset's proposal masks were made with. */
    public static ProposerConfig proposer(Path dataset) {
        Path f = proposerFile(dataset);
        if (!Files.isRegularFile(f)) {
            throw new EchomaskException(dataset + ": proposal masks without their proposer config (" + f
                    + "); run `echomask masks propose` on it again");
        }
        return Json.readFile(f, ProposerConfig.class);
    }

    /** Where a dataset keeps the proposer config of its proposal masks. */
    public static Path proposerFile(Path dataset) {
        return dataset.resolve(DatasetMasks.PROPOSALS_DIR).resolve(DatasetMasks.PROPOSAL_CONFIG_FILE);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
