package org.echomask.train;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.echomask.EchomaskException;

/**
 * Assembles batches on loader threads ahead of the model and hands them out in plan order. At
 * most {@code window} batches are queued or being built besides the one in use, which bounds the
 * host memory and keeps loaders idle (not competing with the engine's threads) while the model
 * is the bottleneck. Each batch gets its own seeded {@link Random}, so results do not depend on
 * which thread built which batch or when.
 */
final class Prefetcher implements AutoCloseable {
    private final BatchSource source;
    private final List<List<Integer>> plan;
    private final boolean augment;
    private final IntFunction<Random> randomForBatch;
    private final ExecutorService loaders;
    private final Deque<Future<HostBatch>> pending = new ArrayDeque<>();
    private int submitted;
    private int taken;

    /**
     * @param loaders thread pool that builds batches; null to build each one on the caller's thread when asked
     * @param window batches built ahead (at least 1)
     */
    Prefetcher(BatchSource source, List<List<Integer>> plan, boolean augment, IntFunction<Random> randomForBatch,
            ExecutorService loaders, int window) {
        this.source = source;
        this.plan = plan;
        this.augment = augment;
        this.randomForBatch = randomForBatch;
        this.loaders = loaders;
        if (loaders != null) {
            while (submitted < plan.size() && pending.size() < window) {
                submitNext();
            }
        }
    }

    /** A pool of daemon loader threads, or null for {@code threads == 0} (batches built on the caller's thread). */
    static ExecutorService loaderPool(int threads) {
        if (threads == 0) {
            return null;
        }
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "echomask-loader-" + count.incrementAndGet());
            thread.setDaemon(true); // a failed run must not keep the JVM alive
            return thread;
        });
    }

    static void shutdown(ExecutorService pool) {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    boolean hasNext() {
        return taken < plan.size();
    }

    /** The next batch of the plan, waiting for its loader if needed. */
    HostBatch next() {
        if (!hasNext()) {
            throw new IllegalStateException("all " + plan.size() + " batches taken");
        }
        int index = taken++;
        if (loaders == null) {
            return build(index);
        }
        Future<HostBatch> future = pending.removeFirst();
        if (submitted < plan.size()) {
            submitNext(); // keep the window full while the model works on this batch
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EchomaskException("interrupted while waiting for batch " + index, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new EchomaskException("loading batch " + index + " failed: " + cause, cause);
        } catch (CancellationException e) {
            throw new EchomaskException("batch " + index + " was cancelled", e);
        }
    }

    @Override
    public void close() {
        for (Future<HostBatch> future : pending) {
            future.cancel(true);
        }
        pending.clear();
    }

    private void submitNext() {
        int index = submitted++;
        pending.addLast(loaders.submit(() -> build(index)));
    }

    private HostBatch build(int index) {
        List<Integer> indices = plan.get(index);
        HostBatch batch = source.batch(indices, augment, randomForBatch.apply(index));
        if (batch.size() != indices.size()) {
            throw new EchomaskException("batch source returned " + batch.size() + " examples for " + indices.size() + " indices");
        }
        return batch;
    }
}
