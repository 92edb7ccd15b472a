package org.echomask.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.echomask.EchomaskException;
import org.echomask.audio.AudioReaders;

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
        try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                        .parse(in)) {
            List<String> header = csv.getHeaderNames();
            String pathColumn = firstPresent(header, List.of("path", "file", "filename", "audio"))
                    .orElseThrow(() -> new EchomaskException(manifest + ": no 'path' column (columns: " + header + ")"));
            String labelColumn = firstPresent(header, LABEL_COLUMNS)
                    .orElseThrow(() -> new EchomaskException(manifest + ": no label column, expected one of "
                            + LABEL_COLUMNS + " (columns: " + header + ")"));
            String group = groupColumn == null ? firstPresent(header, GROUP_COLUMNS).orElse(null) : groupColumn;
            if (group != null && !header.contains(group)) {
                throw new EchomaskException(manifest + ": group column '" + group + "' not found (columns: " + header + ")");
            }
            boolean hasSplit = header.contains("split");
            List<RecordingPlan> plans = new ArrayList<>();
            for (CSVRecord r : csv) {
                Map<String, String> row = new LinkedHashMap<>(r.toMap());
                String rel = r.get(pathColumn);
                if (rel.isEmpty()) {
                    throw new EchomaskException(manifest + " line " + (r.getRecordNumber() + 1) + ": empty path");
                }
                Split split = null;
                if (hasSplit && !r.get("split").isEmpty()) {
                    try {
                        split = Split.parse(r.get("split"));
                    } catch (EchomaskException e) {
                        throw new EchomaskException(manifest + " line " + (r.getRecordNumber() + 1) + ": " + e.getMessage());
                    }
                }
                plans.add(new RecordingPlan(base.resolve(rel).normalize(), DatasetManifest.parseLabels(r.get(labelColumn)),
                        null, group == null ? rel : r.get(group), split, row, base));
            }
            return plans;
        } catch (IOException e) {
            throw new EchomaskException(manifest + ": cannot read manifest: " + e.getMessage(), e);
        }
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
