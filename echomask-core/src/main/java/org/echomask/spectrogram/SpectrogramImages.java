package org.echomask.spectrogram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.echomask.io.AtomicFiles;

/**
 * PNG images of spectrograms, drawn with java.awt only (works headless). Row 0 (lowest
 * frequency) is always at the bottom. Files are written atomically.
 */
public final class SpectrogramImages {
    private static final int MIN_PLOT_W = 720;
    private static final int MIN_PLOT_H = 360;
    private static final int MAX_PLOT_W = 1600;
    private static final int MAX_PLOT_H = 800;
    private static final int LEFT = 84;
    private static final int RIGHT = 110;
    private static final int TOP = 44;
    private static final int BOTTOM = 60;

    static {
        // Drawing must never try to open a display, even when a caller forgot -Djava.awt.headless.
        System.setProperty("java.awt.headless", "true");
    }

    private SpectrogramImages() {}

    /**
     * An 8-bit greyscale PNG of {@code values[row][col]}, one pixel per cell, min-max scaled to
     * 0..255 (a constant or all-NaN image is black; NaN cells are black): the dataset image format.
     */
    public static void writeGray(Path png, float[][] values) {
        write(png, gray(values));
    }

    /** The image {@link #writeGray} writes. */
    public static BufferedImage gray(float[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException("empty image: " + rows + "x" + cols);
        }
        float[] range = range(values);
        double scale = range[1] > range[0] ? 255.0 / ((double) range[1] - range[0]) : 0;
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int r = 0; r < rows; r++) {
            float[] row = values[r];
            if (row.length != cols) {
                throw new IllegalArgumentException("ragged rows: " + row.length + " vs " + cols);
            }
            int base = (rows - 1 - r) * cols;
            for (int c = 0; c < cols; c++) {
                float v = row[c];
                double d = (v - range[0]) * scale; // ±Infinity clamps below, NaN is black
                int g = d > 0 ? (d < 255 ? (int) Math.round(d) : 255) : 0;
                px[base + c] = (byte) g;
            }
        }
        return img;
    }

    /**
     * A figure for people: viridis colours, time axis in seconds, frequency axis in Hz or kHz,
     * tick labels, the transform name as title and a colour bar labelled "level".
     */
    public static void writeColour(Path png, Spectrogram s) {
        writeColour(png, s, "level");
    }

    /** As {@link #writeColour(Path, Spectrogram)} with the colour bar labelled {@code valueLabel} (e.g. "dB"). */
    public static void writeColour(Path png, Spectrogram s, String valueLabel) {
        write(png, colour(s, valueLabel));
    }

    /** The image {@link #writeColour} writes. */
    public static BufferedImage colour(Spectrogram s, String valueLabel) {
        float[][] v = s.values();
        int rows = s.frequencyBins();
        int cols = s.frames();
        if (rows == 0 || cols == 0) {
            throw new IllegalArgumentException("empty spectrogram: " + rows + "x" + cols);
        }
        // Big grids are area-averaged to the plot size; small ones are scaled up by whole pixels.
        if (rows > MAX_PLOT_H || cols > MAX_PLOT_W) {
            v = Resize.area(v, Math.min(rows, MAX_PLOT_H), Math.min(cols, MAX_PLOT_W));
        }
        int gr = v.length;
        int gc = v[0].length;
        int plotW = gc * Math.max(1, (int) Math.ceil(MIN_PLOT_W / (double) gc));
        int plotH = gr * Math.max(1, (int) Math.ceil(MIN_PLOT_H / (double) gr));
        plotW = Math.min(plotW, Math.max(MAX_PLOT_W, gc));
        plotH = Math.min(plotH, Math.max(MAX_PLOT_H, gr));
        int width = LEFT + plotW + RIGHT;
        int height = TOP + plotH + BOTTOM;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            float[] range = range(v);
            double span = range[1] > range[0] ? (double) range[1] - range[0] : 1;
            for (int y = 0; y < plotH; y++) {
                int r = gr - 1 - (int) ((long) y * gr / plotH);
                for (int x = 0; x < plotW; x++) {
                    float val = v[r][(int) ((long) x * gc / plotW)];
                    img.setRGB(LEFT + x, TOP + y, ColourMap.viridis((val - range[0]) / span));
                }
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(LEFT - 1, TOP - 1, plotW + 1, plotH + 1);
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();
            drawTimeAxis(g, fm, s.timesSeconds(), plotW, plotH);
            drawFrequencyAxis(g, fm, s.frequenciesHz(), plotW, plotH);
            drawColourBar(g, fm, range, valueLabel, plotW, plotH);
            g.setFont(font.deriveFont(Font.BOLD, 16f));
            String title = s.transformName() + "  (" + s.window() + ", n_fft " + s.nFft() + ", hop " + s.hop() + ", "
                    + formatNumber(s.sampleRate() / 1000.0) + " kHz)";
            int tw = g.getFontMetrics().stringWidth(title);
            g.drawString(title, LEFT + (plotW - tw) / 2, TOP - 14);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void drawTimeAxis(Graphics2D g, FontMetrics fm, double[] times, int plotW, int plotH) {
        int n = times.length;
        double step = n > 1 ? (times[n - 1] - times[0]) / (n - 1) : 0;
        // Columns cover [t0 − step/2, tN + step/2]; a single column gets an arbitrary unit width.
        double start = times[0] - (n > 1 ? step / 2 : 0.5);
        double end = times[n - 1] + (n > 1 ? step / 2 : 0.5);
        int y0 = TOP + plotH;
        for (double t : ticks(start, end, Math.max(2, plotW / 90))) {
            int x = LEFT + (int) Math.round((t - start) / (end - start) * plotW);
            g.drawLine(x, y0, x, y0 + 5);
            String label = formatNumber(t);
            g.drawString(label, x - fm.stringWidth(label) / 2, y0 + 7 + fm.getAscent());
        }
        String title = "time (s)";
        g.drawString(title, LEFT + (plotW - fm.stringWidth(title)) / 2, y0 + 12 + 2 * fm.getHeight());
    }

    private static void drawFrequencyAxis(Graphics2D g, FontMetrics fm, double[] freqs, int plotW, int plotH) {
        int n = freqs.length;
        boolean khz = freqs[n - 1] >= 2000;
        double unit = khz ? 1000 : 1;
        // Row r spans fractional rows [r, r + 1] from the bottom; its centre holds freqs[r].
        // Tick positions are interpolated between row centres, which also handles mel axes.
        double lo = edge(freqs, -0.5);
        double hi = edge(freqs, n - 0.5);
        for (double f : ticks(lo / unit, hi / unit, Math.max(2, plotH / 60))) {
            double row = fractionalRow(freqs, f * unit);
            int y = TOP + plotH - (int) Math.round((row + 0.5) / n * plotH);
            if (y < TOP || y > TOP + plotH) {
                continue;
            }
            g.drawLine(LEFT - 6, y, LEFT - 1, y);
            String label = formatNumber(f);
            g.drawString(label, LEFT - 9 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        String title = khz ? "frequency (kHz)" : "frequency (Hz)";
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(title, -(TOP + (plotH + fm.stringWidth(title)) / 2), 18);
        g.setTransform(saved);
    }

    private static void drawColourBar(Graphics2D g, FontMetrics fm, float[] range, String label, int plotW,
            int plotH) {
        int x0 = LEFT + plotW + 18;
        int barW = 16;
        for (int y = 0; y < plotH; y++) {
            g.setColor(new Color(ColourMap.viridis(1 - y / (double) (plotH - 1))));
            g.drawLine(x0, TOP + y, x0 + barW, TOP + y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, TOP, barW, plotH - 1);
        double lo = range[0];
        double hi = range[1] > range[0] ? range[1] : range[0] + 1;
        for (double v : ticks(lo, hi, 6)) {
            int y = TOP + (int) Math.round((hi - v) / (hi - lo) * (plotH - 1));
            g.drawLine(x0 + barW, y, x0 + barW + 4, y);
            g.drawString(formatNumber(v), x0 + barW + 7, y + fm.getAscent() / 2 - 1);
        }
        g.drawString(label, x0 - 2, TOP - 4);
    }

    /** Value at fractional row index {@code pos}, interpolated/extrapolated linearly. */
    private static double edge(double[] centres, double pos) {
        int n = centres.length;
        if (n == 1) {
            return centres[0] + pos;
        }
        int i = Math.max(0, Math.min(n - 2, (int) Math.floor(pos)));
        return centres[i] + (pos - i) * (centres[i + 1] - centres[i]);
    }

    /** Inverse of {@link #edge} for an increasing axis. */
    private static double fractionalRow(double[] centres, double f) {
        int n = centres.length;
        if (n == 1) {
            return f - centres[0];
        }
        int i = 0;
        while (i < n - 2 && f > centres[i + 1]) {
            i++;
        }
        double d = centres[i + 1] - centres[i];
        return i + (d != 0 ? (f - centres[i]) / d : 0);
    }

    /** "Nice" tick values (1, 2, 2.5, 5 × 10^k steps) within [lo, hi], about {@code target} of them. */
    static List<Double> ticks(double lo, double hi, int target) {
        List<Double> out = new ArrayList<>();
        if (!(hi > lo)) {
            out.add(lo);
            return out;
        }
        double raw = (hi - lo) / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        for (double t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Finite min and max; {0, 0} when there are no finite values. */
    private static float[] range(float[][] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : values) {
            for (float v : row) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new float[] {min, max} : new float[] {0, 0};
    }

    private static void write(Path png, BufferedImage img) {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
