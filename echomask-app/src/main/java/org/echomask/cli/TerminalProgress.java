package org.echomask.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.echomask.Progress;

/**
 * Shows core progress to a person: a live bar on a terminal, and on a pipe or log file plain
 * lines at most every few seconds (a redrawn bar would fill logs with carriage returns).
 */
final class TerminalProgress implements Progress {
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private final PrintStream err;
    private final boolean interactive;
    private ProgressBar bar;
    private String task;
    private long total;
    private long done;
    private long started;
    private long lastPrinted;

    TerminalProgress(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    /** A bar on stderr when a console is attached, plain lines otherwise. */
    static Progress forStderr() {
        return new TerminalProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void start(String taskName, long totalUnits) {
        finish();
        task = taskName;
        total = totalUnits;
        done = 0;
        started = System.nanoTime();
        lastPrinted = started;
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(taskName).setInitialMax(Math.max(totalUnits, -1))
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(250).build();
        } else {
            err.println(task + ": started" + (total > 0 ? " (" + total + ")" : ""));
        }
    }

    @Override
    public synchronized void step(long units) {
        done += units;
        if (bar != null) {
            bar.stepBy(units);
        } else if (task != null && System.nanoTime() - lastPrinted > PLAIN_INTERVAL_NANOS) {
            lastPrinted = System.nanoTime();
            err.println(line());
        }
    }

    @Override
    public synchronized void status(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public synchronized void finish() {
        if (task == null) {
            return;
        }
        if (bar != null) {
            bar.close();
            bar = null;
        } else {
            err.println(line() + " done");
        }
        task = null;
    }

    private String line() {
        double secs = (System.nanoTime() - started) / 1e9;
        String count = total > 0 ? String.format(Locale.ROOT, "%d/%d (%.0f%%)", done, total, 100.0 * done / total)
                : Long.toString(done);
        return String.format(Locale.ROOT, "%s: %s in %.1f s", task, count, secs);
    }
}
