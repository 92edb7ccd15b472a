package org.echomask;

/**
 * How long-running core work reports progress without knowing who shows it (a terminal bar in
 * the command line, nothing in tests). Implementations must be thread-safe: work may be spread
 * over several threads.
 */
public interface Progress {

    /** Starts a task of {@code total} units (-1 if unknown). */
    void start(String task, long total);

    /** Adds {@code units} done. */
    void step(long units);

    /** Shows a short status next to the bar (e.g. the current file). */
    default void status(String text) {}

    /** Ends the current task. */
    void finish();

    /** A listener that ignores everything. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void step(long units) {}

        @Override
        public void finish() {}
    };
}
