package org.echomask.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import org.echomask.EchomaskException;
import org.echomask.audio.AudioWindows;
import org.echomask.audio.Segments;

/**
 * Streams a recording's windows through a {@link WindowScorer}: windows are read on the calling
 * thread and prepared on the workers, at most two batches ahead, so memory is a few batches of
 * windows whatever the recording's length and the signal processing of batch n+1 overlaps the
 * network's work on batch n.
 *
 * <p>The last window, when it would run past the end of the audio, is cyclically padded (the
 * audio repeated) to the full length, as the dataset builder pads clips shorter than a window, so
 * the model never sees artificial silence; its end time stays the end of the audio. Such a tail is
 * analysed only when it holds at least {@value #MIN_TAIL_FRACTION} of a window or is the whole
 * recording: a sliver repeated many times is not a signal the model has seen.
 */
public final class WindowPipeline {
    public static final double MIN_TAIL_FRACTION = 0.25;

    private WindowPipeline() {}

    /**
     * Scores every window.
     *
     * @param windows windows at {@link WindowScorer#sampleRate()}, cut with {@code KEEP_SHORT}
     * @param windowSamples analysis window length in samples
     * @param workers threads for {@link WindowScorer#prepare}, or null to prepare on the calling thread
     * @param advanced receives the seconds of audio covered after each batch (for progress)
     */
    public static <P> List<WindowScore> run(AudioWindows windows, int windowSamples, WindowScorer<P> scorer,
            int batchSize, ExecutorService workers, DoubleConsumer advanced) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
        }
        if (windows.sampleRate() != scorer.sampleRate()) {
            throw new IllegalArgumentException("windows at " + windows.sampleRate() + " Hz, scorer needs " + scorer.sampleRate());
        }
        List<WindowScore> out = new ArrayList<>();
        Deque<Pending<P>> queue = new ArrayDeque<>();
        double covered = 0;
        boolean first = true;
        while (true) {
            while (queue.size() < 2 * batchSize && windows.hasNext()) {
                AudioWindows.Window w = windows.next();
                float[] samples = w.samples();
                if (samples.length < windowSamples) {
                    if (!first && samples.length < MIN_TAIL_FRACTION * windowSamples) {
                        continue;
                    }
                    samples = Segments.cyclicPad(samples, windowSamples);
                }
                first = false;
                double start = w.startSeconds();
                double end = (w.startFrame() + w.samples().length) / (double) w.sampleRate();
                float[] s = samples;
                Future<P> f = workers == null ? CompletableFuture.completedFuture(scorer.prepare(s))
                        : workers.submit(() -> scorer.prepare(s));
                queue.add(new Pending<>(w.index(), start, end, f));
            }
            if (queue.isEmpty()) {
                return out;
            }
            List<Pending<P>> batch = new ArrayList<>(batchSize);
            List<P> prepared = new ArrayList<>(batchSize);
            while (batch.size() < batchSize && !queue.isEmpty()) {
                Pending<P> p = queue.poll();
                batch.add(p);
                prepared.add(get(p.future, queue));
            }
            List<WindowScorer.Scored> scored = scorer.score(prepared);
            for (int i = 0; i < batch.size(); i++) {
                Pending<P> p = batch.get(i);
                WindowScorer.Scored s = scored.get(i);
                out.add(new WindowScore(p.index, p.start, p.end, s.probabilities(), s.lowHz(), s.highHz()));
                covered = Math.max(covered, p.end);
            }
            advanced.accept(covered);
        }
    }

    private static <P> P get(Future<P> f, Deque<Pending<P>> queue) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queue.forEach(p -> p.future.cancel(true));
            throw new EchomaskException("analysis interrupted", e);
        } catch (ExecutionException e) {
            queue.forEach(p -> p.future.cancel(true));
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new EchomaskException(String.valueOf(c.getMessage()), c);
        }
    }

    private record Pending<P>(long index, double start, double end, Future<P> future) {}
}
