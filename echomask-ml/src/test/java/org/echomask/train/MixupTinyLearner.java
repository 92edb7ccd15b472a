package org.echomask.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * {@link TinyLearner} with input Mixup in its own training loss, the way a second-wave learner
 * plugs in: λ and the partner permutation come from the step's random stream. Records every
 * draw as "epoch/batch: λ partners" so a test can compare runs.
 */
final class MixupTinyLearner extends TinyLearner {
    final List<String> draws = new ArrayList<>();

    @Override
    public NDArray trainingLoss(ParameterStore store, NDList inputs, NDArray target, TrainingStep step) {
        Random random = step.random();
        float lambda = random.nextFloat();
        int n = (int) target.getShape().get(0);
        List<Integer> partners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            partners.add(i);
        }
        Collections.shuffle(partners, random);
        draws.add(step.epoch() + "/" + step.batch() + ": " + lambda + " " + partners);
        NDArray index = target.getManager().create(partners.stream().mapToLong(Integer::longValue).toArray());
        NDArray x = inputs.singletonOrThrow();
        NDArray mixedX = x.mul(lambda).add(x.get(index).mul(1 - lambda));
        NDArray mixedT = target.mul(lambda).add(target.get(index).mul(1 - lambda));
        return loss(block().forward(store, new NDList(mixedX), true), mixedT);
    }
}
