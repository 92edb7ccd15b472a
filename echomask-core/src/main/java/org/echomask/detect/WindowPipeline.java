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
 * network's work on batch n. Each worker task prepares a run of half a batch of consecutive
 * windows, so overlapping windows can share their spectrogram frames.
 *
 * <p>The last window, when it would run past the end of the audio, is cyclically padded (the
 * audio repeated) to the full length, as the dataset builder pads clips shorter than a window, so
 * the model never sees artificial silence; its end time stays the end of the audio. Such a tail is
 * analysed only when it holds at least {@value #MIN_TAIL_FRACTION} of a window or is the whole
 * recording: a sliver repeated many times is not a signal the model has seen.
 */
public final class WindowPipeline {
    public static final double MIN_TAIL_FRACTION = 0.25;
    /**
     * Longest span a run may cover, in samples (64 MB of floats): runs of long windows at high
     * rates are cut shorter, so the few runs in flight stay within a few hundred MB.
     */
    static final long MAX_RUN_SAMPLES = 1L << 24;

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
        int runLength = Math.max(1, batchSize / 2);
        double covered = 0;
        boolean first = true;
        while (true) {
            Run<P> run = new Run<>();
            while (queue.size() < 2 * batchSize && windows.hasNext()) {
                AudioWindows.Window w = windows.next();
                float[] samples = w.samples();
                boolean padded = samples.length < windowSamples;
                if (padded) {
                    if (!first && samples.length < MIN_TAIL_FRACTION * windowSamples) {
                        continue;
                    }
                    samples = Segments.cyclicPad(samples, windowSamples);
                    // Its repeated samples are not the recording's: prepared apart from the run.
                    run = submit(run, scorer, workers);
                }
                if (run.size() > 0 && (w.startFrame() > run.end() // a gap (hop longer than the window): nothing to share
                        || w.startFrame() + windowSamples - run.start() > MAX_RUN_SAMPLES)) {
                    run = submit(run, scorer, workers);
                }
                first = false;
                double end = (w.startFrame() + w.samples().length) / (double) w.sampleRate();
                queue.add(new Pending<>(w.index(), w.startSeconds(), end, run, run.add(samples, w.startFrame())));
                if (padded || run.size() == runLength) {
                    run = submit(run, scorer, workers);
                }
            }
            submit(run, scorer, workers);
            if (queue.isEmpty()) {
                return out;
            }
            List<Pending<P>> batch = new ArrayList<>(batchSize);
            List<P> prepared = new ArrayList<>(batchSize);
            while (batch.size() < batchSize && !queue.isEmpty()) {
                Pending<P> p = queue.poll();
                batch.add(p);
                prepared.add(get(p, queue));
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

    /**
     * Hands the run's windows to a worker (or prepares them here) as one span of samples, so the
     * task holds each sample once and the windows themselves die young; returns a new, empty run.
     */
    private static <P> Run<P> submit(Run<P> run, WindowScorer<P> scorer, ExecutorService workers) {
        if (run.size() == 0) {
            return run;
        }
        long first = run.start();
        float[] span = new float[Math.toIntExact(run.end() - first)];
        int[] offsets = new int[run.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (int) (run.starts.get(i) - first);
            float[] w = run.samples.get(i);
            System.arraycopy(w, 0, span, offsets[i], w.length);
        }
        int length = run.samples.get(0).length;
        run.future = workers == null ? CompletableFuture.completedFuture(scorer.prepareRun(span, offsets, length))
                : workers.submit(() -> scorer.prepareRun(span, offsets, length));
        // The run is kept until its batch is scored; its windows must not be (2 MB each at 256 kHz).
        run.samples.clear();
        return new Run<>();
    }

    private static <P> P get(Pending<P> p, Deque<Pending<P>> queue) {
        try {
            return p.run.future.get().get(p.position);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queue.forEach(q -> q.run.future.cancel(true));
            throw new EchomaskException("analysis interrupted", e);
        } catch (ExecutionException e) {
            queue.forEach(q -> q.run.future.cancel(true));
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

    /**
     * Consecutive, overlapping or touching windows prepared by one worker task, so that it can
     * share what they have in common ({@link WindowScorer#prepareRun}); its future is set when it
     * is handed over.
     */
    private static final class Run<P> {
        private final List<float[]> samples = new ArrayList<>();
        private final List<Long> starts = new ArrayList<>();
        private long end;
        private Future<List<P>> future;

        int size() {
            return starts.size();
        }

        /** The first sample of the run's first window. */
        long start() {
            return starts.get(0);
        }

        /** One past the last sample of the run's windows. */
        long end() {
            return end;
        }

        /** Adds a window (all of a run's windows have one length); returns its position in the run. */
        int add(float[] window, long start) {
            if (!samples.isEmpty() && window.length != samples.get(0).length) {
                throw new IllegalArgumentException("windows of a run differ in length");
            }
            samples.add(window);
            starts.add(start);
            end = Math.max(end, start + window.length);
            return starts.size() - 1;
        }
    }

    private record Pending<P>(long index, double start, double end, Run<P> run, int position) {}
}
