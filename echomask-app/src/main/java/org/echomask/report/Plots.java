package org.echomask.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.echomask.io.AtomicFiles;

/**
 * PNG plots as bytes, so that one drawing can be both written to a file and embedded in a report.
 * Drawn with plain Java2D (headless): no chart library, no fonts or scripts from anywhere.
 *
 * <p>Charts are 640×420 pixels on white, with axes, tick labels,
 * a title and a legend when there is more than one series, in the colour-blind-safe Okabe–Ito
 * palette. NaN values are skipped (a bar shows as an empty slot marked "n/a"). Inputs whose sizes
 * disagree are refused with an {@link IllegalArgumentException} that names the sizes; empty inputs
 * give a chart that says "no data".
 */
public final class Plots {
    private Plots() {}

    /**
     * Heat map of a confusion matrix: rows are the true classes, columns the predicted ones, each
     * cell coloured by its fraction of the row (so rare classes are as visible as common ones) and
     * labelled with its count while cells are big enough to hold it. The image is 640 pixels wide
     * up to 23 classes and grows beyond that so that cells stay at least 16 pixels; its height
     * follows the column labels (about 480 to 620).
     */
    public static byte[] confusionMatrix(String title, List<String> names, int[][] counts) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(counts, "counts");
        if (counts.length != names.size()) {
            throw new IllegalArgumentException("confusionMatrix: " + names.size() + " class names but " + counts.length
                    + " rows of counts");
        }
        for (int r = 0; r < counts.length; r++) {
            if (counts[r] == null || counts[r].length != names.size()) {
                throw new IllegalArgumentException("confusionMatrix: row " + r + " (" + names.get(r) + ") has "
                        + (counts[r] == null ? "no" : counts[r].length) + " counts, expected " + names.size());
            }
            for (int c = 0; c < counts[r].length; c++) {
                if (counts[r][c] < 0) {
                    throw new IllegalArgumentException("confusionMatrix: negative count " + counts[r][c] + " at row "
                            + r + ", column " + c);
                }
            }
        }
        return ConfusionMatrixPlot.draw(title, names, counts);
    }

    /**
     * Grouped bar chart: one group per category (e.g. a model), one bar per series within it;
     * {@code values.get(series)[category]}. The y axis runs from 0 to at least 1 (scores) or the
     * largest value; negative values are drawn as zero-height bars.
     */
    public static byte[] groupedBars(String title, String yLabel, List<String> categories, List<String> seriesNames,
            List<double[]> values) {
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(seriesNames, "seriesNames");
        Objects.requireNonNull(values, "values");
        if (values.size() != seriesNames.size()) {
            throw new IllegalArgumentException("groupedBars: " + seriesNames.size() + " series names but "
                    + values.size() + " value arrays");
        }
        for (int s = 0; s < values.size(); s++) {
            double[] v = values.get(s);
            if (v == null || v.length != categories.size()) {
                throw new IllegalArgumentException("groupedBars: series \"" + seriesNames.get(s) + "\" has "
                        + (v == null ? "no" : v.length) + " values for " + categories.size() + " categories");
            }
        }
        return BarPlots.grouped(title, yLabel, categories, seriesNames, values);
    }

    /**
     * Line chart of training curves: x is the epoch, 1-based (value i of a series is epoch i + 1),
     * one line per series; series may differ in length, NaN values leave a gap. One y axis: scale
     * series of different units before, or draw two charts.
     */
    public static byte[] lines(String title, String xLabel, String yLabel, List<String> seriesNames, List<double[]> ys) {
        Objects.requireNonNull(seriesNames, "seriesNames");
        Objects.requireNonNull(ys, "ys");
        if (ys.size() != seriesNames.size()) {
            throw new IllegalArgumentException("lines: " + seriesNames.size() + " series names but " + ys.size()
                    + " value arrays");
        }
        for (int s = 0; s < ys.size(); s++) {
            if (ys.get(s) == null) {
                throw new IllegalArgumentException("lines: series \"" + seriesNames.get(s) + "\" has no values (null)");
            }
        }
        return LinePlot.draw(title, xLabel, yLabel, seriesNames, ys);
    }

    /**
     * Histogram of the values in [lo, hi] in {@code bins} equal bins (the last bin includes hi).
     * Values outside the range and NaN are not drawn but counted in a line under the title.
     */
    public static byte[] histogram(String title, String xLabel, double[] values, double lo, double hi, int bins) {
        Objects.requireNonNull(values, "values");
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && hi > lo)) {
            throw new IllegalArgumentException("histogram: range must be finite with lo < hi, got [" + lo + ", " + hi
                    + "]");
        }
        if (bins < 1 || bins > 10_000) {
            throw new IllegalArgumentException("histogram: bins must be between 1 and 10000, got " + bins);
        }
        return BarPlots.histogram(title, xLabel, values, lo, hi, bins);
    }

    /** Writes PNG bytes atomically (a reader never sees half a file). */
    public static void writePng(Path file, byte[] png) {
        Objects.requireNonNull(png, "png");
        AtomicFiles.writeBytes(file, png);
    }
}
