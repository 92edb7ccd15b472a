package org.echomask.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Which examples go into which batch, for training (seeded shuffle) and for inference (in order). */
final class BatchPlan {
    private BatchPlan() {}

    /**
     * The batches of one training epoch: indices shuffled with a {@link Random} seeded from
     * (seed, epoch), then cut into batches of {@code batchSize}. A last partial batch is kept
     * unless it holds a single example, which BatchNorm cannot normalise in training mode.
     */
    static List<List<Integer>> training(int size, int batchSize, long seed, int epoch) {
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(Seeds.derive(seed, Seeds.SHUFFLE, epoch)));
        List<List<Integer>> batches = cut(order, batchSize);
        if (!batches.isEmpty() && batches.get(batches.size() - 1).size() == 1) {
            batches.remove(batches.size() - 1);
        }
        return batches;
    }

    /** Optimizer steps per training epoch (the same every epoch). */
    static int trainingSteps(int size, int batchSize) {
        int steps = size / batchSize;
        int rest = size % batchSize;
        return rest >= 2 ? steps + 1 : steps;
    }

    /** All examples in order, every one included. */
    static List<List<Integer>> inOrder(int size, int batchSize) {
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        return cut(order, batchSize);
    }

    private static List<List<Integer>> cut(List<Integer> order, int batchSize) {
        List<List<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += batchSize) {
            batches.add(List.copyOf(order.subList(from, Math.min(order.size(), from + batchSize))));
        }
        return batches;
    }
}
