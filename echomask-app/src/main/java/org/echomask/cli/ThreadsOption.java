package org.echomask.cli;

import picocli.CommandLine.Option;

/**
 * {@code --threads} of the commands that spread examples or recordings over worker threads
 * (dataset, masks, predict, evaluate, segment predict). Not the trainer's {@code --threads}
 * (loader threads, where 0 means the training thread; see {@link TrainingOptions}) nor analyze's
 * (whose default depends on the engine).
 */
final class ThreadsOption {
    @Option(names = "--threads", converter = Bounds.Positive.class,
            description = "Worker threads (>= 1; default: all cores).")
    Integer threads;

    /** The threads asked for, or every core. */
    int resolve() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
