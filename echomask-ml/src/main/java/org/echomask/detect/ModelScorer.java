package org.echomask.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.echomask.EchomaskException;
import org.echomask.classify.ClassifierCard;
import org.echomask.classify.ClassifierModel;
import org.echomask.classify.ClassifierSpec;
import org.echomask.mask.MaskChannels;
import org.echomask.mask.MaskMaker;
import org.echomask.model.ModelPackage;
import org.echomask.segment.SegmenterMasks;
import org.echomask.spectrogram.Spectrogram;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.spectrogram.WindowRenderer;
import org.echomask.train.HostTensor;
import org.echomask.train.InferenceSession;
import org.echomask.train.InferenceThreads;

/**
 * The classifiers of an analysis as a {@link WindowScorer}: each window is rendered once per
 * distinct transform (overlapping windows of a run share their frames), masks are made as each
 * model was trained, by the {@link MaskMaker} of its mask recipe (a concurrent one, the proposer,
 * with the mask channel on the worker threads; a network, the segmenter packaged in the
 * classifier, on the scoring thread, batched), and the models' per-label probabilities are
 * averaged with their weights. All models must share labels and sample rate. Holds native memory:
 * close it.
 */
public final class ModelScorer implements WindowScorer<ModelScorer.Prepared> {
    private final List<Member> members;
    private final List<SpectrogramTransform> transforms = new ArrayList<>();
    private final int[] transformOf;
    private final List<String> labels;
    private final int rate;
    private final double[] weights;
    private volatile double[][] rowHz;

    /**
     * One window rendered: flattened spectrogram per transform; per model whose masks are made on
     * the workers ({@link MaskMaker#concurrent}), its flattened mask channel and the mask's
     * {@code {lowHz, highHz}} (null for the others).
     */
    public record Prepared(float[][] spectrograms, float[][] masks, double[][] bands) {}

    /** One loaded classifier with the maker of its masks (null for image-only models). */
    private record Member(Path path, ClassifierModel model, InferenceSession session, MaskMaker masks) {
        ClassifierSpec spec() {
            return model.spec();
        }

        /** Whether its masks are made on the worker threads, in {@link #prepareRun}. */
        boolean masksOnWorkers() {
            return masks != null && masks.concurrent();
        }

        float[] channel(boolean[][] mask) {
            return MaskChannels.of(mask, spec().maskKind(), spec().softSigma());
        }
    }

    private ModelScorer(List<Member> members, double[] weights) {
        this.members = members;
        this.weights = weights.clone();
        ClassifierSpec first = members.get(0).spec();
        this.labels = first.labels();
        this.rate = members.get(0).model().card().transform().sampleRate();
        this.transformOf = new int[members.size()];
        for (int m = 0; m < members.size(); m++) {
            Member x = members.get(m);
            SpectrogramTransform t = x.model().card().transform();
            if (!x.spec().labels().equals(labels)) {
                throw new EchomaskException(x.path() + ": labels " + x.spec().labels() + " differ from " + labels + " of "
                        + members.get(0).path() + "; an ensemble needs one label set");
            }
            if (t.sampleRate() != rate) {
                throw new EchomaskException(x.path() + ": renders at " + t.sampleRate() + " Hz but " + members.get(0).path()
                        + " at " + rate + " Hz; an ensemble needs one sample rate");
            }
            int i = transforms.indexOf(t);
            if (i < 0) {
                transforms.add(t);
                i = transforms.size() - 1;
            }
            transformOf[m] = i;
        }
        rowHz = new double[transforms.size()][];
    }

    /**
     * Loads the classifiers (and their segmenters) and checks that their masks can be made here.
     *
     * @param inferenceThreads libtorch's intra-op threads for this process ({@link InferenceThreads}); 0 leaves them
     * @param notes receives one line per thing a person should know (where a proposer config came from...)
     */
    public static ModelScorer open(List<Path> packages, double[] weights, int inferenceThreads, Consumer<String> notes) {
        if (packages.isEmpty() || packages.size() != weights.length) {
            throw new EchomaskException(packages.size() + " models but " + weights.length + " weights");
        }
        try {
            Ensemble.checkWeights(weights);
        } catch (IllegalArgumentException e) {
            throw new EchomaskException(e.getMessage(), e);
        }
        List<Member> members = new ArrayList<>();
        try {
            for (Path p : packages) {
                members.add(load(p, notes));
            }
            InferenceThreads.set(inferenceThreads);
            return new ModelScorer(members, weights);
        } catch (RuntimeException e) {
            members.forEach(ModelScorer::closeMember);
            throw e;
        }
    }

    /**
     * A serializable recipe that opens these models wherever it runs (paths as strings: the
     * packages must be readable at the same paths there, e.g. on a shared file system).
     */
    public static ScorerFactory factory(List<Path> packages, double[] weights, int inferenceThreads) {
        return new Packages(packages.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList(), weights.clone(),
                inferenceThreads);
    }

    /** {@link #factory}: opens the packages, notes dropped (the driver has shown them). */
    private record Packages(List<String> paths, double[] weights, int inferenceThreads) implements ScorerFactory {
        private static final long serialVersionUID = 1L;

        Packages {
            paths = List.copyOf(paths);
        }

        @Override
        public WindowScorer<?> open() {
            return ModelScorer.open(paths.stream().map(Path::of).toList(), weights, inferenceThreads, note -> {});
        }
    }

    private static Member load(Path path, Consumer<String> notes) {
        ClassifierModel model = ClassifierModel.open(path);
        MaskMaker masks = null;
        try {
            model.opened().warnings().forEach(w -> notes.accept(path + ": " + w));
            ClassifierSpec spec = model.spec();
            if (model.card().transform().sampleRate() <= 0) {
                throw new EchomaskException(path + ": transform '" + model.card().transform().name()
                        + "' keeps each recording's own rate; analysis needs a fixed rate");
            }
            if (spec.maskKind().used()) {
                TrainingRecipe.Masks recipe = TrainingRecipe.masks(model.opened());
                if (recipe.proposer() != null) {
                    TrainingRecipe.Proposer p = recipe.proposer();
                    notes.accept(path + ": proposal masks with the proposer config from " + p.source()
                            + (p.fallback() ? "; analysis masks may differ from the training masks" : ""));
                }
                try {
                    masks = SegmenterMasks.forRecipe(recipe.recipe(),
                            model.opened().hasSegmenter() ? model.opened().segmenterDir() : null);
                    masks.checkSize(spec.inputHeight(), spec.inputWidth());
                } catch (EchomaskException e) {
                    throw new EchomaskException(path + ": trained on " + recipe.recipe().source() + " masks, but "
                            + e.getMessage(), e);
                }
                notes.accept(path + ": " + recipe.recipe().source() + " masks by the " + masks.describe());
            }
            return new Member(path, model, model.session(), masks);
        } catch (RuntimeException e) {
            if (masks != null) {
                masks.close();
            }
            model.close();
            throw e;
        }
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public int sampleRate() {
        return rate;
    }

    @Override
    public double[] band() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (SpectrogramTransform t : transforms) {
            lo = Math.min(lo, t.fminHz());
            hi = Math.max(hi, t.effectiveFmax(rate));
        }
        return new double[] {lo, hi};
    }

    @Override
    public Prepared prepare(float[] samples) {
        return prepareRun(samples, new int[] {0}, samples.length).get(0);
    }

    /** Renders the windows sharing their frames ({@link WindowRenderer}), then each window's proposal masks. */
    @Override
    public List<Prepared> prepareRun(float[] span, int[] offsets, int length) {
        List<List<Spectrogram>> rendered = new ArrayList<>(transforms.size());
        for (int t = 0; t < transforms.size(); t++) {
            List<Spectrogram> r = new WindowRenderer(transforms.get(t), rate).render(span, offsets, length);
            if (rowHz[t] == null) {
                rowHz[t] = r.get(0).frequenciesHz(); // the same for every window at this rate
            }
            rendered.add(r);
        }
        List<Prepared> out = new ArrayList<>(offsets.length);
        for (int i = 0; i < offsets.length; i++) {
            float[][] specs = new float[transforms.size()][];
            float[][] masks = new float[members.size()][];
            double[][] bands = new double[members.size()][];
            for (int m = 0; m < members.size(); m++) {
                Member x = members.get(m);
                float[][] v = rendered.get(transformOf[m]).get(i).values();
                checkShape(x, v, length);
                if (x.masksOnWorkers()) {
                    boolean[][] mask = x.masks().make(v);
                    masks[m] = x.channel(mask);
                    bands[m] = MaskExtent.band(mask, rowHz[transformOf[m]]);
                }
            }
            for (int t = 0; t < transforms.size(); t++) {
                specs[t] = MaskChannels.flatten(rendered.get(t).get(i).values());
            }
            out.add(new Prepared(specs, masks, bands));
        }
        return out;
    }

    private void checkShape(Member x, float[][] v, int samples) {
        if (v.length != x.spec().inputHeight() || v[0].length != x.spec().inputWidth()) {
            throw new EchomaskException(x.path() + ": a " + samples / (double) rate + " s window renders to "
                    + v.length + "x" + v[0].length + " but the model takes " + x.spec().inputHeight() + "x"
                    + x.spec().inputWidth() + "; use the window length it was trained on (--window-s)");
        }
    }

    @Override
    public List<Scored> score(List<Prepared> batch) {
        int n = batch.size();
        List<List<float[]>> perModel = new ArrayList<>();
        double[] low = new double[n];
        double[] high = new double[n];
        java.util.Arrays.fill(low, Double.NaN);
        java.util.Arrays.fill(high, Double.NaN);
        for (int m = 0; m < members.size(); m++) {
            Member x = members.get(m);
            ClassifierSpec spec = x.spec();
            int h = spec.inputHeight();
            int w = spec.inputWidth();
            float[] spec4d = new float[n * h * w];
            for (int b = 0; b < n; b++) {
                System.arraycopy(batch.get(b).spectrograms()[transformOf[m]], 0, spec4d, b * h * w, h * w);
            }
            HostTensor specTensor = new HostTensor(spec4d, new long[] {n, 1, h, w});
            List<HostTensor> inputs = new ArrayList<>(2);
            inputs.add(specTensor);
            if (spec.maskKind().used()) {
                float[][] masks = new float[n][];
                double[][] bands = new double[n][];
                if (!x.masksOnWorkers()) {
                    List<float[][]> spectrograms = new ArrayList<>(n);
                    for (int b = 0; b < n; b++) {
                        spectrograms.add(grid(batch.get(b).spectrograms()[transformOf[m]], h, w));
                    }
                    List<boolean[][]> made = x.masks().make(spectrograms);
                    for (int b = 0; b < n; b++) {
                        masks[b] = x.channel(made.get(b));
                        bands[b] = MaskExtent.band(made.get(b), rowHz[transformOf[m]]);
                    }
                } else {
                    for (int b = 0; b < n; b++) {
                        masks[b] = batch.get(b).masks()[m];
                        bands[b] = batch.get(b).bands()[m];
                    }
                }
                float[] mask4d = new float[n * h * w];
                for (int b = 0; b < n; b++) {
                    System.arraycopy(masks[b], 0, mask4d, b * h * w, h * w);
                    double[] band = bands[b];
                    if (!Double.isNaN(band[0])) {
                        low[b] = Double.isNaN(low[b]) ? band[0] : Math.min(low[b], band[0]);
                        high[b] = Double.isNaN(high[b]) ? band[1] : Math.max(high[b], band[1]);
                    }
                }
                inputs.add(new HostTensor(mask4d, new long[] {n, 1, h, w}));
            }
            List<float[]> rows = x.session().scores(inputs);
            List<float[]> probs = new ArrayList<>(n);
            for (float[] r : rows) {
                probs.add(spec.task().labelProbabilities(spec.labelSet(), r));
            }
            perModel.add(probs);
        }
        List<Scored> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            List<float[]> rows = new ArrayList<>(members.size());
            for (List<float[]> pm : perModel) {
                rows.add(pm.get(b));
            }
            out.add(new Scored(Ensemble.weightedMean(rows, weights), low[b], high[b]));
        }
        return out;
    }

    /** A row-major (h, w) image as {@code [frequency][time]} rows. */
    private static float[][] grid(float[] flat, int h, int w) {
        float[][] g = new float[h][w];
        for (int r = 0; r < h; r++) {
            System.arraycopy(flat, r * w, g[r], 0, w);
        }
        return g;
    }

    /** The opened packages, in the order given (their cards, provenance and files). */
    public List<ModelPackage.Opened<ClassifierCard>> packages() {
        return members.stream().map(x -> x.model().opened()).toList();
    }

    /** A one-line description per model, for logs and the summary. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            Member x = members.get(m);
            out.add(String.format(Locale.ROOT, "%s (%s, transform %s, weight %s)", x.path(), x.spec().describe(),
                    x.model().card().transform().name(), weights[m]));
        }
        return out;
    }

    /** The decision threshold of the models' cards (their mean). */
    public double cardThreshold() {
        return members.stream().mapToDouble(x -> x.model().card().threshold()).average().orElse(0.5);
    }

    @Override
    public void close() {
        members.forEach(ModelScorer::closeMember);
    }

    private static void closeMember(Member x) {
        if (x.masks() != null) {
            x.masks().close();
        }
        x.session().close();
        x.model().close();
    }
}
