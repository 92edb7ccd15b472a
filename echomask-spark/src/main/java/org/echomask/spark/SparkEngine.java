package org.echomask.spark;

import java.util.List;
import java.util.function.Consumer;
import org.echomask.EchomaskException;
import org.echomask.Progress;
import org.echomask.detect.AnalysisEngine;
import org.echomask.detect.AnalysisSettings;
import org.echomask.detect.Analyzer;
import org.echomask.detect.Recordings;
import org.echomask.detect.ScorerFactory;
import org.echomask.detect.WindowScorer;

/**
 * The {@code spark} analysis engine, as {@link java.util.ServiceLoader} sees it. It names no Spark
 * type, so it loads even where Spark is missing and says so instead of failing with a linkage error.
 */
public final class SparkEngine implements AnalysisEngine {
    /** A class of spark-sql, the entry point the engine uses. */
    static final String SPARK_CLASS = "org.apache.spark.sql.SparkSession";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Analyzer.Result run(List<Recordings.Recording> recordings, AnalysisSettings settings, WindowScorer<?> scorer,
            ScorerFactory scorers, Analyzer.Options options, String master, Progress progress, Consumer<String> log) {
        try {
            Class.forName(SPARK_CLASS, false, SparkEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new EchomaskException("--engine spark: Apache Spark is not on the class path (no " + SPARK_CLASS
                    + "); run ./echomask analyze --engine spark from the repository, which adds Spark 4.1 (Scala 2.13),"
                    + " or spark-submit the echomask-spark all jar", e);
        }
        return SparkAnalysis.run(recordings, settings, scorer, scorers, options, master, progress, log);
    }
}
