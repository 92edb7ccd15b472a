package org.echomask.train;

import java.util.ArrayList;
import java.util.List;
import org.echomask.Progress;

/** Records tasks, steps and status lines; can simulate a kill by throwing when a given task starts. */
final class RecordingProgress implements Progress {
    final List<String> tasks = new ArrayList<>();
    final List<String> statuses = new ArrayList<>();
    long steps;
    private final String killAt;

    RecordingProgress() {
        this(null);
    }

    /** Throws {@link Killed} when a task named {@code killAt} starts. */
    RecordingProgress(String killAt) {
        this.killAt = killAt;
    }

    static final class Killed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Killed(String task) {
            super("simulated kill at " + task);
        }
    }

    @Override
    public synchronized void start(String task, long total) {
        if (task.equals(killAt)) {
            throw new Killed(task);
        }
        tasks.add(task + " (" + total + ")");
    }

    @Override
    public synchronized void step(long units) {
        steps += units;
    }

    @Override
    public synchronized void status(String text) {
        statuses.add(text);
    }

    @Override
    public void finish() {}
}
