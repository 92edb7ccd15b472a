package org.echomask.annotate;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's worker threads, each exchange on a clock, so a slow or silent client cannot hold a
 * thread (a slowloris: a few connections sending one header byte at a time used to take all of
 * them).
 *
 * <p>Why here and not in the JDK server: {@code com.sun.net.httpserver} reads request headers in
 * blocking mode on the executor's thread and has no per-read timeout; its own request timer
 * ({@code sun.net.httpserver.maxReqTime}) is a system property read once when its configuration
 * class loads, so setting it from code works only if no server was created before in the JVM.
 * Owning the executor works whatever ran before: every exchange runs under a deadline per
 * {@link Phase}, and a watchdog interrupts a thread that overruns one. The channel the thread is
 * blocked on is interruptible, so the interrupt closes that connection (the JDK server then drops
 * it) and the thread goes back to serving others. The work phase (validating a mask, writing the
 * dataset) has no deadline, so an interrupt never lands in the middle of a dataset write.
 */
final class ExchangeDeadlines implements Executor, AutoCloseable {
    /** How often the watchdog looks; a deadline is kept to within this. */
    private static final long TICK_MS = 50;
    private static final ThreadLocal<Clock> CURRENT = new ThreadLocal<>();

    /** What an exchange is doing, each with its own time allowance. */
    enum Phase {
        /** Waiting for the request line and headers (the JDK server reads them before calling the handler). */
        HEADERS,
        /** Reading the request body. */
        BODY,
        /** The server's own work (no deadline: the dataset must not be interrupted mid-write). */
        WORK,
        /** Writing the response (a client that stops reading must not hold the thread). */
        RESPONSE
    }

    private final ExchangeLimits limits;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final Set<Clock> running = ConcurrentHashMap.newKeySet();

    ExchangeDeadlines(ExchangeLimits limits) {
        this.limits = limits;
        this.workers = Executors.newFixedThreadPool(limits.threads(), r -> daemon(r, "echomask-annotate"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "echomask-annotate-watchdog"));
        watchdog.scheduleAtFixedRate(this::expireLate, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable exchange) {
        workers.execute(() -> {
            Clock clock = new Clock(Thread.currentThread());
            clock.arm(Phase.HEADERS, limits.headers());
            running.add(clock);
            CURRENT.set(clock);
            try {
                exchange.run();
            } finally {
                CURRENT.remove();
                running.remove(clock);
                clock.finish();
            }
        });
    }

    /**
     * Moves the current thread's exchange to {@code phase}; a no-op outside an exchange (a handler
     * called directly). Throws when the previous phase's deadline passed while the thread was not
     * blocked on the connection, so a late exchange goes no further.
     */
    static void enter(Phase phase) throws InterruptedIOException {
        Clock clock = CURRENT.get();
        if (clock != null) {
            clock.enter(phase);
        }
    }

    private Duration limitOf(Phase phase) {
        return switch (phase) {
            case HEADERS -> limits.headers();
            case BODY -> limits.body();
            case WORK -> null;
            case RESPONSE -> limits.response();
        };
    }

    private void expireLate() {
        long now = System.nanoTime();
        for (Clock c : running) {
            c.expireIfLate(now);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        workers.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One exchange's deadline; the lock makes "still running, so interrupt" and "finished" exclusive. */
    private final class Clock {
        private final Thread thread;
        private Phase phase;
        private long deadline;
        private boolean timedOut;
        private boolean finished;

        Clock(Thread thread) {
            this.thread = thread;
        }

        synchronized void enter(Phase next) throws InterruptedIOException {
            if (timedOut) {
                throw new InterruptedIOException("annotation server: " + describe(phase) + " took too long");
            }
            arm(next, limitOf(next));
        }

        synchronized void arm(Phase next, Duration limit) {
            phase = next;
            deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        }

        synchronized void expireIfLate(long now) {
            if (!finished && !timedOut && deadline != Long.MAX_VALUE && now - deadline > 0) {
                timedOut = true;
                thread.interrupt();
            }
        }

        /** Runs on the exchange's own thread: the pool thread must not carry the interrupt into the next exchange. */
        synchronized void finish() {
            finished = true;
            Thread.interrupted();
        }
    }

    private static String describe(Phase phase) {
        return switch (phase) {
            case HEADERS -> "receiving the request headers";
            case BODY -> "receiving the request body";
            case WORK -> "the request";
            case RESPONSE -> "sending the response";
        };
    }
}
