package org.echomask.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.experiment.ExperimentConfig;
import org.echomask.experiment.ExperimentResults;
import org.echomask.experiment.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code echomask experiment}: a grid of training runs with shared stages, one report. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run an experiment: data -> masks -> segmenter -> every run of every table (train, score, score",
                "under the OOD transform) -> OUT/results.json and a self-contained OUT/report.html.",
                "CONFIG is a built-in (paper, watkins, demo, demo-quick) or a JSON file. Rerunning with the same",
                "OUT skips finished stages and runs, and resumes an interrupted run from its last epoch."})
final class ExperimentCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "Experiment config: built-in name or JSON file.")
    String config;

    @Option(names = "--out", required = true, description = "Output directory (reused to resume).")
    Path out;

    @Option(names = "--report-only", description = "Only draw OUT/report.html again from OUT/results.json (e.g. after an upgrade).")
    boolean reportOnly;

    @Override
    public Integer call() {
        if (reportOnly) {
            Path results = out.resolve(ExperimentRunner.RESULTS_FILE);
            if (!java.nio.file.Files.isRegularFile(results)) {
                throw new org.echomask.EchomaskException(results + ": no results to report on; run the experiment first");
            }
            ExperimentRunner.report(org.echomask.io.Json.readFile(results, ExperimentResults.class), out.resolve(ExperimentRunner.REPORT_FILE));
            System.out.println("report: " + out.resolve(ExperimentRunner.REPORT_FILE));
            return 0;
        }
        ExperimentConfig c = ExperimentConfig.load(config);
        ExperimentResults r = new ExperimentRunner(c, out, TerminalProgress.forStderr(), ExperimentCommand::printStage)
                .run(Main.lastArgs());
        System.out.printf(Locale.ROOT, "experiment %s: %d runs in %.1f s -> %s%n", c.name(), r.runs().size(), r.seconds(),
                out.resolve(ExperimentRunner.REPORT_FILE));
        return 0;
    }

    static void printStage(ExperimentRunner.Stage s) {
        System.out.printf(Locale.ROOT, "%-26s %8.1f s  %s%n", s.name(), s.seconds(), s.result());
    }
}
