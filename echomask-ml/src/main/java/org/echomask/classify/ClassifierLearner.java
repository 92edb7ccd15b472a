package org.echomask.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import org.echomask.label.LabelSet;
import org.echomask.train.Learner;
import org.echomask.train.ValidationMetric;

/**
 * Trains a {@link MaskGuidedClassifier}: a {@link ClassificationLoss} by name (by default the
 * task's: BCE for multilabel, power-set cross-entropy for multiclass), optional class weights,
 * joint accuracy as the validation metric. Its training loss is the default forward-then-loss;
 * mixing strategies are learners of their own that run the classifier's stages.
 */
public final class ClassifierLearner implements Learner {
    private final MaskGuidedClassifier block;
    private final Task task;
    private final LabelSet labels;
    private final int channels;
    private final int height;
    private final int width;
    private final float[] classWeights;
    private final ClassificationLoss loss;

    /** The learner with the task's default loss ({@link Losses#forTask}). */
    public ClassifierLearner(MaskGuidedClassifier block, Task task, LabelSet labels, int channels, int height, int width,
            float[] classWeights) {
        this(block, task, labels, channels, height, width, classWeights, Losses.forTask(task).name());
    }

    /**
     * @param classWeights one weight per output (K positive weights for multilabel, 2^K class
     *     weights for multiclass), or null for none
     * @param loss a {@link Losses} name
     */
    public ClassifierLearner(MaskGuidedClassifier block, Task task, LabelSet labels, int channels, int height, int width,
            float[] classWeights, String loss) {
        if (classWeights != null && classWeights.length != task.outputs(labels)) {
            throw new IllegalArgumentException(classWeights.length + " class weights for " + task.outputs(labels) + " outputs");
        }
        this.block = block;
        this.task = task;
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classWeights = classWeights == null ? null : classWeights.clone();
        this.loss = Losses.named(loss);
    }

    /** The loss's registry name. */
    public String lossName() {
        return loss.name();
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public Shape[] inputShapes() {
        Shape spec = new Shape(1, channels, height, width);
        return block.maskInput().used() ? new Shape[] {spec, new Shape(1, 1, height, width)} : new Shape[] {spec};
    }

    @Override
    public NDArray loss(NDList predictions, NDArray target) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray weights = classWeights == null ? null : logits.getManager().create(classWeights);
        return loss.compute(logits, target, weights);
    }

    @Override
    public NDArray scores(NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        return task == Task.MULTILABEL ? Activation.sigmoid(logits) : logits.softmax(1);
    }

    @Override
    public ValidationMetric metric() {
        return new JointAccuracy(task, labels, 0.5);
    }
}
