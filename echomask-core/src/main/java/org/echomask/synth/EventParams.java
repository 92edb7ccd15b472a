package org.echomask.synth;

/** Concrete parameters of one drawn biological event: the generator only needs its length to place it. */
public interface EventParams {
    double durationS();
}
