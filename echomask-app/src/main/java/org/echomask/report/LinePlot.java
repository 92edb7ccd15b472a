package org.echomask.report;

import java.awt.FontMetrics;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;

/** Line charts of per-epoch series (training curves). Inputs are validated by {@link Plots}. */
final class LinePlot {
    /** Up to this many epochs every point gets a marker; beyond, markers would merge into a band. */
    private static final int MARKERS_UP_TO = 40;

    private LinePlot() {}

    static byte[] draw(String title, String xLabel, String yLabel, List<String> seriesNames, List<double[]> ys) {
        Chart chart = new Chart(Chart.WIDTH, Chart.HEIGHT);
        int y = chart.title(title);
        if (seriesNames.size() > 1) {
            y = chart.legend(seriesNames, y, true);
        }
        FontMetrics fm = chart.metrics(Chart.LABEL_FONT);
        chart.plotArea(64, y + 8, chart.width - 20, chart.height - 12 - 2 * fm.getHeight());

        int epochs = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] series : ys) {
            epochs = Math.max(epochs, series.length);
            for (double v : series) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        boolean empty = !(min <= max);
        if (empty) {
            min = 0;
            max = 1;
        } else if (min == max) {
            // A flat series still needs a y range; centre it.
            double pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 0.5;
            min -= pad;
            max += pad;
        }
        Axis yAxis = Axis.covering(min, max, 5, false);
        // Half an epoch of room at each end keeps the first and last points off the frame.
        int last = Math.max(epochs, 1);
        double pad = last == 1 ? 0.5 : Math.max(0.2, (last - 1) * 0.02);
        Axis xAxis = new Axis(1 - pad, last + pad, Axis.within(1, last + 1e-9, 8, true).ticks(), 0);

        chart.yAxis(yAxis, yLabel);
        chart.frame();
        chart.xAxis(xAxis, xLabel);
        if (empty) {
            chart.message("no data");
            return chart.png();
        }
        chart.g.clipRect(chart.plotLeft, chart.plotTop - 4, chart.plotRight - chart.plotLeft + 5,
                chart.plotBottom - chart.plotTop + 8);
        for (int s = 0; s < ys.size(); s++) {
            series(chart, xAxis, yAxis, ys.get(s), s, epochs <= MARKERS_UP_TO);
        }
        chart.g.setClip(null);
        return chart.png();
    }

    /** One series as a polyline broken at NaN; lone points between gaps always get a marker. */
    private static void series(Chart chart, Axis xAxis, Axis yAxis, double[] v, int index, boolean markers) {
        chart.g.setColor(Palette.series(index));
        chart.g.setStroke(Palette.lineStroke(index, 2f));
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                open = false;
                continue;
            }
            double px = chart.x(xAxis, i + 1);
            double py = chart.y(yAxis, v[i]);
            if (open) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                open = true;
            }
        }
        chart.g.draw(path);
        for (int i = 0; i < v.length; i++) {
            boolean lone = Double.isFinite(v[i]) && (i == 0 || !Double.isFinite(v[i - 1]))
                    && (i == v.length - 1 || !Double.isFinite(v[i + 1]));
            if (Double.isFinite(v[i]) && (markers || lone)) {
                double px = chart.x(xAxis, i + 1);
                double py = chart.y(yAxis, v[i]);
                Shape dot = new Ellipse2D.Double(px - 3, py - 3, 6, 6);
                chart.g.fill(dot);
            }
        }
    }
}
