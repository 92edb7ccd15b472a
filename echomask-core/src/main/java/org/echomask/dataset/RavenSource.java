package org.echomask.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.echomask.EchomaskException;
import org.echomask.audio.AudioReaders;
import org.echomask.label.RavenTable;
import org.echomask.label.Selection;

/**
 * Recordings with Raven selection tables, matched by name. A table's recording is named by its
 * "Begin Path"/"Begin File" column when it has one (combined tables over several files are split
 * by it), else by the table's file name with Raven's suffix removed: {@code 5678.220101123000.wav}
 * ↔ {@code 5678.220101123000.Table.1.selections.txt} (or {@code 5678.220101123000.txt}). The
 * whole stem is compared, never the text before the first dot: SoundTrap names all recordings of
 * a unit {@code <unit>.<time>}, and a prefix match gave every recording every table of its unit.
 *
 * <p>Nothing is dropped without a word: a table that cannot be read is reported and the recordings
 * it belongs to are left out (without it their windows would read as unlabelled); a table naming
 * no recording, and CSV files (not read here), are reported too.
 */
final class RavenSource {
    private static final Pattern RAVEN_SUFFIX = Pattern.compile("(?i)(\\.Table\\.\\d+)?\\.selections\\.txt$|\\.txt$");

    private RavenSource() {}

    static ExampleSources.Found scan(Path ravenDir, Path audioDir, String labelColumn) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ravenDir)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new EchomaskException(ravenDir + ": cannot list Raven tables: " + e.getMessage(), e);
        }
        List<Path> audio = AudioReaders.filesUnder(audioDir);
        if (audio.isEmpty()) {
            throw new EchomaskException(audioDir + ": no audio files");
        }
        Map<String, List<Path>> byName = new HashMap<>();
        for (Path a : audio) {
            byName.computeIfAbsent(a.getFileName().toString(), k -> new ArrayList<>()).add(a);
            byName.computeIfAbsent(ExampleSources.stem(a), k -> new ArrayList<>()).add(a);
        }
        List<DatasetError> problems = new ArrayList<>();
        Map<Path, List<Selection>> selections = new LinkedHashMap<>();
        Map<Path, Path> badTableOf = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv") || name.endsWith(".tsv")) {
                problems.add(new DatasetError(f.toString(), "not read: --raven reads Raven selection tables (.txt);"
                        + " save these annotations as a Raven table to use them"));
            } else if (name.endsWith(".txt")) {
                assign(f, labelColumn, byName, selections, badTableOf, problems);
            }
        }
        List<RecordingPlan> plans = new ArrayList<>();
        for (Path a : audio) {
            Path bad = badTableOf.get(a);
            if (bad != null) {
                problems.add(new DatasetError(a.toString(), "left out: its Raven table " + bad
                        + " cannot be read, and without it every window would read as unlabelled"));
            } else {
                plans.add(new RecordingPlan(a, List.of(), selections.getOrDefault(a, List.of()), null, null, Map.of(),
                        audioDir));
            }
        }
        return new ExampleSources.Found(plans, problems);
    }

    /** Reads one table and gives its selections to their recordings; problems are reported, not thrown. */
    private static void assign(Path table, String labelColumn, Map<String, List<Path>> byName,
            Map<Path, List<Selection>> selections, Map<Path, Path> badTableOf, List<DatasetError> problems) {
        List<Path> byTableName = byName.getOrDefault(tableStem(table), List.of());
        try {
            List<Selection> read = RavenTable.read(table, labelColumn);
            if (!read.isEmpty() && read.stream().anyMatch(RavenSource::namesItsFile)) {
                Map<String, List<Selection>> byFile = RavenTable.splitByFile(read);
                for (Map.Entry<String, List<Selection>> e : byFile.entrySet()) {
                    String file = baseName(e.getKey());
                    List<Path> to = byName.getOrDefault(file, byName.getOrDefault(stemOf(file), List.of()));
                    if (to.isEmpty() && byFile.size() == 1) {
                        to = byTableName; // one recording, renamed since it was annotated: the table's name still says which
                    }
                    if (to.isEmpty()) {
                        problems.add(new DatasetError(table.toString(), e.getValue().size() + " selection(s) for \""
                                + e.getKey() + "\" (its Begin File/Path), which is not among the recordings; left out"));
                    }
                    to.forEach(a -> selections.computeIfAbsent(a, k -> new ArrayList<>()).addAll(e.getValue()));
                }
            } else if (byTableName.isEmpty()) {
                problems.add(new DatasetError(table.toString(), "no recording named \"" + tableStem(table)
                        + "\" (with an audio extension); its " + read.size() + " selection(s) are left out"));
            } else {
                byTableName.forEach(a -> selections.computeIfAbsent(a, k -> new ArrayList<>()).addAll(read));
            }
        } catch (EchomaskException e) {
            problems.add(new DatasetError(table.toString(), DatasetBuilder.problemOf(e, table)));
            byTableName.forEach(a -> badTableOf.putIfAbsent(a, table));
        }
    }

    private static boolean namesItsFile(Selection s) {
        Set<String> keys = new LinkedHashSet<>();
        s.extra().forEach((k, v) -> {
            if (!v.isBlank()) {
                keys.add(k.strip().toLowerCase(Locale.ROOT));
            }
        });
        return keys.contains(RavenTable.BEGIN_FILE.toLowerCase(Locale.ROOT))
                || keys.contains(RavenTable.BEGIN_PATH.toLowerCase(Locale.ROOT));
    }

    /** The recording name a table's file name gives: Raven's ".Table.N.selections.txt" (or ".txt") removed. */
    static String tableStem(Path table) {
        return RAVEN_SUFFIX.matcher(table.getFileName().toString()).replaceFirst("");
    }

    /** The file name of a path written on any machine (Raven on Windows writes backslashes). */
    private static String baseName(String path) {
        String p = path.strip();
        int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return p.substring(cut + 1);
    }

    private static String stemOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
