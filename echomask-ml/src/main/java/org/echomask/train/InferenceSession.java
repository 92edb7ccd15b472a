package org.echomask.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.nn.Engines;

/**
 * Scores batches one at a time as a caller produces them (streaming analysis of long recordings),
 * with the same scoping as {@link Predictor}: one long-lived manager for the parameter store, one
 * sub-manager per batch closed as soon as the scores are on the host. Use it from one thread:
 * PyTorch's autograd switch is per thread and is turned off for each call.
 */
public final class InferenceSession implements AutoCloseable {
    private final Learner learner;
    private final NDManager manager;
    private final ParameterStore parameters;

    public InferenceSession(Learner learner) {
        if (!learner.block().isInitialized()) {
            throw new EchomaskException("cannot predict: the network has no weights (train or load it first)");
        }
        this.learner = learner;
        this.manager = Engines.pytorch().newBaseManager();
        this.parameters = new ParameterStore(manager, false);
    }

    /** One row of {@link Learner#scores} per example of the batch; every input has the batch as its first dimension. */
    public List<float[]> scores(List<HostTensor> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one input tensor");
        }
        int rows = inputs.get(0).rows();
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scope = manager.newSubManager()) {
            NDList outputs = learner.block().forward(parameters, Tensors.inputs(inputs, scope), false);
            return Tensors.rows(learner.scores(outputs), rows);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
