package org.echomask.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.echomask.label.Selection;

/**
 * One recording to cut into examples, as found by a source (manifest, folders or Raven tables),
 * before any audio is read.
 *
 * @param audio the recording
 * @param fileLabels labels of the whole recording (manifest and folder sources); empty = none
 * @param selections annotated events (Raven source); when non-null, window labels come from them
 * @param group unit kept within one split (tape, site, or the recording itself)
 * @param split the split the source prescribes, or null to assign one by group
 * @param sourceColumns the source manifest's row as read (synthetic clips are regenerated from it)
 * @param sourceDir the directory the source's relative paths start from (the manifest's)
 */
public record RecordingPlan(Path audio, List<String> fileLabels, List<Selection> selections, String group, Split split,
        Map<String, String> sourceColumns, Path sourceDir) {

    public RecordingPlan {
        Objects.requireNonNull(audio, "audio");
        fileLabels = List.copyOf(fileLabels);
        selections = selections == null ? null : List.copyOf(selections);
        group = group == null || group.isBlank() ? audio.getFileName().toString() : group;
        sourceColumns = Map.copyOf(sourceColumns == null ? Map.of() : sourceColumns);
        sourceDir = sourceDir == null ? audio.toAbsolutePath().getParent() : sourceDir;
    }

    /** True when labels come per window from annotated events rather than from the whole file. */
    public boolean labelsFromEvents() {
        return selections != null;
    }
}
