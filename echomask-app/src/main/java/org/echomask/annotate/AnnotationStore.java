package org.echomask.annotate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.echomask.EchomaskException;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetInfo;
import org.echomask.dataset.DatasetManifest;
import org.echomask.io.Json;
import org.echomask.mask.BinaryMasks;

/**
 * The annotation state of one dataset directory: its manifest, which examples have an HQ mask,
 * and the only two writes the annotation page may make (an accepted mask, a rejection), each an
 * atomic {@code masks/hq/<id>.png} plus an atomic manifest rewrite. Writes are serialised by one
 * lock, and the manifest is re-read under it so columns another tool added meanwhile survive.
 */
public final class AnnotationStore {
    /** Manifest column: {@code accepted} or {@code rejected} (no signal), empty when never annotated. */
    public static final String STATUS_COLUMN = "hq_status";
    /** Manifest column: when the HQ mask was last saved, ISO-8601 UTC. */
    public static final String UPDATED_COLUMN = "hq_updated";
    /** Manifest column written by {@code echomask masks propose}: the example's proposal PNG. */
    public static final String PROPOSAL_COLUMN = "proposal_mask";
    static final String HQ_DIR = "masks/hq";

    /** Where an example stands for the annotator. */
    public enum Status {
        /** No HQ mask yet. */
        PENDING,
        /** Skipped in this session; back of the queue, not written anywhere. */
        SKIPPED,
        /** HQ mask saved (or present before, e.g. synthetic ground truth). */
        ACCEPTED,
        /** Marked as holding no signal: an empty HQ mask. */
        REJECTED;

        public boolean done() {
            return this == ACCEPTED || this == REJECTED;
        }
    }

    private final Path dir;
    private final Path realDir;
    private final Path manifest;
    private final DatasetInfo info;
    private final Clock clock;
    private final Object writeLock = new Object();
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();
    private volatile Map<String, DatasetEntry> entries;

    AnnotationStore(Path dir, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.manifest = this.dir.resolve(DatasetManifest.FILE_NAME);
        this.clock = clock;
        if (!Files.isRegularFile(manifest)) {
            throw new EchomaskException(dir + ": not a dataset directory (no " + DatasetManifest.FILE_NAME + ")");
        }
        Path infoFile = this.dir.resolve(DatasetInfo.FILE_NAME);
        if (!Files.isRegularFile(infoFile)) {
            throw new EchomaskException(dir + ": not a dataset directory (no " + DatasetInfo.FILE_NAME + ")");
        }
        this.info = Json.readFile(infoFile, DatasetInfo.class);
        try {
            this.realDir = this.dir.toRealPath();
        } catch (java.io.IOException e) {
            throw new EchomaskException(dir + ": cannot resolve dataset directory: " + e.getMessage(), e);
        }
        this.entries = index(DatasetManifest.read(manifest));
        if (entries.isEmpty()) {
            throw new EchomaskException(manifest + ": no examples to annotate");
        }
    }

    /** Opens a dataset directory (needs {@code manifest.csv} and {@code dataset.json}). */
    public static AnnotationStore open(Path dir) {
        return new AnnotationStore(dir, Clock.systemUTC());
    }

    public Path directory() {
        return dir;
    }

    public DatasetInfo info() {
        return info;
    }

    /** The example with this id, if the manifest has it; ids are never turned into paths otherwise. */
    public Optional<DatasetEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public List<DatasetEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Status status(DatasetEntry e) {
        String s = e.extra().getOrDefault(STATUS_COLUMN, "");
        if ("rejected".equals(s)) {
            return Status.REJECTED;
        }
        if (e.hasHqMask()) {
            return Status.ACCEPTED;
        }
        return skipped.contains(e.id()) ? Status.SKIPPED : Status.PENDING;
    }

    public boolean hasStoredProposal(DatasetEntry e) {
        return !e.extra().getOrDefault(PROPOSAL_COLUMN, "").isEmpty();
    }

    /**
     * The work queue: pending examples with a stored proposal first, then pending ones whose
     * proposal is computed on the fly, then skipped ones, then the annotated ones; manifest order
     * within each group.
     */
    public List<DatasetEntry> queue() {
        Function<DatasetEntry, Integer> rank = e -> switch (status(e)) {
            case PENDING -> hasStoredProposal(e) ? 0 : 1;
            case SKIPPED -> 2;
            case ACCEPTED, REJECTED -> 3;
        };
        return entries.values().stream().sorted(Comparator.comparing(rank)).toList();
    }

    /** Where the annotator resumes: the first example of the queue not yet annotated, if any. */
    public Optional<DatasetEntry> next() {
        return queue().stream().filter(e -> !status(e).done()).findFirst();
    }

    public Progress progress() {
        Map<Status, Long> counts = entries.values().stream().collect(Collectors.groupingBy(this::status, Collectors.counting()));
        return new Progress(counts.getOrDefault(Status.ACCEPTED, 0L).intValue(),
                counts.getOrDefault(Status.REJECTED, 0L).intValue(), entries.size());
    }

    /** Counts of annotated examples; {@code accepted} is what the target counts. */
    public record Progress(int accepted, int rejected, int total) {}

    /** Records the mask as the example's HQ mask ({@code masks/hq/<id>.png}, status accepted). */
    public void accept(String id, boolean[][] mask) {
        save(id, mask, "accepted");
    }

    /** Records that the example holds no signal: an all-background HQ mask, status rejected. */
    public void reject(String id, int height, int width) {
        save(id, new boolean[height][width], "rejected");
    }

    /** Moves the example behind the pending ones for this session; nothing is written. */
    public void skip(String id) {
        requireEntry(id);
        skipped.add(id);
    }

    private void save(String id, boolean[][] mask, String status) {
        requireEntry(id);
        String relative = HQ_DIR + "/" + id + ".png";
        synchronized (writeLock) {
            BinaryMasks.write(dir.resolve(relative), mask);
            List<DatasetEntry> current = DatasetManifest.read(manifest);
            List<DatasetEntry> updated = new ArrayList<>(current.size());
            boolean found = false;
            for (DatasetEntry e : current) {
                if (e.id().equals(id)) {
                    Map<String, String> extra = new LinkedHashMap<>(e.extra());
                    extra.put(STATUS_COLUMN, status);
                    extra.put(UPDATED_COLUMN, Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
                    e = new DatasetEntry(e.id(), e.recording(), e.startS(), e.endS(), e.labels(), e.split(), e.group(),
                            e.array(), e.image(), relative, extra);
                    found = true;
                }
                updated.add(e);
            }
            if (!found) {
                throw new EchomaskException(manifest + ": example " + id + " was removed while annotating");
            }
            DatasetManifest.write(manifest, updated);
            entries = index(updated);
            skipped.remove(id);
        }
    }

    private DatasetEntry requireEntry(String id) {
        return entry(id).orElseThrow(() -> new IllegalArgumentException("unknown example " + id));
    }

    /**
     * A file the manifest names for an example, resolved inside the dataset directory; empty when
     * the cell is empty, the file is missing, or the path would leave the directory (a tampered
     * manifest must not make the server read arbitrary files).
     */
    public Optional<Path> datasetFile(String relative) {
        if (relative == null || relative.isBlank()) {
            return Optional.empty();
        }
        Path p;
        try {
            p = dir.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        try {
            // Real paths too: a symbolic link inside the dataset must not lead outside it.
            if (!p.startsWith(dir) || !Files.isRegularFile(p) || !p.toRealPath().startsWith(realDir)) {
                return Optional.empty();
            }
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private static Map<String, DatasetEntry> index(List<DatasetEntry> list) {
        Map<String, DatasetEntry> m = new LinkedHashMap<>();
        for (DatasetEntry e : list) {
            m.put(e.id(), e);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
