/**
 * {@code echomask analyze --engine spark}: the analysis of {@code org.echomask.detect} distributed
 * over Apache Spark executors. {@link org.echomask.spark.SparkEngine} is the
 * {@link org.echomask.detect.AnalysisEngine} found by {@link java.util.ServiceLoader};
 * {@link org.echomask.spark.SparkAnalysis} does the work with Spark's Java RDD API.
 */
package org.echomask.spark;
