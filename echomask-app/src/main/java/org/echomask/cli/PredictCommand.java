package org.echomask.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.EchomaskException;
import org.echomask.classify.ClassifierModel;
import org.echomask.classify.PredictionsCsv;
import org.echomask.dataset.ExampleSet;
import org.echomask.model.DatasetRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code echomask predict}: a classifier's predictions for a dataset's examples. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score every example of a dataset (or one split) with a trained classifier.",
                "Writes a CSV: id, true labels, predicted labels, one probability column per label."})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    ScoringOptions scoring;

    @Option(names = "--split", defaultValue = Enums.SplitsOrAll.ALL, converter = Enums.SplitsOrAll.class,
            completionCandidates = Enums.SplitsOrAll.class,
            description = "Only this split: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE} examples.")
    String split;

    @Option(names = "--out", required = true, description = "Predictions CSV to write.")
    Path out;

    /** Prints a package's version warnings and how the dataset's transform differs from the model's. */
    static void warnAboutFit(java.util.List<String> packageWarnings, java.util.List<String> transformDifferences) {
        packageWarnings.forEach(w -> System.err.println("warning: " + w));
        if (!transformDifferences.isEmpty()) {
            System.err.println("warning: the dataset was rendered with another transform than the model's "
                    + "(an out-of-distribution test if intended):");
            transformDifferences.forEach(d -> System.err.println("  " + d));
        }
    }

    @Override
    public Integer call() {
        Path dataset = scoring.dataset;
        boolean all = split.equals(Enums.SplitsOrAll.ALL);
        DatasetRef data = DatasetRef.open(dataset);
        try (ClassifierModel m = ClassifierModel.open(scoring.model)) {
            data.requireLabels(m.spec().labels());
            warnAboutFit(m.opened().warnings(), data.transformDifferences(m.card().transform()));
            ExampleSet examples = ExampleSet.load(dataset, e -> all || e.split().equals(split),
                    m.spec().maskSelection(), scoring.threads.resolve(), TerminalProgress.forStderr());
            if (examples.size() == 0) {
                throw new EchomaskException(dataset + ": no examples" + (all ? "" : " in split " + split));
            }
            var predictions = m.predict(examples, scoring.batchSize, TerminalProgress.forStderr());
            PredictionsCsv.write(out, m.spec().labels(), predictions);
            long hits = predictions.stream().filter(p -> p.predicted().equals(p.trueLabels())).count();
            System.out.printf(Locale.ROOT, "%d predictions -> %s (joint accuracy %.4f against the manifest labels)%n",
                    predictions.size(), out, (double) hits / predictions.size());
            return 0;
        }
    }
}
