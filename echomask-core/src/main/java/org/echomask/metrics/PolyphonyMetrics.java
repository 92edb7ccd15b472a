package org.echomask.metrics;

/**
 * The examples with exactly {@code level} true labels: how many, their joint (exact-match)
 * accuracy, and macro F1 over all K labels computed on that subset alone. At level 0 nothing is
 * true, so every label's F1 is 0 (zero_division=0) and so is the macro F1; read the accuracy there.
 */
public record PolyphonyMetrics(int level, int n, double jointAccuracy, double macroF1) {}
