package org.echomask.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.echomask.classify.ClassifierSpec;
import org.echomask.classify.FusionKind;
import org.echomask.classify.Task;
import org.echomask.mask.MaskKind;
import org.echomask.nn.BackboneSpec;
import org.echomask.spectrogram.SpectrogramTransform;

/**
 * One training run of an experiment: a classifier recipe and a seed.
 *
 * @param width null for the architecture's CPU-sized default width
 * @param source "" for image-only runs
 * @param fusion "" for image-only runs
 */
public record RunSpec(String backbone, Double width, String mask, String source, String fusion, String task, long seed) {

    public RunSpec {
        MaskKind.parse(mask);
        Task.parse(task);
        if (mask.equals("none")) {
            source = "";
            fusion = "";
        } else {
            FusionKind.parse(fusion);
        }
    }

    /** File-name safe and unique within an experiment, e.g. {@code resnet18-soft-hq-xattn-multilabel-s1}. */
    public String id() {
        String w = width == null ? "" : "-w" + width;
        String m = mask.equals("none") ? "none" : mask + "-" + source + "-" + fusion;
        return backbone + w + "-" + m + "-" + task + "-s" + seed;
    }

    /** The same recipe without the seed: runs that differ only in seed are averaged in tables. */
    public String recipe() {
        String id = id();
        return id.substring(0, id.lastIndexOf("-s"));
    }

    /** How a reader of the tables names the model, e.g. "MGC xattn, soft hq masks (resnet18)". */
    public String label() {
        String base = backbone + (width == null ? "" : " w" + width);
        String t = task.equals("multilabel") ? "" : ", " + task;
        if (mask.equals("none")) {
            return "image-only " + base + t;
        }
        return "MGC " + fusion + ", " + mask + " " + source + " masks (" + base + ")" + t;
    }

    public ClassifierSpec classifier(SpectrogramTransform transform, List<String> labels, double softSigma) {
        BackboneSpec b = BackboneSpec.defaults(backbone);
        if (width != null) {
            b = b.withWidthMultiplier(width);
        }
        MaskKind input = MaskKind.parse(mask);
        return ClassifierSpec.builder().setBackbone(b).setMaskInput(input).optMaskSource(source)
                .optSoftSigma(input == MaskKind.SOFT ? softSigma : 0)
                .optFusion(input.used() ? FusionKind.parse(fusion) : FusionKind.CONCAT).setTask(Task.parse(task))
                .setLabels(labels).setInputSize(transform.outputHeight(), transform.outputWidth())
                .optTimeShift(org.echomask.augment.TimeShift.DEFAULT_FRACTION)
                .build();
    }

    /** Every run of every table, each once, in table order; and which runs each table shows. */
    public static Map<String, List<RunSpec>> expand(ExperimentConfig config) {
        Map<String, List<RunSpec>> byTable = new LinkedHashMap<>();
        for (ExperimentConfig.Table t : config.tables()) {
            List<RunSpec> runs = new ArrayList<>();
            for (String backbone : t.backbones()) {
                for (String mask : t.masks()) {
                    List<String> sources = mask.equals("none") ? List.of("") : t.sources();
                    List<String> fusions = mask.equals("none") ? List.of("") : t.fusions();
                    for (String source : sources) {
                        for (String fusion : fusions) {
                            for (String task : t.tasks()) {
                                for (long seed : config.train().seeds()) {
                                    RunSpec r = new RunSpec(backbone, t.width(), mask, source, fusion, task, seed);
                                    if (!runs.contains(r)) {
                                        runs.add(r);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // Entries with the same id add their runs to one table (e.g. baselines and MGC rows of T1).
            List<RunSpec> merged = new ArrayList<>(byTable.getOrDefault(t.id(), List.of()));
            runs.stream().filter(r -> !merged.contains(r)).forEach(merged::add);
            byTable.put(t.id(), List.copyOf(merged));
        }
        return byTable;
    }

    /** The distinct runs over all tables, in first-seen order. */
    public static List<RunSpec> distinct(Map<String, List<RunSpec>> byTable) {
        List<RunSpec> out = new ArrayList<>();
        byTable.values().forEach(l -> l.stream().filter(r -> !out.contains(r)).forEach(out::add));
        return out;
    }
}
