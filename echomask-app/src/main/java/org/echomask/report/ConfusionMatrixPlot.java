package org.echomask.report;

import java.awt.Font;
import java.awt.FontMetrics;
import java.util.List;

/**
 * Confusion-matrix heat map. Colour is the row-normalised fraction (recall per true class), so a
 * rare class's errors are as visible as a common one's; the cells carry the raw counts while they
 * are large enough to read. The image is 640 wide (wider beyond 23 classes) and as tall as the
 * column labels need. Inputs are validated by {@link Plots}.
 */
final class ConfusionMatrixPlot {
    static final int BASE_WIDTH = 640;
    /** Grid side up to 23 classes; beyond, the grid and the image grow so cells stay MIN_CELL wide. */
    static final int BASE_GRID = 368;
    private static final int MIN_CELL = 16;
    /** Room right of the grid for the colour bar and its labels. */
    private static final int COLOUR_BAR = 76;
    private static final int MAX_LABEL = 150;
    private static final int MAX_ROTATED = 110;
    /** Room left of the row labels for the upright "true". */
    private static final int AXIS_TITLE = 28;

    private ConfusionMatrixPlot() {}

    /**
     * Where everything goes for {@code n > 0} classes: image size, grid origin and cell size, the
     * label font (it shrinks with the cells so that neighbouring names never overlap), the width of
     * the row labels and the height of the column labels.
     */
    record Layout(int width, int height, int left, int top, int grid, double cell, Font labelFont, int rowLabels,
            int below) {}

    static Layout layout(List<String> names) {
        int n = names.size();
        int grid = Math.max(BASE_GRID, n * MIN_CELL);
        double cell = grid / (double) n;
        Font labelFont = Chart.LABEL_FONT.deriveFont((float) Math.max(9, Math.min(12, cell * 0.7)));
        FontMetrics lfm = Chart.measure(labelFont);
        int rowLabels = 0;
        for (String name : names) {
            rowLabels = Math.max(rowLabels, lfm.stringWidth(Chart.ellipsize(lfm, name, MAX_LABEL)));
        }
        int top = Chart.titleHeight(Chart.measure(Chart.TITLE_FONT)) + 6;
        // The height follows the column labels, so short names leave no empty band at the bottom.
        int below = Chart.slotLabelsHeight(lfm, names, cell, MAX_ROTATED);
        int height = top + grid + below + 4 + Chart.measure(Chart.LABEL_FONT).getHeight() + 14;
        // 640 wide up to 23 classes, then growing with the grid.
        int width = BASE_WIDTH + Math.max(0, grid - BASE_GRID);
        // Centre the block [axis title | row labels | grid | colour bar] horizontally.
        int beforeGrid = AXIS_TITLE + rowLabels + 8;
        int left = Math.max(beforeGrid, (width - beforeGrid - grid - COLOUR_BAR) / 2 + beforeGrid);
        return new Layout(width, height, left, top, grid, cell, labelFont, rowLabels, below);
    }

    static byte[] draw(String title, List<String> names, int[][] counts) {
        if (names.isEmpty()) {
            Chart chart = new Chart(BASE_WIDTH, Chart.HEIGHT);
            chart.plotArea(0, chart.title(title), chart.width, chart.height);
            chart.message("no data");
            return chart.png();
        }
        Layout l = layout(names);
        Chart chart = new Chart(l.width(), l.height());
        chart.title(title);
        chart.plotArea(l.left(), l.top(), l.left() + l.grid(), l.top() + l.grid());
        cells(chart, counts, l.cell());
        rowLabels(chart, l.labelFont(), names, l.cell());
        chart.slotLabels(l.labelFont(), names, chart.plotLeft, l.cell(), chart.plotBottom, MAX_ROTATED);
        chart.xTitle("predicted", chart.plotBottom + l.below() + 4);
        chart.verticalText("true", chart.plotLeft - l.rowLabels() - 14, (chart.plotTop + chart.plotBottom) / 2,
                l.grid());
        colourBar(chart);
        return chart.png();
    }

    private static void cells(Chart chart, int[][] counts, double cell) {
        int n = counts.length;
        Font countFont = Chart.LABEL_FONT.deriveFont((float) Math.max(9, Math.min(14, cell * 0.3)));
        FontMetrics cfm = chart.metrics(countFont);
        // All counts or none: a matrix where only some cells are numbered reads as if the others were 0.
        boolean numbers = cell >= 20;
        for (int[] row : counts) {
            for (int v : row) {
                numbers &= cfm.stringWidth(Integer.toString(v)) <= cell - 4;
            }
        }
        chart.g.setFont(countFont);
        for (int r = 0; r < n; r++) {
            long sum = 0;
            for (int v : counts[r]) {
                sum += v;
            }
            for (int c = 0; c < n; c++) {
                double fraction = sum == 0 ? 0 : counts[r][c] / (double) sum;
                int x0 = chart.plotLeft + (int) Math.round(c * cell);
                int y0 = chart.plotTop + (int) Math.round(r * cell);
                int x1 = chart.plotLeft + (int) Math.round((c + 1) * cell);
                int y1 = chart.plotTop + (int) Math.round((r + 1) * cell);
                chart.g.setColor(Palette.heat(fraction));
                chart.g.fillRect(x0, y0, x1 - x0, y1 - y0);
                if (numbers) {
                    String s = Integer.toString(counts[r][c]);
                    chart.g.setColor(Palette.textOnHeat(fraction));
                    chart.g.drawString(s, (x0 + x1 - cfm.stringWidth(s)) / 2,
                            (y0 + y1) / 2 + cfm.getAscent() / 2 - 1);
                }
            }
        }
        chart.g.setColor(Palette.GRID);
        chart.g.drawRect(chart.plotLeft, chart.plotTop, chart.plotRight - chart.plotLeft,
                chart.plotBottom - chart.plotTop);
    }

    private static void rowLabels(Chart chart, Font font, List<String> names, double cell) {
        chart.g.setFont(font);
        chart.g.setColor(Palette.AXIS);
        FontMetrics fm = chart.g.getFontMetrics();
        for (int r = 0; r < names.size(); r++) {
            String s = Chart.ellipsize(fm, names.get(r), MAX_LABEL);
            int cy = chart.plotTop + (int) Math.round((r + 0.5) * cell);
            chart.g.drawString(s, chart.plotLeft - 6 - fm.stringWidth(s), cy + fm.getAscent() / 2 - 1);
        }
    }

    /** A vertical ramp from 0 (bottom) to 1 (top) labelled as the fraction of the true class. */
    private static void colourBar(Chart chart) {
        int x = chart.plotRight + 16;
        int w = 14;
        int h = chart.plotBottom - chart.plotTop;
        for (int i = 0; i < h; i++) {
            chart.g.setColor(Palette.heat(1 - i / (double) (h - 1)));
            chart.g.fillRect(x, chart.plotTop + i, w, 1);
        }
        chart.g.setColor(Palette.GRID);
        chart.g.drawRect(x, chart.plotTop, w, h);
        chart.g.setFont(Chart.SMALL_FONT);
        chart.g.setColor(Palette.AXIS);
        FontMetrics fm = chart.g.getFontMetrics();
        String[] labels = {"0", "0.5", "1"};
        for (int i = 0; i < labels.length; i++) {
            int py = chart.plotBottom - (int) Math.round(i / 2.0 * h);
            chart.g.drawLine(x + w, py, x + w + 3, py);
            chart.g.drawString(labels[i], x + w + 5, py + fm.getAscent() / 2 - 1);
        }
        chart.verticalText("fraction of true class", x + w + 38, (chart.plotTop + chart.plotBottom) / 2, h);
    }
}
