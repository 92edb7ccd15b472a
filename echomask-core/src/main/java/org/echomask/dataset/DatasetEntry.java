package org.echomask.dataset;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One example of a dataset: a span of a recording with its labels, split and group, and the
 * files rendered for it inside the dataset directory (paths relative to that directory).
 *
 * @param id unique, file-name safe
 * @param recording the audio file, relative to the dataset directory
 * @param startS start of the span in the recording, seconds
 * @param endS end of the span, seconds
 * @param labels present labels, sorted; empty = none
 * @param split train, val or test
 * @param group the unit that must not straddle splits (tape, site, recording)
 * @param array spectrogram array ({@code arrays/<id>.npy})
 * @param image spectrogram picture ({@code images/<id>.png})
 * @param hqMask high-quality mask ({@code masks/hq/<id>.png}), or empty when there is none
 * @param extra further columns added by later stages (mask proposals, soft masks...), kept in order
 */
public record DatasetEntry(String id, String recording, double startS, double endS, List<String> labels, String split,
        String group, String array, String image, String hqMask, Map<String, String> extra) {

    public DatasetEntry {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9_.+-]+")) {
            throw new IllegalArgumentException("example id must be file-name safe: " + id);
        }
        if (!(startS >= 0) || !(endS > startS) || !Double.isFinite(endS)) {
            throw new IllegalArgumentException("example " + id + ": bad span " + startS + " .. " + endS);
        }
        labels = labels.stream().sorted().distinct().toList();
        for (String l : labels) {
            String problem = org.echomask.label.LabelSet.problemWith(l);
            if (problem != null) {
                // The manifest joins labels with ';': such a label would come back as other labels.
                throw new IllegalArgumentException("example " + id + ": " + problem);
            }
        }
        Objects.requireNonNull(split, "split");
        group = group == null ? "" : group;
        hqMask = hqMask == null ? "" : hqMask;
        // Insertion order is kept: it is the order of the manifest's extra columns.
        extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra == null ? Map.of() : extra));
    }

    /** The recording's path, resolving a relative manifest entry against the dataset directory. */
    public java.nio.file.Path recordingPath(java.nio.file.Path datasetDir) {
        return datasetDir.resolve(recording).normalize();
    }

    /** The same example with extra column {@code column} set to {@code value} (added last if new). */
    public DatasetEntry withExtra(String column, String value) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>(extra);
        m.put(column, value);
        return new DatasetEntry(id, recording, startS, endS, labels, split, group, array, image, hqMask, m);
    }

    /** The same example without extra column {@code column}. */
    public DatasetEntry withoutExtra(String column) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>(extra);
        m.remove(column);
        return new DatasetEntry(id, recording, startS, endS, labels, split, group, array, image, hqMask, m);
    }

    public boolean hasHqMask() {
        return !hqMask.isEmpty();
    }

    public double durationS() {
        return endS - startS;
    }
}
