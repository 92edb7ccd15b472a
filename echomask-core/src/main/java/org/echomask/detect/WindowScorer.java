package org.echomask.detect;

import java.util.List;

/**
 * Turns analysis windows into label probabilities in two steps, so the costly signal processing
 * runs on worker threads while the network scores the previous batch: {@link #prepare} (CPU
 * only, thread-safe: spectrograms, proposed masks) and {@link #score} (one thread, in order).
 *
 * @param <P> what preparing one window produces
 */
public interface WindowScorer<P> extends AutoCloseable {

    /** The labels, in the order of every probability row. */
    List<String> labels();

    /** Rate in Hz that windows must be at when handed to {@link #prepare}. */
    int sampleRate();

    /** Prepares one window of exactly the analysis window's length; called from several threads. */
    P prepare(float[] samples);

    /**
     * Prepares windows of one stretch of a recording, as {@link #prepare} would each (thread-safe
     * too). Overlapping windows read the same samples, so an implementation may share work
     * between them, e.g. the spectrogram frames they have in common.
     *
     * @param span consecutive samples of the recording at {@link #sampleRate()}
     * @param offsets where each window starts in {@code span}
     * @param length the analysis window's length in samples
     */
    default List<P> prepareRun(float[] span, int[] offsets, int length) {
        return java.util.Arrays.stream(offsets).mapToObj(o -> prepare(java.util.Arrays.copyOfRange(span, o, o + length)))
                .toList();
    }

    /** Scores prepared windows, one result per window in order; called from one thread. */
    List<Scored> score(List<P> batch);

    /** Frequency band of the label by the models' transform, for detections without a mask: {@code {lowHz, highHz}}. */
    double[] band();

    /**
     * One window's outcome.
     *
     * @param probabilities one per label
     * @param lowHz lower edge of the window's mask extent, or NaN
     * @param highHz upper edge, or NaN
     */
    record Scored(float[] probabilities, double lowHz, double highHz) {}

    @Override
    void close();
}
