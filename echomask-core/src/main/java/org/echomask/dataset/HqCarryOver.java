package org.echomask.dataset;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.echomask.EchomaskException;
import org.echomask.io.AtomicFiles;
import org.echomask.io.Npy;
import org.echomask.mask.BinaryMasks;

/**
 * Keeps the HQ masks of a dataset that is built again into the same directory. HQ masks are
 * mostly a person's work (accepted in {@code echomask annotate}), the most expensive data a
 * dataset holds, so a rebuild never drops one:
 *
 * <ul>
 *   <li>a mask is <b>kept</b> (copied into the rebuilt dataset, with its {@code hq_*} manifest
 *       columns) when the rebuilt dataset has an example of the same id, over the same recording
 *       and span, whose spectrogram is the same array as before: then the mask still lies on the
 *       picture it was drawn on. Comparing the arrays, not the options, also catches a changed
 *       channel, transform or recording content, which {@code dataset.json} does not all record;
 *   <li>a mask that no longer fits is <b>moved aside</b> to {@code masks/hq-orphaned/}, listed in
 *       its {@code orphans.csv} with the example's old id, recording, span and the reason, so it
 *       can be looked at or restored by hand; orphans of earlier rebuilds are carried along too;
 *   <li>synthetic ground truth (an HQ mask with no {@code hq_status}) is neither: the builder
 *       renders it again.
 * </ul>
 *
 * Moving aside was chosen over refusing the rebuild: adding recordings or fixing a label changes
 * some examples and not others, and a refusal would make every such rebuild a manual chore while
 * keeping nothing more.
 */
final class HqCarryOver {
    static final String HQ_DIR = "masks/hq";
    static final String ORPHAN_DIR = "masks/hq-orphaned";
    static final String ORPHAN_LIST = "orphans.csv";
    /** Manifest columns that belong to an example's HQ mask (written by the annotation tool). */
    static final String HQ_COLUMN_PREFIX = "hq_";
    /** Set by the annotation tool ({@code accepted}/{@code rejected}); empty for synthetic ground truth. */
    static final String STATUS_COLUMN = "hq_status";
    /** Spectrogram values that agree this closely are the same rendering (dB/normalised floats). */
    private static final float SAME_VALUE = 1e-4f;

    private HqCarryOver() {}

    /** What happened to the previous dataset's HQ masks. */
    record Outcome(List<DatasetEntry> entries, HqMasksReport report) {}

    /**
     * Carries the HQ masks of {@code previous} (the dataset being replaced) into {@code staging},
     * where {@code rebuilt} has just been rendered; returns the entries with the kept masks set.
     */
    static Outcome apply(Path previous, Path staging, List<DatasetEntry> rebuilt) {
        Path oldHq = previous.resolve(HQ_DIR);
        Path oldOrphans = previous.resolve(ORPHAN_DIR);
        if (!Files.isDirectory(oldHq) && !Files.isDirectory(oldOrphans)) {
            return new Outcome(rebuilt, HqMasksReport.NONE);
        }
        List<DatasetEntry> old;
        String unreadable = null;
        try {
            old = DatasetManifest.read(previous.resolve(DatasetManifest.FILE_NAME));
        } catch (RuntimeException e) {
            old = List.of();
            unreadable = "the previous manifest could not be read (" + e.getMessage() + "), so it is unknown which example this mask was for";
        }
        Map<String, DatasetEntry> byId = new LinkedHashMap<>();
        rebuilt.forEach(e -> byId.put(e.id(), e));
        Path newOrphans = staging.resolve(ORPHAN_DIR);
        copyEarlierOrphans(oldOrphans, newOrphans);
        List<String[]> orphanRows = new ArrayList<>();
        int kept = 0;
        Set<Path> handled = new HashSet<>();
        for (DatasetEntry e : old) {
            Path file = maskFile(previous, e);
            if (file == null) {
                continue;
            }
            handled.add(file);
            boolean personMade = !e.extra().getOrDefault(STATUS_COLUMN, "").isEmpty();
            DatasetEntry now = byId.get(e.id());
            if (now != null && now.hasHqMask() && !personMade) {
                continue; // synthetic ground truth: rendered again by this build
            }
            String problem = misfit(previous, staging, e, now, file);
            if (problem == null) {
                String relative = HQ_DIR + "/" + e.id() + ".png";
                copy(file, staging.resolve(relative));
                byId.put(e.id(), withMaskOf(now, e, relative));
                kept++;
            } else {
                Path moved = moveAside(file, newOrphans, e.id());
                orphanRows.add(row(moved, e.id(), e.recording(), DatasetManifest.seconds(e.startS()),
                        DatasetManifest.seconds(e.endS()), e.extra().getOrDefault(STATUS_COLUMN, ""), problem));
            }
        }
        for (Path loose : looseMasks(oldHq, handled)) {
            String id = loose.getFileName().toString().replaceFirst("\\.png$", "");
            Path moved = moveAside(loose, newOrphans, id);
            orphanRows.add(row(moved, id, "", "", "", "", unreadable != null ? unreadable
                    : "not listed in the previous manifest (an annotation saved while the manifest was not?)"));
        }
        if (!orphanRows.isEmpty()) {
            appendOrphanList(newOrphans.resolve(ORPHAN_LIST), orphanRows);
        }
        List<DatasetError> orphaned = orphanRows.stream().map(r -> new DatasetError(ORPHAN_DIR + "/" + r[0],
                "example " + r[1] + ": " + r[6])).toList();
        return new Outcome(List.copyOf(byId.values()), new HqMasksReport(kept, orphaned));
    }

    /** Why the old mask cannot go with the rebuilt example, or null when it fits. */
    private static String misfit(Path previous, Path staging, DatasetEntry old, DatasetEntry now, Path mask) {
        if (now == null) {
            return "no example with this id in the rebuilt dataset (recording gone, refused or cut differently)";
        }
        if (!old.recordingPath(previous).equals(now.recordingPath(previous))
                || Math.abs(old.startS() - now.startS()) > 1e-6 || Math.abs(old.endS() - now.endS()) > 1e-6) {
            return String.format(Locale.ROOT, "the example now covers %s %s..%s s instead of %s %s..%s s", now.recording(),
                    DatasetManifest.seconds(now.startS()), DatasetManifest.seconds(now.endS()), old.recording(),
                    DatasetManifest.seconds(old.startS()), DatasetManifest.seconds(old.endS()));
        }
        Npy.Array before;
        Npy.Array after;
        try {
            before = Npy.read(previous.resolve(old.array()));
            after = Npy.read(staging.resolve(now.array()));
        } catch (RuntimeException e) {
            return "cannot compare the spectrograms, so it is unknown whether the mask still fits: " + e.getMessage();
        }
        if (!Arrays.equals(before.shape(), after.shape())) {
            return "the spectrogram is now " + shape(after.shape()) + " instead of " + shape(before.shape())
                    + " (another transform or window)";
        }
        if (!sameValues(before.data(), after.data())) {
            return "the spectrogram changed (another transform, channel or recording content)";
        }
        boolean[][] m;
        try {
            m = BinaryMasks.read(mask);
        } catch (RuntimeException e) {
            return "the mask cannot be read: " + e.getMessage();
        }
        int[] s = after.shape();
        if (s.length != 2 || m.length != s[0] || m[0].length != s[1]) {
            return "the mask is " + m.length + "x" + (m.length == 0 ? 0 : m[0].length) + " but the spectrogram " + shape(s);
        }
        return null;
    }

    private static boolean sameValues(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= SAME_VALUE * Math.max(1f, Math.abs(a[i])))) {
                return false;
            }
        }
        return true;
    }

    private static String shape(int[] s) {
        return Arrays.stream(s).mapToObj(Integer::toString).reduce((x, y) -> x + "x" + y).orElse("?");
    }

    /** The rebuilt example carrying the old mask and its hq_* columns. */
    private static DatasetEntry withMaskOf(DatasetEntry now, DatasetEntry old, String relative) {
        Map<String, String> extra = new LinkedHashMap<>(now.extra());
        old.extra().forEach((k, v) -> {
            if (k.startsWith(HQ_COLUMN_PREFIX)) {
                extra.put(k, v);
            }
        });
        return new DatasetEntry(now.id(), now.recording(), now.startS(), now.endS(), now.labels(), now.split(),
                now.group(), now.array(), now.image(), relative, extra);
    }

    /** The old example's mask file, when the manifest names one that exists inside the dataset. */
    private static Path maskFile(Path previous, DatasetEntry e) {
        if (!e.hasHqMask()) {
            return null;
        }
        Path f;
        try {
            f = previous.resolve(e.hqMask()).normalize();
        } catch (java.nio.file.InvalidPathException ex) {
            return null;
        }
        return f.startsWith(previous) && Files.isRegularFile(f) ? f : null;
    }

    /** PNGs in the old masks/hq/ that no manifest row named. */
    private static List<Path> looseMasks(Path oldHq, Set<Path> handled) {
        if (!Files.isDirectory(oldHq)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(oldHq)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".png") && Files.isRegularFile(p))
                    .filter(p -> !handled.contains(p.normalize())).sorted().toList();
        } catch (IOException e) {
            throw new EchomaskException(oldHq + ": cannot list the HQ masks to keep them: " + e.getMessage(), e);
        }
    }

    private static void copyEarlierOrphans(Path oldOrphans, Path newOrphans) {
        if (!Files.isDirectory(oldOrphans)) {
            return;
        }
        try (Stream<Path> s = Files.list(oldOrphans)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                copy(p, newOrphans.resolve(p.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new EchomaskException(oldOrphans + ": cannot carry earlier orphaned masks over: " + e.getMessage(), e);
        }
    }

    /** Copies a mask into the orphan folder under a name no earlier orphan has; returns the file name. */
    private static Path moveAside(Path mask, Path orphans, String id) {
        Path target = orphans.resolve(id + ".png");
        for (int k = 2; Files.exists(target); k++) {
            target = orphans.resolve(id + "-" + k + ".png");
        }
        copy(mask, target);
        return target.getFileName();
    }

    private static String[] row(Path file, String id, String recording, String start, String end, String status,
            String reason) {
        return new String[] {file.toString(), id, recording, start, end, status, reason};
    }

    /** The earlier list's text as it was (carried over with its masks), then the new rows. */
    private static void appendOrphanList(Path list, List<String[]> rows) {
        StringWriter text = new StringWriter();
        try {
            // The copy of the earlier list, as bytes were: it is read as text only to be appended to.
            String before = Files.isRegularFile(list) ? new String(Files.readAllBytes(list), StandardCharsets.UTF_8) : "";
            text.write(before);
            if (!before.isEmpty() && !before.endsWith("\n")) {
                text.write("\n");
            }
            try (CSVPrinter p = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                if (before.isEmpty()) {
                    p.printRecord("file", "id", "recording", "start_s", "end_s", STATUS_COLUMN, "reason");
                }
                for (String[] r : rows) {
                    p.printRecord((Object[]) r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + list + ": " + e.getMessage(), e);
        }
        AtomicFiles.writeString(list, text.toString());
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
