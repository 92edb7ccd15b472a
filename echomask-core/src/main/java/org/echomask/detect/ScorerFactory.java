package org.echomask.detect;

import java.io.Serializable;

/**
 * Opens a {@link WindowScorer} where recordings are analysed. Serializable, so a distributed
 * engine ships the factory (model paths and weights, not the loaded models) to its workers and
 * each worker opens its own scorer once for all the recordings it is given.
 */
@FunctionalInterface
public interface ScorerFactory extends Serializable {
    WindowScorer<?> open();
}
