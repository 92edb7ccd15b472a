package org.echomask.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * Colours of the plots. Series use the Okabe–Ito palette, which stays distinguishable under the
 * common colour-vision deficiencies; heat maps use a single-hue sequential ramp whose lightness
 * falls monotonically, so "darker = more" holds in greyscale print too.
 */
final class Palette {
    /**
     * Okabe–Ito, reordered so that the first colours are the most distinct on white; yellow comes
     * last because it is faint on a white background.
     */
    private static final Color[] SERIES = {
        new Color(0x0072B2), // blue
        new Color(0xE69F00), // orange
        new Color(0x009E73), // bluish green
        new Color(0xD55E00), // vermillion
        new Color(0x56B4E9), // sky blue
        new Color(0xCC79A7), // reddish purple
        new Color(0x000000), // black
        new Color(0xF0E442), // yellow
    };

    /** ColorBrewer "Blues" stops, light to dark. */
    private static final Color[] HEAT = {
        new Color(0xF7FBFF), new Color(0xC6DBEF), new Color(0x6BAED6), new Color(0x2171B5), new Color(0x08306B),
    };

    /**
     * Dash patterns for the second and later rounds through the colours, so a chart with more
     * than eight lines still tells them apart.
     */
    private static final float[][] DASHES = {null, {8f, 5f}, {2f, 4f}, {10f, 4f, 2f, 4f}};

    static final Color AXIS = new Color(0x333333);
    static final Color GRID = new Color(0xE4E4E4);
    static final Color MUTED = new Color(0x767676);

    private Palette() {}

    static Color series(int i) {
        return SERIES[i % SERIES.length];
    }

    static Stroke lineStroke(int i, float width) {
        float[] dash = DASHES[(i / SERIES.length) % DASHES.length];
        return dash == null
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** Heat colour of a fraction in [0, 1] (clamped), interpolated linearly between the stops. */
    static Color heat(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        double pos = f * (HEAT.length - 1);
        int i = Math.min((int) pos, HEAT.length - 2);
        double t = pos - i;
        Color a = HEAT[i];
        Color b = HEAT[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t),
                mix(a.getBlue(), b.getBlue(), t));
    }

    /** Text colour that stays readable on a heat cell of this fraction. */
    static Color textOnHeat(double fraction) {
        return fraction >= 0.55 ? Color.WHITE : new Color(0x1A1A1A);
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
