package org.echomask.synth;

import java.util.List;
import org.echomask.label.Selection;

/**
 * What a source renders: a waveform at the clip's rate and length, and the annotated events it
 * contains (time span in seconds from the clip start, frequency band in Hz, label). Confounder
 * sources return no events.
 */
public record SourceSignal(float[] samples, List<Selection> events) {
    public SourceSignal {
        if (samples == null) {
            throw new IllegalArgumentException("samples are required");
        }
        events = List.copyOf(events);
    }
}
