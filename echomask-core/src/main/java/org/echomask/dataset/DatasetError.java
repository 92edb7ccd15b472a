package org.echomask.dataset;

/** A recording left out of a dataset, and why. */
public record DatasetError(String path, String problem) {}
