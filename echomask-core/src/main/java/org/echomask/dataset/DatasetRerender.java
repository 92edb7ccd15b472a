package org.echomask.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.io.Json;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * The same examples under another spectrogram transform: the MGC paper's out-of-distribution test
 * renders the audio a model was evaluated on again with other signal-processing parameters. The
 * recordings are found again from the dataset's source, cut with the same window and hop, and keep
 * each recording's split and group, so example ids and splits match the original one for one.
 * Synthetic clips get ground-truth HQ masks under the new transform; other mask kinds must be made
 * again by whoever needs them (proposer, segmenter).
 */
public final class DatasetRerender {
    private DatasetRerender() {}

    /**
     * Builds {@code out} from {@code dataset}'s recordings rendered with {@code transform}.
     *
     * @throws EchomaskException when the source cannot be found again (Raven sources need their
     *     audio folder, which {@code dataset.json} does not keep) or the examples do not match
     */
    public static DatasetSummary rerender(Path dataset, SpectrogramTransform transform, Path out, int threads,
            Progress progress) {
        DatasetInfo info = Json.readFile(dataset.resolve(DatasetInfo.FILE_NAME), DatasetInfo.class);
        List<DatasetEntry> original = DatasetManifest.read(dataset.resolve(DatasetManifest.FILE_NAME));
        Path source = Path.of(info.sourcePath());
        List<RecordingPlan> plans = switch (info.source()) {
            case "manifest" -> ExampleSources.fromManifest(source, null);
            case "folders" -> ExampleSources.fromFolders(source);
            default -> throw new EchomaskException(dataset + ": cannot re-render a dataset built from a " + info.source()
                    + " source under another transform; build it again with `echomask dataset --transform " + transform.name() + "`");
        };
        Map<Path, DatasetEntry> byRecording = new HashMap<>();
        for (DatasetEntry e : original) {
            byRecording.putIfAbsent(e.recordingPath(dataset).toAbsolutePath().normalize(), e);
        }
        List<RecordingPlan> kept = new ArrayList<>();
        for (RecordingPlan p : plans) {
            DatasetEntry e = byRecording.get(p.audio().toAbsolutePath().normalize());
            // A recording the original refused stays out; the others keep their split and group.
            if (e != null) {
                kept.add(new RecordingPlan(p.audio(), p.fileLabels(), p.selections(), e.group(), Split.parse(e.split()),
                        p.sourceColumns(), p.sourceDir()));
            }
        }
        // Splits come from the original entries (fixed above), so the split fractions and seed do not matter.
        DatasetConfig d = DatasetConfig.defaults(transform);
        DatasetConfig config = new DatasetConfig(transform, info.windowS(), info.hopS(), d.trainFraction(), d.valFraction(),
                d.splitSeed(), d.channel(), false, Math.max(1, threads));
        DatasetSummary built = new DatasetBuilder(config).build(info.source(), info.sourcePath(), kept, out, progress);
        try {
            requireSameExamples(dataset, original, out, built.entries());
        } catch (EchomaskException e) {
            // Not left behind: a later run would find it and take it for a good re-render.
            DatasetBuilder.deleteTree(out);
            throw e;
        }
        return built;
    }

    private static void requireSameExamples(Path dataset, List<DatasetEntry> original, Path out, List<DatasetEntry> built) {
        Map<String, String> splitOf = built.stream().collect(Collectors.toMap(DatasetEntry::id, DatasetEntry::split));
        List<String> problems = new ArrayList<>();
        for (DatasetEntry e : original) {
            String s = splitOf.get(e.id());
            if (s == null) {
                problems.add(e.id() + " missing");
            } else if (!s.equals(e.split())) {
                problems.add(e.id() + " in " + s + " instead of " + e.split());
            }
        }
        Set<String> ids = original.stream().map(DatasetEntry::id).collect(Collectors.toSet());
        built.stream().map(DatasetEntry::id).filter(id -> !ids.contains(id)).limit(3).forEach(id -> problems.add(id + " is new"));
        if (!problems.isEmpty()) {
            throw new EchomaskException(out + ": the re-rendered examples do not match " + dataset + " (" + problems.size()
                    + " differences, e.g. " + problems.subList(0, Math.min(3, problems.size())) + ")");
        }
    }
}
