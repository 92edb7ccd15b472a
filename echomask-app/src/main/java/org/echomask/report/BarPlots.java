package org.echomask.report;

import java.awt.FontMetrics;
import java.awt.geom.AffineTransform;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/** Bar charts: grouped bars per category, and histograms. Inputs are validated by {@link Plots}. */
final class BarPlots {
    /** Share of a category's slot taken by its bars; the rest separates the groups. */
    private static final double GROUP_FILL = 0.8;
    private static final int LEFT = 64;
    private static final int RIGHT_PAD = 20;

    private BarPlots() {}

    static byte[] grouped(String title, String yLabel, List<String> categories, List<String> seriesNames,
            List<double[]> values) {
        Chart chart = new Chart(Chart.WIDTH, Chart.HEIGHT);
        int y = chart.title(title);
        if (seriesNames.size() > 1) {
            y = chart.legend(seriesNames, y, false);
        }
        int right = chart.width - RIGHT_PAD;
        double slot = categories.isEmpty() ? right - LEFT : (right - LEFT) / (double) categories.size();
        FontMetrics fm = chart.metrics(Chart.LABEL_FONT);
        int labels = Chart.slotLabelsHeight(fm, categories, slot, 130);
        // 14 px above the plot so that a value label over the tallest bar stays clear of the legend.
        chart.plotArea(LEFT, y + 14, right, chart.height - 8 - labels);

        double max = 1;
        for (double[] v : values) {
            for (double d : v) {
                if (Double.isFinite(d)) {
                    max = Math.max(max, d);
                }
            }
        }
        Axis axis = Axis.covering(0, max, 5, false);
        chart.yAxis(axis, yLabel);
        if (categories.isEmpty() || seriesNames.isEmpty()) {
            chart.frame();
            chart.message("no data");
            return chart.png();
        }
        double barWidth = slot * GROUP_FILL / seriesNames.size();
        for (int c = 0; c < categories.size(); c++) {
            double groupLeft = chart.plotLeft + c * slot + slot * (1 - GROUP_FILL) / 2;
            for (int s = 0; s < seriesNames.size(); s++) {
                double x0 = groupLeft + s * barWidth;
                double v = values.get(s)[c];
                if (Double.isFinite(v)) {
                    bar(chart, axis, x0, barWidth, Math.max(0, v), s);
                } else {
                    notAvailable(chart, x0, barWidth);
                }
            }
        }
        chart.frame();
        chart.slotLabels(Chart.LABEL_FONT, categories, chart.plotLeft, slot, chart.plotBottom, 130);
        return chart.png();
    }

    static byte[] histogram(String title, String xLabel, double[] values, double lo, double hi, int bins) {
        int[] counts = new int[bins];
        int inside = 0;
        int outside = 0;
        int missing = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                missing++;
            } else if (v < lo || v > hi) {
                outside++;
            } else {
                counts[Math.min(bins - 1, (int) ((v - lo) / (hi - lo) * bins))]++;
                inside++;
            }
        }
        Chart chart = new Chart(Chart.WIDTH, Chart.HEIGHT);
        int y = chart.title(title);
        y = subtitle(chart, y, summary(inside, outside, missing, lo, hi));
        FontMetrics fm = chart.metrics(Chart.LABEL_FONT);
        chart.plotArea(LEFT, y + 8, chart.width - RIGHT_PAD, chart.height - 12 - 2 * fm.getHeight());
        int maxCount = 1;
        for (int c : counts) {
            maxCount = Math.max(maxCount, c);
        }
        Axis yAxis = Axis.covering(0, maxCount, 5, true);
        Axis xAxis = Axis.within(lo, hi, 6, false);
        chart.yAxis(yAxis, "count");
        chart.g.setColor(Palette.series(0));
        double binWidth = (hi - lo) / bins;
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                continue;
            }
            int x0 = (int) Math.round(chart.x(xAxis, lo + b * binWidth));
            int x1 = (int) Math.round(chart.x(xAxis, lo + (b + 1) * binWidth));
            int top = (int) Math.round(chart.y(yAxis, counts[b]));
            // A 1 px white seam between wide bins keeps neighbouring bins apart.
            int w = Math.max(1, x1 - x0 - (x1 - x0 >= 4 ? 1 : 0));
            chart.g.fillRect(x0, top, w, chart.plotBottom - top);
        }
        chart.frame();
        chart.xAxis(xAxis, xLabel);
        if (inside == 0) {
            chart.message("no values in range");
        }
        return chart.png();
    }

    private static void bar(Chart chart, Axis axis, double x0, double width, double v, int series) {
        int left = (int) Math.round(x0);
        int right = (int) Math.round(x0 + width) - (width >= 4 ? 1 : 0);
        int top = (int) Math.round(chart.y(axis, v));
        chart.g.setColor(Palette.series(series));
        chart.g.fillRect(left, top, Math.max(1, right - left), chart.plotBottom - top);
        // The value over the bar, when the bar is wide enough to carry it.
        chart.g.setFont(Chart.SMALL_FONT);
        FontMetrics fm = chart.g.getFontMetrics();
        String text = compact(v);
        if (fm.stringWidth(text) <= right - left + 2) {
            chart.g.setColor(Palette.AXIS);
            chart.g.drawString(text, (left + right - fm.stringWidth(text)) / 2, top - 3);
        }
    }

    /** An empty bar slot marked "n/a", written upright when the slot is narrower than the text. */
    private static void notAvailable(Chart chart, double x0, double width) {
        chart.g.setFont(Chart.SMALL_FONT);
        chart.g.setColor(Palette.MUTED);
        FontMetrics fm = chart.g.getFontMetrics();
        String text = "n/a";
        double cx = x0 + width / 2;
        if (fm.stringWidth(text) <= width) {
            chart.g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), chart.plotBottom - 4);
        } else {
            AffineTransform saved = chart.g.getTransform();
            chart.g.translate(cx + fm.getAscent() / 2.0 - 1, chart.plotBottom - 4);
            chart.g.rotate(-Math.PI / 2);
            chart.g.drawString(text, 0, 0);
            chart.g.setTransform(saved);
        }
    }

    /** Three significant digits, no exponent: 0.873, 12.3, 1234. */
    static String compact(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3));
        if (d.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static String summary(int inside, int outside, int missing, double lo, double hi) {
        StringBuilder s = new StringBuilder("n = " + inside);
        if (outside > 0) {
            s.append(", ").append(outside).append(" outside [").append(compact(lo)).append(", ")
                    .append(compact(hi)).append("] not shown");
        }
        if (missing > 0) {
            s.append(", ").append(missing).append(" NaN skipped");
        }
        return s.toString();
    }

    private static int subtitle(Chart chart, int y, String text) {
        chart.g.setFont(Chart.SMALL_FONT);
        chart.g.setColor(Palette.MUTED);
        FontMetrics fm = chart.g.getFontMetrics();
        chart.g.drawString(text, (chart.width - fm.stringWidth(text)) / 2, y + fm.getAscent() - 2);
        return y + fm.getHeight();
    }
}
