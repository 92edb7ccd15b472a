package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrefetcherTest {

    /** Each example's value is the first draw of the batch's random, so the test sees which seed built it. */
    private static final class CountingSource implements BatchSource {
        final AtomicInteger built = new AtomicInteger();
        final int failAt;

        CountingSource(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public int size() {
            return 40;
        }

        @Override
        public HostBatch batch(List<Integer> indices, boolean augment, Random random) {
            if (indices.get(0) == failAt) {
                throw new IllegalStateException("broken example " + failAt);
            }
            built.incrementAndGet();
            float draw = random.nextFloat();
            float[] values = new float[indices.size()];
            java.util.Arrays.fill(values, draw);
            List<String> ids = indices.stream().map(String::valueOf).toList();
            return new HostBatch(ids, List.of(), new HostTensor(values, new long[] {indices.size(), 1}));
        }
    }

    @Test
    void batchesComeInPlanOrderWithTheirOwnSeedsWhateverTheThreads() {
        List<List<Integer>> plan = BatchPlan.inOrder(40, 4);
        List<List<String>> inline = drain(new CountingSource(-1), plan, 0, 1);
        List<List<String>> threaded = drain(new CountingSource(-1), plan, 3, 2);
        assertThat(threaded).isEqualTo(inline).hasSize(10);
        assertThat(threaded.get(3).get(0)).startsWith("12:");
    }

    @Test
    void loadersStayAtMostAWindowAhead() throws InterruptedException {
        CountingSource source = new CountingSource(-1);
        ExecutorService pool = Prefetcher.loaderPool(2);
        try (Prefetcher prefetcher = new Prefetcher(source, BatchPlan.inOrder(40, 4), false, b -> new Random(b), pool, 3)) {
            prefetcher.next();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (source.built.get() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(100); // unbounded loaders would go on through all 10 batches meanwhile
            assertThat(source.built.get()).isEqualTo(4); // the one taken + a window of 3
        } finally {
            Prefetcher.shutdown(pool);
        }
    }

    @Test
    void aLoaderFailureReachesTheTrainingThread() {
        ExecutorService pool = Prefetcher.loaderPool(2);
        try (Prefetcher prefetcher = new Prefetcher(new CountingSource(8), BatchPlan.inOrder(40, 4), true,
                b -> new Random(b), pool, 2)) {
            prefetcher.next();
            prefetcher.next();
            assertThatThrownBy(prefetcher::next).isInstanceOf(IllegalStateException.class).hasMessage("broken example 8");
        } finally {
            Prefetcher.shutdown(pool);
        }
    }

    private static List<List<String>> drain(BatchSource source, List<List<Integer>> plan, int threads, int window) {
        ExecutorService pool = Prefetcher.loaderPool(threads);
        List<List<String>> out = new ArrayList<>();
        try (Prefetcher prefetcher = new Prefetcher(source, plan, true, b -> new Random(Seeds.derive(9, b)), pool, window)) {
            while (prefetcher.hasNext()) {
                HostBatch batch = prefetcher.next();
                List<String> row = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    row.add(batch.ids().get(i) + ":" + batch.target().data()[i]);
                }
                out.add(row);
            }
        } finally {
            Prefetcher.shutdown(pool);
        }
        return out;
    }
}
