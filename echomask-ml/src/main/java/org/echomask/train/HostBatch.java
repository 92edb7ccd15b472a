package org.echomask.train;

import java.util.List;

/**
 * One batch as a loader thread assembles it: the example ids, the model inputs in the order the
 * block expects them, and the training target (one row per example).
 */
public record HostBatch(List<String> ids, List<HostTensor> inputs, HostTensor target) {
    public HostBatch {
        ids = List.copyOf(ids);
        inputs = List.copyOf(inputs);
        for (HostTensor t : inputs) {
            if (t.rows() != ids.size()) {
                throw new IllegalArgumentException("input has " + t.rows() + " rows for " + ids.size() + " ids");
            }
        }
        if (target.rows() != ids.size()) {
            throw new IllegalArgumentException("target has " + target.rows() + " rows for " + ids.size() + " ids");
        }
    }

    public int size() {
        return ids.size();
    }
}
