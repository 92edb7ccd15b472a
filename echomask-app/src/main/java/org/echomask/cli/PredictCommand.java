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
import picocli.CommandLine.Option;

/** {@code echomask predict}: a classifier's predictions for a dataset's examples. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score every example of a dataset (or one split) with a trained classifier.",
                "Writes a CSV: id, true labels, predicted labels, one probability column per label."})
final class PredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Classifier package (directory or .zip).")
    Path model;

    @Option(names = "--dataset", required = true, description = "Dataset directory.")
    Path dataset;

    @Option(names = "--split", description = "Only this split (train, val, test); default: all examples.")
    String split;

    @Option(names = "--out", required = true, description = "Predictions CSV to write.")
    Path out;

    @Option(names = "--batch-size", defaultValue = "64", description = "Examples per forward pass. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--threads", description = "Threads loading examples (default: all cores).")
    Integer threads;

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
        DatasetRef data = DatasetRef.open(dataset);
        try (ClassifierModel m = ClassifierModel.open(model)) {
            data.requireLabels(m.spec().labels());
            warnAboutFit(m.opened().warnings(), data.transformDifferences(m.card().transform()));
            ExampleSet examples = ExampleSet.load(dataset, e -> split == null || e.split().equals(split),
                    m.spec().maskSelection(), MasksCommand.threads(threads), TerminalProgress.forStderr());
            if (examples.size() == 0) {
                throw new EchomaskException(dataset + ": no examples" + (split == null ? "" : " in split " + split));
            }
            var predictions = m.predict(examples, batchSize, TerminalProgress.forStderr());
            PredictionsCsv.write(out, m.spec().labels(), predictions);
            long hits = predictions.stream().filter(p -> p.predicted().equals(p.trueLabels())).count();
            System.out.printf(Locale.ROOT, "%d predictions -> %s (joint accuracy %.4f against the manifest labels)%n",
                    predictions.size(), out, (double) hits / predictions.size());
            return 0;
        }
    }
}
