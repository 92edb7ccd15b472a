package org.echomask.segment;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.dataset.DatasetMasks;
import org.echomask.dataset.ExampleSet;
import org.echomask.mask.MaskRecipe;
import org.echomask.model.ModelPackage;
import org.echomask.nn.Engines;
import org.echomask.train.Predictor;

/** A trained segmentation network loaded from its package. Holds native memory: close it. */
public final class SegmenterModel implements AutoCloseable {
    private final ModelPackage.Opened<SegmenterCard> opened;
    private final SegmentationLearner learner;
    private final NDManager manager;

    private SegmenterModel(ModelPackage.Opened<SegmenterCard> opened, SegmentationLearner learner, NDManager manager) {
        this.opened = opened;
        this.learner = learner;
        this.manager = manager;
    }

    public static SegmenterModel open(Path pkg) {
        ModelPackage.Opened<SegmenterCard> opened = ModelPackage.open(pkg, SegmenterCard.class, SegmenterCard.KIND);
        SegmenterCard card = opened.card();
        NDManager manager = null;
        try {
            manager = Engines.pytorch().newBaseManager();
            Block block = org.echomask.nn.DeepLabV3.create(card.spec());
            SegmentationLearner learner = new SegmentationLearner(block, card.inputHeight(), card.inputWidth());
            block.initialize(manager, DataType.FLOAT32, learner.inputShapes());
            ModelPackage.loadWeights(opened, block, manager, "spec " + card.spec().describe());
            return new SegmenterModel(opened, learner, manager);
        } catch (RuntimeException e) {
            if (manager != null) {
                manager.close();
            }
            opened.close();
            throw e instanceof EchomaskException ? e : new EchomaskException(pkg + ": cannot load segmenter: "
                    + EchomaskException.rootMessage(e), e);
        }
    }

    public SegmenterCard card() {
        return opened.card();
    }

    public ModelPackage.Opened<SegmenterCard> opened() {
        return opened;
    }

    /**
     * A session that turns batches of spectrograms (N, 1, H, W) into signal probability images
     * (row-major H*W) as they come (streaming analysis). Close it before the model.
     */
    public org.echomask.train.InferenceSession session() {
        return new org.echomask.train.InferenceSession(learner);
    }

    /** Signal probability images (row-major H*W) of every example, in order. */
    public List<float[]> probabilities(ExampleSet examples, int batchSize, Progress progress) {
        SegmenterCard c = card();
        if (examples.size() > 0 && (examples.height() != c.inputHeight() || examples.width() != c.inputWidth())) {
            throw new EchomaskException(examples.datasetDir() + ": arrays are " + examples.height() + "x" + examples.width()
                    + " but the segmenter expects " + c.inputHeight() + "x" + c.inputWidth());
        }
        return new Predictor(batchSize, 1, 2).scores(learner, new SegmentationBatches(examples), progress);
    }

    /**
     * Predicts a mask for every example and records them as the dataset's {@code generated}
     * masks, noting which package made them (classifiers trained on them embed it).
     *
     * @return mean mask coverage
     */
    public double writeGeneratedMasks(ExampleSet examples, Path packagePath, int batchSize, Progress progress) {
        List<float[]> p = probabilities(examples, batchSize, progress);
        Map<String, boolean[][]> masks = new LinkedHashMap<>();
        double coverage = 0;
        for (int i = 0; i < p.size(); i++) {
            boolean[][] m = SegmenterEvaluation.toMask(p.get(i), examples.height(), examples.width(), card().threshold());
            masks.put(examples.get(i).entry().id(), m);
            coverage += org.echomask.mask.BinaryMasks.coverage(m);
        }
        DatasetMasks.writeKind(examples.datasetDir(), MaskRecipe.GENERATED, masks);
        SegmenterMasks.recordSource(examples.datasetDir(), packagePath);
        return p.isEmpty() ? 0 : coverage / p.size();
    }

    @Override
    public void close() {
        manager.close();
        opened.close();
    }
}
