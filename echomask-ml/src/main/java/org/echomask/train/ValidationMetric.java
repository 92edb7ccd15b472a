package org.echomask.train;

import java.util.List;

/**
 * A validation score computed on the host from per-example scores and targets, both one row per
 * example. Higher is better (losses are negated by their implementations).
 */
public interface ValidationMetric {

    /** Short snake_case name used in metric files and the progress bar, e.g. {@code joint_accuracy}. */
    String name();

    double score(List<float[]> scores, List<float[]> targets);
}
