package org.echomask.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A classifier package scoring a dataset's examples: the flags {@code predict} and {@code evaluate} share. */
final class ScoringOptions {
    @Option(names = "--model", required = true, description = "Classifier package (directory or .zip).")
    Path model;

    @Option(names = "--dataset", required = true, description = "Dataset directory.")
    Path dataset;

    @Option(names = "--batch-size", defaultValue = "64", converter = Bounds.Positive.class,
            description = "Examples per forward pass (>= 1). Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Mixin
    ThreadsOption threads;
}
