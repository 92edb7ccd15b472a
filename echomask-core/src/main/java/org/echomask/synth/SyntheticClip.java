package org.echomask.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.echomask.label.Selection;

/**
 * One generated clip with its ground truth. The stems add up to the mix:
 * {@code mix[i] == noise[i] + Σ_label clean.get(label)[i]} (summed in {@link Labels#ALL} order, so
 * exactly in float arithmetic). The arrays are shared, not copied: treat them as read-only.
 *
 * @param id clip identifier, {@code <profile>-<seed>-<index>}, safe as a file name
 * @param sampleRate samples per second
 * @param mix the recording
 * @param clean per present label, the sum of that label's clean (sensor-filtered, scaled) sources
 * @param noise everything that is not a label: sea noise, shrimp and vessel
 * @param labels present labels, sorted
 * @param events annotated events, sorted by begin time; {@code extra} holds {@code snr_db}
 * @param vesselPresent whether a vessel is in the clip
 * @param profile name of the profile the clip was drawn from
 * @param seed corpus seed
 * @param index clip index within the corpus
 */
public record SyntheticClip(String id, int sampleRate, float[] mix, Map<String, float[]> clean, float[] noise,
        SortedSet<String> labels, List<Selection> events, boolean vesselPresent, String profile, long seed, int index) {

    public SyntheticClip {
        for (float[] stem : clean.values()) {
            if (stem.length != mix.length) {
                throw new IllegalArgumentException("clean stem of " + stem.length + " samples for a mix of " + mix.length);
            }
        }
        if (noise.length != mix.length) {
            throw new IllegalArgumentException("noise of " + noise.length + " samples for a mix of " + mix.length);
        }
        clean = Collections.unmodifiableMap(new LinkedHashMap<>(clean));
        labels = Collections.unmodifiableSortedSet(new TreeSet<>(labels));
        List<Selection> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> Double.compare(a.begin(), b.begin()));
        events = List.copyOf(sorted);
    }

    public double durationS() {
        return mix.length / (double) sampleRate;
    }

    /** All biological sources together (zeros when no label is present). */
    public float[] biological() {
        float[] sum = new float[mix.length];
        for (float[] stem : clean.values()) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += stem[i];
            }
        }
        return sum;
    }

    /** The events of one label. */
    public List<Selection> events(String label) {
        return events.stream().filter(e -> e.label().equals(label)).toList();
    }
}
