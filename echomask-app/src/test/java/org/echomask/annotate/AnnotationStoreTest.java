package org.echomask.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.echomask.EchomaskException;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.mask.BinaryMasks;
import org.echomask.mask.ProposerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queue order, resuming, the manifest record of every decision, proposals and the export. */
class AnnotationStoreTest {
    private static final int W = 48;
    private static final int H = 32;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void queuePutsStoredProposalsFirstAndResumesAtTheFirstUnannotated() {
        List<DatasetEntry> entries = TinyDataset.create(dir, 5, W, H);
        boolean[][] proposal = new boolean[H][W];
        proposal[3][4] = true;
        BinaryMasks.write(dir.resolve("masks/proposal/ex-003.png"), proposal);
        List<DatasetEntry> withProposal = new ArrayList<>(entries);
        withProposal.set(3, withExtra(entries.get(3), "proposal_mask", "masks/proposal/ex-003.png"));
        DatasetManifest.write(dir.resolve("manifest.csv"), withProposal);

        AnnotationStore store = new AnnotationStore(dir, CLOCK);
        assertThat(ids(store.queue())).containsExactly("ex-003", "ex-000", "ex-001", "ex-002", "ex-004");
        Examples examples = new Examples(store, ProposerConfig.preset("default"));
        Examples.Mask current = examples.current(store.entry("ex-003").orElseThrow());
        assertThat(current.source()).isEqualTo(Examples.Source.PROPOSAL);
        assertThat(current.values()).isDeepEqualTo(proposal);
        assertThat(examples.current(store.entry("ex-000").orElseThrow()).source()).isEqualTo(Examples.Source.COMPUTED);

        store.accept("ex-003", proposal);
        store.skip("ex-000");
        store.reject("ex-001", H, W);
        assertThat(ids(store.queue())).containsExactly("ex-002", "ex-004", "ex-000", "ex-001", "ex-003");
        assertThat(store.next().orElseThrow().id()).isEqualTo("ex-002");
        assertThat(store.progress()).isEqualTo(new AnnotationStore.Progress(1, 1, 5));

        // A new session (restart) resumes at the first example without an HQ mask; skips are not persisted.
        AnnotationStore again = new AnnotationStore(dir, CLOCK);
        assertThat(again.next().orElseThrow().id()).isEqualTo("ex-000");
        assertThat(again.progress()).isEqualTo(new AnnotationStore.Progress(1, 1, 5));
        assertThat(examples.current(again.entry("ex-003").orElseThrow()).source()).isEqualTo(Examples.Source.HQ);
    }

    @Test
    void everyDecisionIsRecordedInTheManifestAndKeepsOtherColumns() {
        TinyDataset.create(dir, 3, W, H);
        AnnotationStore store = new AnnotationStore(dir, CLOCK);
        // Another tool adds a column while the page is open: the next save must keep it.
        List<DatasetEntry> external = DatasetManifest.read(dir.resolve("manifest.csv")).stream()
                .map(e -> withExtra(e, "soft_mask", "masks/soft/" + e.id() + ".npy")).toList();
        DatasetManifest.write(dir.resolve("manifest.csv"), external);

        boolean[][] mask = new boolean[H][W];
        mask[H - 1][0] = true;
        store.accept("ex-000", mask);
        store.reject("ex-002", H, W);
        List<DatasetEntry> after = DatasetManifest.read(dir.resolve("manifest.csv"));
        assertThat(after.get(0).hqMask()).isEqualTo("masks/hq/ex-000.png");
        assertThat(after.get(0).extra()).containsEntry("hq_status", "accepted").containsEntry("hq_updated", "2026-01-02T03:04:05Z")
                .containsEntry("soft_mask", "masks/soft/ex-000.npy");
        assertThat(after.get(1).hqMask()).isEmpty();
        assertThat(after.get(1).extra()).containsEntry("hq_status", "").containsEntry("soft_mask", "masks/soft/ex-001.npy");
        assertThat(after.get(2).extra()).containsEntry("hq_status", "rejected");
        assertThat(BinaryMasks.read(dir.resolve("masks/hq/ex-000.png"))).isDeepEqualTo(mask);
        assertThat(BinaryMasks.coverage(BinaryMasks.read(dir.resolve("masks/hq/ex-002.png")))).isZero();
        assertThat(store.status(store.entry("ex-002").orElseThrow())).isEqualTo(AnnotationStore.Status.REJECTED);
        assertThatThrownBy(() -> store.accept("nope", mask)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentSavesAreSerialisedAndNoneIsLost() throws Exception {
        TinyDataset.create(dir, 12, W, H);
        AnnotationStore store = new AnnotationStore(dir, CLOCK);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = String.format("ex-%03d", i);
                boolean[][] m = new boolean[H][W];
                m[i][i] = true;
                done.add(pool.submit(() -> store.accept(id, m)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(DatasetManifest.read(dir.resolve("manifest.csv")))
                .allSatisfy(e -> assertThat(e.extra()).containsEntry("hq_status", "accepted"));
        try (var files = Files.list(dir.resolve("masks/hq"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp")).hasSize(12);
        }
    }

    @Test
    void proposalsShrinkAsTheThresholdRises() {
        TinyDataset.create(dir, 1, W, H);
        AnnotationStore store = new AnnotationStore(dir, CLOCK);
        Examples examples = new Examples(store, ProposerConfig.preset("default"));
        DatasetEntry e = store.entry("ex-000").orElseThrow();
        double low = BinaryMasks.coverage(examples.propose(e, 1.0));
        double mid = BinaryMasks.coverage(examples.propose(e, 3.0));
        double high = BinaryMasks.coverage(examples.propose(e, 1000.0));
        assertThat(low).isGreaterThanOrEqualTo(mid);
        assertThat(mid).isGreaterThan(high);
        assertThat(high).isZero();
        // The bright ridge (rows H/4 +- 1, a quarter of the columns from W/3 on) is found at the default threshold.
        boolean[][] m = examples.propose(e, 2.5);
        assertThat(m[H / 4][W / 3 + W / 8]).isTrue();
    }

    @Test
    void manifestPathsLeavingTheDatasetAreNeverRead(@TempDir Path outside) throws Exception {
        List<DatasetEntry> entries = TinyDataset.create(dir, 2, W, H);
        Files.writeString(outside.resolve("secret.png"), "secret");
        String escape = dir.relativize(outside.resolve("secret.png")).toString();
        DatasetEntry e = entries.get(0);
        DatasetEntry tampered = new DatasetEntry(e.id(), e.recording(), e.startS(), e.endS(), e.labels(), e.split(),
                e.group(), e.array(), escape, outside.resolve("secret.png").toString(), Map.of("proposal_mask", escape));
        DatasetManifest.write(dir.resolve("manifest.csv"), List.of(tampered, entries.get(1)));
        AnnotationStore store = new AnnotationStore(dir, CLOCK);
        assertThat(store.datasetFile(escape)).isEmpty();
        assertThat(store.datasetFile(outside.resolve("secret.png").toString())).isEmpty();
        assertThat(store.datasetFile("images/ex-001.png")).isPresent();
        Examples examples = new Examples(store, ProposerConfig.preset("default"));
        // The picture is rendered from the array instead, and the mask proposed afresh.
        byte[] png = examples.imagePng(store.entry(e.id()).orElseThrow());
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).doesNotContain("secret").startsWith("\u0089PNG");
        assertThat(examples.current(store.entry(e.id()).orElseThrow()).source()).isEqualTo(Examples.Source.COMPUTED);
    }

    @Test
    void exportZipsTheHqSetWithoutWriting() throws Exception {
        TinyDataset.create(dir, 3, W, H);
        AnnotationStore store = new AnnotationStore(dir, CLOCK);
        boolean[][] mask = new boolean[H][W];
        mask[1][2] = true;
        store.accept("ex-001", mask);
        store.reject("ex-002", H, W);
        AnnotationApi api = new AnnotationApi(store, new Examples(store, ProposerConfig.preset("default")), 200);
        Map<String, byte[]> zip = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(api.exportZip()))) {
            for (ZipEntry z; (z = in.getNextEntry()) != null; ) {
                zip.put(z.getName(), in.readAllBytes());
            }
        }
        assertThat(zip).containsOnlyKeys("hq.csv", "masks/hq/ex-001.png", "masks/hq/ex-002.png");
        assertThat(zip.get("masks/hq/ex-001.png")).isEqualTo(Files.readAllBytes(dir.resolve("masks/hq/ex-001.png")));
        assertThat(new String(zip.get("hq.csv"), StandardCharsets.UTF_8)).isEqualTo("id,labels,split,hq_status,hq_updated,mask\n"
                + "ex-001,beluga_whistle,train,accepted,2026-01-02T03:04:05Z,masks/hq/ex-001.png\n"
                + "ex-002,beluga_whistle,train,rejected,2026-01-02T03:04:05Z,masks/hq/ex-002.png\n");
    }

    @Test
    void refusesDirectoriesThatAreNotDatasets() throws Exception {
        assertThatThrownBy(() -> AnnotationStore.open(dir)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("not a dataset directory");
        TinyDataset.create(dir, 1, W, H);
        Files.delete(dir.resolve("dataset.json"));
        assertThatThrownBy(() -> AnnotationStore.open(dir)).hasMessageContaining("dataset.json");
    }

    private static DatasetEntry withExtra(DatasetEntry e, String key, String value) {
        Map<String, String> extra = new HashMap<>(e.extra());
        extra.put(key, value);
        return new DatasetEntry(e.id(), e.recording(), e.startS(), e.endS(), e.labels(), e.split(), e.group(), e.array(),
                e.image(), e.hqMask(), extra);
    }

    private static List<String> ids(List<DatasetEntry> entries) {
        return entries.stream().map(DatasetEntry::id).toList();
    }
}
