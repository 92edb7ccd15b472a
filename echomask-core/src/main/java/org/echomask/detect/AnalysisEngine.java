package org.echomask.detect;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.echomask.Progress;

/**
 * An engine that runs an analysis somewhere other than this JVM's threads, found with
 * {@link ServiceLoader} by {@link #name()} (the module {@code echomask-spark} provides
 * {@code spark}). An engine analyses each recording with {@link Analyzer#analyse} on its workers,
 * each worker opening its scorer from the {@link ScorerFactory} once, and assembles the run on the
 * driver with {@link RunOutputs}, so its files are those of {@link Analyzer#run}.
 */
public interface AnalysisEngine {

    /** The name chosen on the command line ({@code --engine NAME}). */
    String name();

    /**
     * Runs the analysis.
     *
     * @param scorer a scorer opened on the driver: checks the settings before any work is shipped
     * @param scorers opens the scorers on the workers
     * @param master where to run (for Spark a master URL such as {@code local[4]} or
     *     {@code spark://host:7077}), or null for the engine's default (its launcher's setting)
     */
    Analyzer.Result run(List<Recordings.Recording> recordings, AnalysisSettings settings, WindowScorer<?> scorer,
            ScorerFactory scorers, Analyzer.Options options, String master, Progress progress, Consumer<String> log);

    /** The engine of this name on the class path, if any. */
    static Optional<AnalysisEngine> find(String name) {
        for (AnalysisEngine e : ServiceLoader.load(AnalysisEngine.class)) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
