package org.echomask.detect;

import java.util.List;

/**
 * What became of one recording, with everything the run's files need from it; small (no
 * window list) and serializable, so a distributed engine sends it from a worker to the driver.
 *
 * @param durationS audio analysed (0 when failed)
 * @param seconds wall time spent on the recording
 * @param problem why it failed, else empty
 * @param startTime start time from the file name (ISO), or null
 * @param presence its share of the presence tables (null when failed)
 * @param sample its sample of window probabilities (null when failed)
 */
public record RecordingResult(Analyzer.Status status, double durationS, double seconds, String problem, String startTime,
        List<Detection> detections, Presence.Part presence, WindowSample sample) implements java.io.Serializable {
    public RecordingResult {
        detections = List.copyOf(detections);
    }

    /** The same without its window sample (merged elsewhere). */
    public RecordingResult withoutSample() {
        return new RecordingResult(status, durationS, seconds, problem, startTime, detections, presence,
                sample == null ? null : WindowSample.empty(Analyzer.SAMPLE));
    }
}
