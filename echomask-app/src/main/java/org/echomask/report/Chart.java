package org.echomask.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * One plot being drawn: a white canvas and the pieces every chart shares (title, legend, axes with
 * tick labels and grid lines, labels under category slots). The chart kinds only decide the layout
 * and draw their marks inside {@link #plotLeft}..{@link #plotRight} × {@link #plotTop}..{@link #plotBottom}.
 */
final class Chart {
    static final int WIDTH = 640;
    static final int HEIGHT = 420;
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final double SIN45 = Math.sqrt(0.5);
    private static final String ELLIPSIS = "\u2026";

    static {
        // Reports are made by batch commands and tests: drawing must never try to open a display.
        System.setProperty("java.awt.headless", "true");
    }

    final int width;
    final int height;
    final BufferedImage image;
    final Graphics2D g;
    int plotLeft;
    int plotTop;
    int plotRight;
    int plotBottom;

    Chart(int width, int height) {
        this.width = width;
        this.height = height;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** The title centred at the top; returns the first free y below it. */
    int title(String title) {
        g.setFont(TITLE_FONT);
        g.setColor(Palette.AXIS);
        FontMetrics fm = g.getFontMetrics();
        String text = ellipsize(fm, title == null ? "" : title, width - 24);
        g.drawString(text, (width - fm.stringWidth(text)) / 2, 12 + fm.getAscent());
        return titleHeight(fm);
    }

    /** Where {@link #title} ends, for layouts that size the image before drawing. */
    static int titleHeight(FontMetrics titleMetrics) {
        return 12 + titleMetrics.getHeight() + 4;
    }

    /**
     * A horizontal legend centred at {@code y}, wrapping onto more rows when needed; swatches are
     * short lines for line charts and squares for bars. Returns the first free y below it.
     */
    int legend(List<String> names, int y, boolean lineSwatches) {
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        int swatch = lineSwatches ? 22 : 12;
        int gap = 18;
        int maxRow = width - 40;
        int rowHeight = fm.getHeight() + 2;
        int i = 0;
        while (i < names.size()) {
            // Take as many items as fit on this row (at least one), then centre the row.
            int start = i;
            int rowWidth = 0;
            while (i < names.size()) {
                int w = swatch + 6 + fm.stringWidth(ellipsize(fm, names.get(i), 220)) + (i > start ? gap : 0);
                if (i > start && rowWidth + w > maxRow) {
                    break;
                }
                rowWidth += w;
                i++;
            }
            int x = (width - rowWidth) / 2;
            int mid = y + rowHeight / 2;
            for (int k = start; k < i; k++) {
                String name = ellipsize(fm, names.get(k), 220);
                g.setColor(Palette.series(k));
                if (lineSwatches) {
                    g.setStroke(Palette.lineStroke(k, 2.5f));
                    g.drawLine(x, mid, x + swatch, mid);
                } else {
                    g.fillRect(x, mid - 6, swatch, 12);
                }
                g.setColor(Palette.AXIS);
                g.drawString(name, x + swatch + 6, mid + fm.getAscent() / 2 - 1);
                x += swatch + 6 + fm.stringWidth(name) + gap;
            }
            y += rowHeight;
        }
        g.setStroke(new BasicStroke(1f));
        return y + 4;
    }

    void plotArea(int left, int top, int right, int bottom) {
        plotLeft = left;
        plotTop = top;
        plotRight = right;
        plotBottom = bottom;
    }

    /** Pixel row of a value on the y axis. */
    double y(Axis axis, double v) {
        return plotBottom - axis.fraction(v) * (plotBottom - plotTop);
    }

    /** Pixel column of a value on the x axis. */
    double x(Axis axis, double v) {
        return plotLeft + axis.fraction(v) * (plotRight - plotLeft);
    }

    /** Horizontal grid lines and tick labels at the y ticks, plus the axis title turned upright. */
    void yAxis(Axis axis, String label) {
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (double t : axis.ticks()) {
            int py = (int) Math.round(y(axis, t));
            g.setColor(Palette.GRID);
            g.drawLine(plotLeft, py, plotRight, py);
            g.setColor(Palette.AXIS);
            g.drawLine(plotLeft - 4, py, plotLeft, py);
            String s = axis.label(t);
            g.drawString(s, plotLeft - 7 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }
        verticalText(label, 8 + fm.getAscent(), (plotTop + plotBottom) / 2, plotBottom - plotTop);
    }

    /** Tick marks and labels under the plot at the x ticks, and the axis title below them. */
    void xAxis(Axis axis, String label) {
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Palette.AXIS);
        for (double t : axis.ticks()) {
            int px = (int) Math.round(x(axis, t));
            g.drawLine(px, plotBottom, px, plotBottom + 4);
            String s = axis.label(t);
            g.drawString(s, px - fm.stringWidth(s) / 2, plotBottom + 6 + fm.getAscent());
        }
        xTitle(label, plotBottom + 8 + fm.getHeight());
    }

    /** An axis title centred under the plot with its top at {@code y}. */
    void xTitle(String label, int y) {
        if (label == null || label.isEmpty()) {
            return;
        }
        g.setFont(LABEL_FONT);
        g.setColor(Palette.AXIS);
        FontMetrics fm = g.getFontMetrics();
        String s = ellipsize(fm, label, plotRight - plotLeft);
        g.drawString(s, (plotLeft + plotRight - fm.stringWidth(s)) / 2, y + fm.getAscent());
    }

    /** Text turned 90° counter-clockwise, centred on (x, cy), its baseline at x. */
    void verticalText(String label, int x, int cy, int maxLength) {
        if (label == null || label.isEmpty()) {
            return;
        }
        g.setFont(LABEL_FONT);
        g.setColor(Palette.AXIS);
        FontMetrics fm = g.getFontMetrics();
        String s = ellipsize(fm, label, maxLength);
        AffineTransform saved = g.getTransform();
        g.translate(x, cy);
        g.rotate(-Math.PI / 2);
        g.drawString(s, -fm.stringWidth(s) / 2, 0);
        g.setTransform(saved);
    }

    /** The axis lines on the left and at the bottom of the plot. */
    void frame() {
        g.setColor(Palette.AXIS);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(plotLeft, plotTop, plotLeft, plotBottom);
        g.drawLine(plotLeft, plotBottom, plotRight, plotBottom);
    }

    /** Grey centred message for a chart with nothing to show. */
    void message(String text) {
        g.setFont(LABEL_FONT);
        g.setColor(Palette.MUTED);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (plotLeft + plotRight - fm.stringWidth(text)) / 2, (plotTop + plotBottom) / 2);
    }

    /**
     * How labels sit under their slots: on one line when every label fits its slot, on two lines
     * (split at a space) when that makes every one fit, else turned 45° and cut at a length.
     */
    static int slotLabelLines(FontMetrics fm, List<String> labels, double slotWidth) {
        boolean one = true;
        boolean two = true;
        for (String s : labels) {
            one &= fm.stringWidth(s) <= slotWidth - 4;
            two &= split(fm, s, slotWidth) != null;
        }
        return one ? 1 : two ? 2 : 0;
    }

    /** The height that {@link #slotLabels} needs. */
    static int slotLabelsHeight(FontMetrics fm, List<String> labels, double slotWidth, int maxRotated) {
        int lines = slotLabelLines(fm, labels, slotWidth);
        if (lines > 0) {
            return lines * fm.getHeight() + 6;
        }
        int longest = 0;
        for (String s : labels) {
            longest = Math.max(longest, fm.stringWidth(ellipsize(fm, s, maxRotated)));
        }
        return (int) Math.ceil(SIN45 * (longest + fm.getAscent())) + 8;
    }

    /**
     * Labels under equal slots starting at {@code x0}, laid out as {@link #slotLabelLines} says.
     * Turned labels end under their slot's centre: long names stay legible and never overlap their
     * neighbours, which horizontal text would.
     */
    void slotLabels(Font font, List<String> labels, double x0, double slotWidth, int y, int maxRotated) {
        g.setFont(font);
        g.setColor(Palette.AXIS);
        FontMetrics fm = g.getFontMetrics();
        int lines = slotLabelLines(fm, labels, slotWidth);
        for (int i = 0; i < labels.size(); i++) {
            double cx = x0 + (i + 0.5) * slotWidth;
            if (lines > 0) {
                String[] parts = lines == 1 ? new String[] {labels.get(i)} : split(fm, labels.get(i), slotWidth);
                for (int k = 0; k < parts.length; k++) {
                    g.drawString(parts[k], (float) (cx - fm.stringWidth(parts[k]) / 2.0),
                            y + 4 + fm.getAscent() + k * fm.getHeight());
                }
            } else {
                String s = ellipsize(fm, labels.get(i), maxRotated);
                AffineTransform saved = g.getTransform();
                g.translate(cx, y + 6);
                g.rotate(-Math.PI / 4);
                g.drawString(s, -fm.stringWidth(s) - 2, fm.getAscent() / 2);
                g.setTransform(saved);
            }
        }
    }

    /** The label as one or two lines that fit the slot (the most balanced split at a space), or null. */
    private static String[] split(FontMetrics fm, String label, double slotWidth) {
        if (fm.stringWidth(label) <= slotWidth - 4) {
            return new String[] {label};
        }
        String[] best = null;
        int bestWidth = Integer.MAX_VALUE;
        for (int at = label.indexOf(' '); at >= 0; at = label.indexOf(' ', at + 1)) {
            String a = label.substring(0, at).strip();
            String b = label.substring(at + 1).strip();
            int w = Math.max(fm.stringWidth(a), fm.stringWidth(b));
            if (w <= slotWidth - 4 && w < bestWidth) {
                best = new String[] {a, b};
                bestWidth = w;
            }
        }
        return best;
    }

    /** The text cut with an ellipsis so that it is at most {@code maxWidth} pixels wide. */
    static String ellipsize(FontMetrics fm, String text, int maxWidth) {
        String s = text == null ? "" : text;
        if (fm.stringWidth(s) <= maxWidth) {
            return s;
        }
        int end = s.length();
        while (end > 0 && fm.stringWidth(s.substring(0, end) + ELLIPSIS) > maxWidth) {
            end--;
        }
        return s.substring(0, end) + ELLIPSIS;
    }

    FontMetrics metrics(Font font) {
        return g.getFontMetrics(font);
    }

    /** Font metrics before a chart exists, for layouts that size the image from its labels. */
    static FontMetrics measure(Font font) {
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            scratch.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return scratch.getFontMetrics(font);
        } finally {
            scratch.dispose();
        }
    }

    /** Ends the drawing and encodes the image as PNG. */
    byte[] png() {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
