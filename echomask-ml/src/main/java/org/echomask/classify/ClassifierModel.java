package org.echomask.classify;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.augment.Pipeline;
import org.echomask.dataset.ExampleSet;
import org.echomask.model.ModelPackage;
import org.echomask.nn.Engines;
import org.echomask.train.Predictor;

/**
 * A trained classifier loaded from its package, ready to score examples. Holds native memory:
 * close it.
 */
public final class ClassifierModel implements AutoCloseable {
    private final ModelPackage.Opened<ClassifierCard> opened;
    private final MaskGuidedClassifier block;
    private final ClassifierLearner learner;
    private final NDManager manager;

    private ClassifierModel(ModelPackage.Opened<ClassifierCard> opened, MaskGuidedClassifier block,
            ClassifierLearner learner, NDManager manager) {
        this.opened = opened;
        this.block = block;
        this.learner = learner;
        this.manager = manager;
    }

    public static ClassifierModel open(Path pkg) {
        ModelPackage.Opened<ClassifierCard> opened = ModelPackage.open(pkg, ClassifierCard.class, ClassifierCard.KIND);
        NDManager manager = null;
        try {
            ClassifierSpec spec = opened.card().spec();
            manager = Engines.pytorch().newBaseManager();
            MaskGuidedClassifier block = spec.build();
            ClassifierLearner learner = new ClassifierLearner(block, spec.task(), spec.labelSet(), 1, spec.inputHeight(),
                    spec.inputWidth(), null, spec.loss());
            block.initialize(manager, DataType.FLOAT32, learner.inputShapes());
            ModelPackage.loadWeights(opened, block, manager, "spec " + spec.describe());
            return new ClassifierModel(opened, block, learner, manager);
        } catch (RuntimeException e) {
            if (manager != null) {
                manager.close();
            }
            opened.close();
            throw e instanceof EchomaskException ? e : new EchomaskException(pkg + ": cannot load classifier: "
                    + EchomaskException.rootMessage(e), e);
        }
    }

    public ClassifierCard card() {
        return opened.card();
    }

    public ModelPackage.Opened<ClassifierCard> opened() {
        return opened;
    }

    public ClassifierSpec spec() {
        return opened.card().spec();
    }

    public MaskGuidedClassifier block() {
        return block;
    }

    /**
     * A session that scores batches as they come (streaming analysis): inputs (N, 1, H, W)
     * spectrograms, then masks when the model has a mask branch. Close it before the model.
     */
    public org.echomask.train.InferenceSession session() {
        return new org.echomask.train.InferenceSession(learner);
    }

    /** Score rows (sigmoid or power-set softmax) of every example, in order. */
    public List<float[]> scores(ExampleSet examples, int batchSize, Progress progress) {
        ClassifierSpec spec = spec();
        if (examples.size() > 0 && (examples.height() != spec.inputHeight() || examples.width() != spec.inputWidth())) {
            throw new EchomaskException(examples.datasetDir() + ": arrays are " + examples.height() + "x" + examples.width()
                    + " but the model expects " + spec.inputHeight() + "x" + spec.inputWidth());
        }
        ClassificationBatches batches = new ClassificationBatches(examples, spec.maskInput().used(), spec.task(),
                spec.labelSet(), Pipeline.NONE); // the card's augmentation is a training record
        return new Predictor(batchSize, 1, 2).scores(learner, batches, progress);
    }

    /** One example's outcome: per-label probabilities and the predicted labels. */
    public record Prediction(String id, List<String> trueLabels, List<String> predicted, float[] labelProbabilities,
            float[] scores) {}

    public List<Prediction> predict(ExampleSet examples, int batchSize, Progress progress) {
        List<float[]> scores = scores(examples, batchSize, progress);
        ClassifierSpec spec = spec();
        List<Prediction> out = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            var entry = examples.get(i).entry();
            float[] s = scores.get(i);
            out.add(new Prediction(entry.id(), entry.labels(), spec.task().predict(spec.labelSet(), s, card().threshold()),
                    spec.task().labelProbabilities(spec.labelSet(), s), s));
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
        opened.close();
    }
}
