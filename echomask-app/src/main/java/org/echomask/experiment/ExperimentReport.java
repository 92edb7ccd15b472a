package org.echomask.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.echomask.eval.ClassifierEvaluation;
import org.echomask.metrics.ClassMetrics;
import org.echomask.metrics.Evaluation;
import org.echomask.report.Formats;
import org.echomask.report.HtmlReport;
import org.echomask.report.Plots;

/**
 * {@code report.html} of an experiment: one table per group of runs (seeds averaged, trivial
 * baselines as muted rows, the best model in bold), per-class tables where asked, confusion matrices
 * of each table's best model, validation curves, and the origin-vs-OOD bar chart.
 */
final class ExperimentReport {
    private ExperimentReport() {}

    /** The runs of one recipe (all seeds), in run order. */
    private record Recipe(String label, List<RunResult> runs) {
        double mean(ToDoubleFunction<RunResult> f) {
            return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
        }

        String cell(ToDoubleFunction<RunResult> f) {
            double m = mean(f);
            if (runs.size() < 2 || Double.isNaN(m)) {
                return Formats.f3(m);
            }
            double ss = runs.stream().mapToDouble(r -> (f.applyAsDouble(r) - m) * (f.applyAsDouble(r) - m)).sum();
            return Formats.f3(m) + " ± " + Formats.f3(Math.sqrt(ss / (runs.size() - 1)));
        }
    }

    static void write(ExperimentResults results, Path file) {
        ExperimentConfig c = results.experiment();
        boolean ood = c.data().oodTransform() != null;
        boolean clips = c.evaluate().clipLevel();
        String split = c.evaluate().split();
        HtmlReport page = new HtmlReport("Echomask experiment: " + c.name());
        page.note(String.format(Locale.ROOT, "finished %s; this invocation took %s on %d cores (%s; stages done before are skipped); command: %s", results.finished(),
                Formats.seconds(results.seconds()), results.machine().cores(), results.machine().java(),
                String.join(" ", results.command())));
        if (!c.description().isEmpty()) {
            page.paragraph(c.description());
        }
        page.paragraph(dataLine(c, results));
        if (results.failed() != null && !results.failed().isEmpty()) {
            page.table("runs that failed (not in the tables; rerun the command to retry them)", List.of("run", "problem"),
                    results.failed().stream().map(f -> List.of(f.run().id(), f.problem())).toList());
        }

        List<String> recipeLabels = new ArrayList<>();
        List<double[]> bars = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : results.tables().entrySet()) {
            ExperimentConfig.Table table = c.tables().stream().filter(x -> x.id().equals(t.getKey())).findFirst().orElseThrow();
            boolean perClass = c.tables().stream().anyMatch(x -> x.id().equals(t.getKey()) && x.perClass());
            List<Recipe> recipes = recipes(results, t.getValue());
            page.heading(table.id() + ": " + table.title());
            List<String> header = new ArrayList<>(List.of("model", "parameters", "val joint acc.", split + " joint acc.",
                    split + " macro-F1", split + " hamming"));
            if (clips) {
                header.addAll(List.of("clip acc.", "clip macro-F1", "clip macro-F1 (classes present)"));
            }
            if (ood) {
                header.addAll(List.of("OOD joint acc.", "OOD macro-F1"));
            }
            header.add("training");
            List<List<String>> rows = new ArrayList<>();
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Recipe r : recipes) {
                List<String> row = new ArrayList<>(List.of(r.label(), String.format(Locale.ROOT, "%,d", r.runs().get(0).parameters()),
                        r.cell(RunResult::valJointAccuracy), r.cell(x -> win(x).jointAccuracy()), r.cell(x -> win(x).macroF1()),
                        r.cell(x -> win(x).hammingLoss())));
                if (clips) {
                    row.add(r.cell(x -> clip(x).jointAccuracy()));
                    row.add(r.cell(x -> clip(x).macroF1()));
                    row.add(r.cell(x -> clip(x).macroF1Present()));
                }
                if (ood) {
                    row.add(r.cell(x -> x.ood().windows().model().jointAccuracy()));
                    row.add(r.cell(x -> x.ood().windows().model().macroF1()));
                }
                row.add(Formats.seconds(r.mean(RunResult::trainSeconds)));
                double score = clips ? r.mean(x -> clip(x).macroF1()) : r.mean(x -> win(x).jointAccuracy());
                if (score > bestScore) {
                    bestScore = score;
                    best = rows.size();
                }
                rows.add(row);
            }
            Set<Integer> muted = new HashSet<>();
            RunResult first = recipes.get(0).runs().get(0);
            for (int b = 0; b < first.test().windows().baselines().size(); b++) {
                Evaluation w = first.test().windows().baselines().get(b);
                List<String> row = new ArrayList<>(List.of(w.name(), "0", Formats.MISSING, Formats.f3(w.jointAccuracy()), Formats.f3(w.macroF1()),
                        Formats.f3(w.hammingLoss())));
                if (clips) {
                    Evaluation cl = first.test().clips().baselines().get(b);
                    row.add(Formats.f3(cl.jointAccuracy()));
                    row.add(Formats.f3(cl.macroF1()));
                    row.add(Formats.f3(cl.macroF1Present()));
                }
                if (ood) {
                    Evaluation o = first.ood().windows().baselines().get(b);
                    row.add(Formats.f3(o.jointAccuracy()));
                    row.add(Formats.f3(o.macroF1()));
                }
                row.add(Formats.MISSING);
                muted.add(rows.size());
                rows.add(row);
            }
            page.table(String.format(Locale.ROOT, "%s: %d model(s), %d seed(s) each (mean%s); n = %d %s examples%s", table.id(),
                    recipes.size(), c.train().seeds().size(), c.train().seeds().size() > 1 ? " ± sd" : "",
                    first.test().windows().model().n(), split, clips ? ", " + first.test().clips().model().n() + " clips" : ""),
                    header, rows, best < 0 ? Set.of() : Set.of(best), muted);
            if (perClass) {
                perClass(page, recipes);
            }
            Recipe top = best < 0 ? recipes.get(0) : recipes.get(best);
            groups(page, table, top);
            figures(page, table, recipes, top, clips);
            if (ood) {
                for (Recipe r : recipes) {
                    if (!recipeLabels.contains(r.label())) {
                        recipeLabels.add(r.label());
                        bars.add(new double[] {r.mean(x -> win(x).jointAccuracy()), r.mean(x -> x.ood().windows().model().jointAccuracy())});
                    }
                }
            }
        }
        if (ood && !recipeLabels.isEmpty()) {
            page.heading("Robustness to the transform shift (the paper's Figure 5)");
            double[] origin = bars.stream().mapToDouble(b -> b[0]).toArray();
            double[] shifted = bars.stream().mapToDouble(b -> b[1]).toArray();
            page.image(split + " joint accuracy: " + c.data().transform() + " (training transform) vs " + c.data().oodTransform()
                    + " (OOD)", Plots.groupedBars("Joint accuracy, " + c.data().transform() + " vs " + c.data().oodTransform(),
                            "joint accuracy", recipeLabels, List.of(c.data().transform(), c.data().oodTransform() + " (OOD)"),
                            List.of(origin, shifted)));
        }
        page.write(file);
    }

    private static Evaluation win(RunResult r) {
        return r.test().windows().model();
    }

    private static Evaluation clip(RunResult r) {
        return r.test().clips().model();
    }

    private static String dataLine(ExperimentConfig c, ExperimentResults results) {
        StringBuilder b = new StringBuilder("Data: ");
        if (c.data().synthetic() != null) {
            var s = c.data().synthetic();
            b.append(String.format(Locale.ROOT, "%d synthetic clips of %.1f s (profile %s%s, seed %d)", s.clips(), s.durationS(),
                    s.profile(), s.snrDb() == null ? "" : ", call SNR " + s.snrDb().get(0) + " to " + s.snrDb().get(1) + " dB", s.seed()));
        } else {
            b.append(c.data().manifest()).append(c.data().valAsTest() ? " (its val tapes are the test set; train tapes split into train/val)" : "");
        }
        b.append("; transform ").append(c.data().transform());
        if (c.data().oodTransform() != null) {
            b.append(", OOD transform ").append(c.data().oodTransform());
        }
        b.append(String.format(Locale.ROOT, "; %d epochs, batch %d, lr %s; scored on the %s split with the %s decision rule.",
                c.train().epochs(), c.train().batchSize(), c.train().learningRate(), c.evaluate().split(), c.evaluate().decision()));
        if (results.segmenter() != null) {
            var s = results.segmenter();
            b.append(String.format(Locale.ROOT, " Generated masks: %s trained on %d HQ masks, held-out IoU %.3f, Dice %.3f.",
                    s.network() == null ? "DeepLabV3 resnet18 w0.25, loss ce" : s.network(), s.trainMasks(), s.heldOutIou(),
                    s.heldOutDice()));
        }
        return b.toString();
    }

    private static List<Recipe> recipes(ExperimentResults results, List<String> ids) {
        Map<String, List<RunResult>> byRecipe = new LinkedHashMap<>();
        for (String id : ids) {
            RunResult r = results.run(id);
            byRecipe.computeIfAbsent(r.run().recipe(), k -> new ArrayList<>()).add(r);
        }
        return byRecipe.values().stream().map(l -> new Recipe(l.get(0).label(), l)).toList();
    }

    private static void perClass(HtmlReport page, List<Recipe> recipes) {
        for (Recipe r : recipes) {
            Evaluation e = win(r.runs().get(0));
            List<List<String>> rows = new ArrayList<>();
            for (Map.Entry<String, ClassMetrics> m : e.perClass().entrySet()) {
                ClassMetrics x = m.getValue();
                rows.add(List.of(m.getKey(), Formats.f3(x.precision()), Formats.f3(x.recall()), Formats.f3(x.f1()),
                        Integer.toString(x.support()), Formats.f3(x.rocAuc())));
            }
            page.table(r.label() + " — per class (first seed); hamming loss " + Formats.f3(e.hammingLoss()) + ", joint accuracy "
                    + Formats.f3(e.jointAccuracy()), List.of("class", "precision", "recall", "F1", "support", "ROC-AUC"), rows);
        }
    }

    /**
     * Macro-F1 of the table's best model per class-frequency group (thresholds: terciles of the
     * training counts) and per polyphony level (number of true labels), as in the Mix2 paper.
     */
    private static void groups(HtmlReport page, ExperimentConfig.Table table, Recipe best) {
        Evaluation e = win(best.runs().get(0));
        List<List<String>> rows = new ArrayList<>();
        e.frequencyGroups().forEach((group, g) -> rows.add(List.of("frequency: " + group,
                g.labels().isEmpty() ? Formats.MISSING : String.join(", ", g.labels()), Formats.MISSING, Formats.MISSING, Formats.f3(g.macroF1()))));
        for (var p : e.polyphony()) {
            rows.add(List.of("polyphony: " + p.level() + (p.level() == 1 ? " label" : " labels"), Formats.MISSING, Integer.toString(p.n()),
                    Formats.f3(p.jointAccuracy()), Formats.f3(p.macroF1())));
        }
        page.table(table.id() + ": " + best.label() + " by class frequency and by polyphony (first seed; macro-F1 of a subset "
                + "counts every label, so it is low where few labels occur)", List.of("group", "labels", "examples",
                        "joint acc.", "macro-F1"), rows);
    }

    private static void figures(HtmlReport page, ExperimentConfig.Table table, List<Recipe> recipes, Recipe best, boolean clips) {
        List<String> names = new ArrayList<>();
        List<double[]> curves = new ArrayList<>();
        for (Recipe r : recipes) {
            List<Double> v = r.runs().get(0).curves().valJointAccuracy();
            if (!v.isEmpty()) {
                names.add(r.label());
                curves.add(v.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        List<String> captions = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        if (!curves.isEmpty()) {
            captions.add(table.id() + ": validation joint accuracy by epoch (first seed)");
            pngs.add(Plots.lines(table.id() + " validation curves", "epoch", "val joint accuracy", names, curves));
        }
        RunResult b = best.runs().get(0);
        ClassifierEvaluation.Level level = clips ? b.test().clips() : b.test().windows();
        var cm = level.model().confusion();
        captions.add(table.id() + ": confusion matrix of " + best.label() + (clips ? " (clips)" : "") + " (rows true, columns predicted)");
        pngs.add(Plots.confusionMatrix(best.label(), cm.combinations(), cm.counts()));
        page.imageRow(captions, pngs);
    }
}
