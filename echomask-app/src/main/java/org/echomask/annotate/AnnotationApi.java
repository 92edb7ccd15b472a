package org.echomask.annotate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.echomask.dataset.DatasetEntry;
import org.echomask.mask.BinaryMasks;
import org.echomask.mask.MaskRecipe;

/**
 * What the page's JSON API answers, independent of HTTP: the queue and progress, one example's
 * description, pictures and masks as PNG bytes, the three decisions (accept, reject, skip) and
 * the export of the HQ set as a zip. Bodies are maps with snake_case keys.
 */
public final class AnnotationApi {
    private final AnnotationStore store;
    private final Examples examples;
    private final int target;

    public AnnotationApi(AnnotationStore store, Examples examples, int target) {
        if (target < 1) {
            throw new IllegalArgumentException("target must be >= 1, got " + target);
        }
        this.store = store;
        this.examples = examples;
        this.target = target;
    }

    public AnnotationStore store() {
        return store;
    }

    /** Dataset name, progress, proposer settings, where to resume, and the queue in order. */
    public Map<String, Object> state() {
        Map<String, Object> m = AnnotationServer.object();
        m.put("dataset", store.directory().getFileName().toString());
        m.put("transform", store.info().transform().name());
        m.put("preset", examples.proposer().preset());
        m.put("threshold", examples.proposer().threshold());
        m.put("progress", progress());
        m.put("next", store.next().map(DatasetEntry::id).orElse(null));
        m.put("queue", store.queue().stream().map(e -> {
            Map<String, Object> q = AnnotationServer.object();
            q.put("id", e.id());
            q.put("status", status(e));
            q.put("labels", e.labels());
            q.put("split", e.split());
            return q;
        }).toList());
        return m;
    }

    public Map<String, Object> progress() {
        AnnotationStore.Progress p = store.progress();
        Map<String, Object> m = AnnotationServer.object();
        m.put("accepted", p.accepted());
        m.put("rejected", p.rejected());
        m.put("total", p.total());
        m.put("target", target);
        return m;
    }

    public Map<String, Object> example(DatasetEntry e) {
        int[] wh = examples.size(e);
        Axes axes = Axes.of(store.info().transform(), e.startS(), e.endS(), wh[1]);
        Map<String, Object> m = AnnotationServer.object();
        m.put("id", e.id());
        m.put("status", status(e));
        m.put("labels", e.labels());
        m.put("split", e.split());
        m.put("recording", e.recording());
        m.put("width", wh[0]);
        m.put("height", wh[1]);
        m.put("start_s", e.startS());
        m.put("end_s", e.endS());
        m.put("frequency_scale", axes.scale());
        m.put("row_edges_hz", axes.rowEdgesHz());
        m.put("mask_source", maskSource(e));
        m.put("hq_updated", e.extra().getOrDefault(AnnotationStore.UPDATED_COLUMN, ""));
        return m;
    }

    public byte[] image(DatasetEntry e) {
        return examples.imagePng(e);
    }

    public byte[] mask(DatasetEntry e) {
        return MaskCodec.encode(examples.current(e).values());
    }

    public byte[] proposal(DatasetEntry e, double threshold) {
        return MaskCodec.encode(examples.propose(e, threshold));
    }

    /** Validates the uploaded PNG against the example's picture size, then saves it as the HQ mask. */
    public Map<String, Object> accept(DatasetEntry e, byte[] png) {
        int[] wh = examples.size(e);
        boolean[][] mask = MaskCodec.decode(png, wh[0], wh[1]);
        store.accept(e.id(), mask);
        return decided(e, BinaryMasks.coverage(mask));
    }

    public Map<String, Object> reject(DatasetEntry e) {
        int[] wh = examples.size(e);
        store.reject(e.id(), wh[1], wh[0]);
        return decided(e, 0);
    }

    public Map<String, Object> skip(DatasetEntry e) {
        store.skip(e.id());
        return decided(e, Double.NaN);
    }

    private Map<String, Object> decided(DatasetEntry e, double coverage) {
        Map<String, Object> m = AnnotationServer.object();
        m.put("id", e.id());
        m.put("status", status(store.entry(e.id()).orElse(e)));
        if (!Double.isNaN(coverage)) {
            m.put("coverage", coverage);
        }
        m.put("progress", progress());
        m.put("next", store.next().map(DatasetEntry::id).orElse(null));
        return m;
    }

    public String exportName() {
        return store.directory().getFileName() + "-hq-masks.zip";
    }

    /**
     * The HQ set as a zip, built in memory (nothing is written to the dataset): {@code hq.csv}
     * (id, labels, split, hq_status, hq_updated, mask) and every annotated example's
     * {@code masks/hq/<id>.png}; rejected examples come with their empty mask.
     */
    public byte[] exportZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder csv = new StringBuilder("id,labels,split,hq_status,hq_updated,mask\n");
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (DatasetEntry e : store.entries()) {
                if (!store.status(e).done()) {
                    continue;
                }
                Optional<Path> file = store.datasetFile(e.hqMask());
                if (file.isEmpty()) {
                    continue;
                }
                String name = "masks/hq/" + e.id() + ".png";
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Files.readAllBytes(file.get()));
                zip.closeEntry();
                csv.append(String.join(",", List.of(e.id(), String.join(";", e.labels()), e.split(), status(e),
                        e.extra().getOrDefault(AnnotationStore.UPDATED_COLUMN, ""), name))).append('\n');
            }
            zip.putNextEntry(new ZipEntry("hq.csv"));
            zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot export the HQ set: " + ex.getMessage(), ex);
        }
        return bytes.toByteArray();
    }

    private String status(DatasetEntry e) {
        return store.status(e).name().toLowerCase(java.util.Locale.ROOT);
    }

    private String maskSource(DatasetEntry e) {
        if (e.hasHqMask() && store.datasetFile(e.hqMask()).isPresent()) {
            return MaskRecipe.HQ;
        }
        return store.hasStoredProposal(e) && store.datasetFile(e.extra().get(AnnotationStore.PROPOSAL_COLUMN)).isPresent()
                ? MaskRecipe.PROPOSAL : "computed";
    }
}
