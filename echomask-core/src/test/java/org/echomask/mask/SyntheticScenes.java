package org.echomask.mask;

import java.util.Random;

/**
 * Tiny synthetic dB spectrograms with exact truth masks: seeded Gaussian noise (4 dB deviation)
 * over a frequency-dependent floor, plus an FM tonal ridge and/or vertical click lines.
 */
final class SyntheticScenes {
    static final int ROWS = 128;
    static final int COLS = 256;
    static final double NOISE_DB = 4;
    /** Click columns (2 wide) and their frequency span. */
    static final int[] CLICK_COLUMNS = {40, 110, 180};
    static final int CLICK_LOW = 20;
    static final int CLICK_HIGH = 110;

    /** A spectrogram and the pixels that hold signal. */
    record Scene(float[][] values, boolean[][] truth) {}

    private SyntheticScenes() {}

    static Scene make(long seed, double whistleDb, double clickDb) {
        Random rnd = new Random(seed);
        float[][] v = new float[ROWS][COLS];
        boolean[][] truth = new boolean[ROWS][COLS];
        for (int f = 0; f < ROWS; f++) {
            double floor = -80 + 25.0 * f / ROWS;
            for (int t = 0; t < COLS; t++) {
                v[f][t] = (float) (floor + NOISE_DB * rnd.nextGaussian());
            }
        }
        if (whistleDb > 0) {
            // FM contour 3 rows thick from t = 20 to 230, sweeping +-25 rows around row 64.
            for (int t = 20; t <= 230; t++) {
                double centre = 64 + 25 * Math.sin(2 * Math.PI * t / 160.0);
                for (int f = (int) Math.round(centre) - 1; f <= (int) Math.round(centre) + 1; f++) {
                    v[f][t] += (float) whistleDb;
                    truth[f][t] = true;
                }
            }
        }
        if (clickDb > 0) {
            for (int c : CLICK_COLUMNS) {
                for (int t = c; t < c + 2; t++) {
                    for (int f = CLICK_LOW; f <= CLICK_HIGH; f++) {
                        v[f][t] += (float) clickDb;
                        truth[f][t] = true;
                    }
                }
            }
        }
        return new Scene(v, truth);
    }
}
