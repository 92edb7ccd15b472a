package org.echomask.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.echomask.EchomaskException;
import org.echomask.audio.AudioReaders;
import org.echomask.label.LabelSet;

/**
 * Finds the recordings of a dataset and what is known about them, from one of three layouts:
 * a manifest CSV, one folder per class, or recordings with Raven selection tables.
 */
public final class ExampleSources {
    private static final List<String> LABEL_COLUMNS = List.of("labels", "label", "class", "species");
    private static final List<String> GROUP_COLUMNS = List.of("group", "tape", "site", "deployment", "recording");
    private ExampleSources() {}

    /**
     * A manifest with a {@code path} column (relative to the manifest), a label column
     * ({@code labels} or {@code label}, ';'-separated), and optionally {@code split} and a group
     * column ({@code group}, {@code tape}, ...). Other columns are kept for later stages.
     *
     * @param groupColumn the group column to use, or null to take the first known one present
     */
    public static List<RecordingPlan> fromManifest(Path manifest, String groupColumn) {
        Path base = manifest.toAbsolutePath().getParent();
        ManifestCsv.Table csv = ManifestCsv.read(manifest, true);
        List<String> header = csv.header();
        String pathColumn = firstPresent(header, List.of("path", "file", "filename", "audio"))
                .orElseThrow(() -> new EchomaskException(manifest + ": no 'path' column (columns: " + header + ")"));
        String labelColumn = firstPresent(header, LABEL_COLUMNS)
                .orElseThrow(() -> new EchomaskException(manifest + ": no label column, expected one of "
                        + LABEL_COLUMNS + " (columns: " + header + ")"));
        String group = groupColumn == null ? firstPresent(header, GROUP_COLUMNS).orElse(null) : groupColumn;
        if (group != null && !header.contains(group)) {
            throw new EchomaskException(manifest + ": group column '" + group + "' not found (columns: " + header + ")");
        }
        String splitColumn = firstPresent(header, List.of("split")).orElse(null);
        List<RecordingPlan> plans = new ArrayList<>();
        for (ManifestCsv.Row r : csv.rows()) {
            String where = manifest + ", line " + r.line();
            String rel = r.get(pathColumn);
            if (rel.isEmpty()) {
                throw new EchomaskException(where + ": empty path");
            }
            Path audio;
            try {
                audio = base.resolve(rel).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw new EchomaskException(where + ": not a file path: \"" + rel + "\"");
            }
            Split split = null;
            if (splitColumn != null && !r.get(splitColumn).isEmpty()) {
                try {
                    split = Split.parse(r.get(splitColumn));
                } catch (EchomaskException e) {
                    throw new EchomaskException(where + ": " + e.getMessage());
                }
            }
            List<String> labels;
            try {
                labels = DatasetManifest.parseLabels(r.get(labelColumn));
            } catch (IllegalArgumentException e) {
                throw new EchomaskException(where + ", column \"" + labelColumn + "\": " + e.getMessage());
            }
            plans.add(new RecordingPlan(audio, labels, null, group == null ? rel : r.get(group), split, r.cells(), base));
        }
        return plans;
    }

    /** One sub-folder per class, its audio files (searched recursively) labelled with the folder's name. */
    public static List<RecordingPlan> fromFolders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new EchomaskException(root + ": not a directory");
        }
        List<RecordingPlan> plans = new ArrayList<>();
        try (Stream<Path> classes = Files.list(root)) {
            for (Path dir : classes.filter(Files::isDirectory).sorted().toList()) {
                String label = dir.getFileName().toString();
                String problem = LabelSet.problemWith(label);
                if (problem != null) {
                    throw new EchomaskException(dir + ": the folder name is the class label, and " + problem
                            + "; rename the folder");
                }
                for (Path audio : AudioReaders.filesUnder(dir)) {
                    plans.add(new RecordingPlan(audio, List.of(label), null, null, null, Map.of(), root));
                }
            }
        } catch (IOException e) {
            throw new EchomaskException(root + ": cannot list class folders: " + e.getMessage(), e);
        }
        if (plans.isEmpty()) {
            throw new EchomaskException(root + ": no audio files in class sub-folders");
        }
        return plans;
    }

    /** Recordings found by a source, and the source's own files or rows it left out (for errors.csv). */
    public record Found(List<RecordingPlan> plans, List<DatasetError> problems) {
        public Found {
            plans = List.copyOf(plans);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Recordings under {@code audioDir} with Raven tables under {@code ravenDir}, matched by the
     * table's Begin File column or else its whole file-name stem (see {@link RavenSource});
     * recordings without a table have no events (all windows unlabelled). Tables that cannot be
     * read or name no recording are in {@link Found#problems()}, not thrown.
     */
    public static Found fromRaven(Path ravenDir, Path audioDir, String labelColumn) {
        return RavenSource.scan(ravenDir, audioDir, labelColumn);
    }

    static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Optional<String> firstPresent(List<String> header, List<String> wanted) {
        for (String w : wanted) {
            for (String h : header) {
                if (h.equalsIgnoreCase(w)) {
                    return Optional.of(h);
                }
            }
        }
        return Optional.empty();
    }
}
