package org.echomask.audio;

/**
 * The samples of the FLAC fixtures, regenerated exactly: the same integer-only recipe as
 * src/test/python/make_flac_fixtures.py (a triangle of period 24 + 7c samples plus 8-bit LCG
 * noise, scaled to the sample size), so no WAV copy of the fixtures needs to be committed.
 */
final class FixtureSignal {
    private FixtureSignal() {}

    /** {@code [channel][frame]} values in [-1, 1): integers divided by 2^(bits-1), as the readers return them. */
    static float[][] samples(int frames, int channels, int bits, long seed) {
        long scale = 1L << (bits - 16);
        long state = seed & 0xFFFFFFFFL;
        float full = (float) (1L << (bits - 1));
        float[][] out = new float[channels][frames];
        for (int n = 0; n < frames; n++) {
            for (int c = 0; c < channels; c++) {
                int period = 24 + 7 * c;
                int phase = n % period;
                long tri = Math.floorDiv((long) (Math.abs(4 * phase - 2 * period) - period) * 12000, period);
                state = (state * 1664525L + 1013904223L) & 0xFFFFFFFFL;
                long noise = (state >>> 24) - 128;
                out[c][n] = (tri + noise) * scale / full;
            }
        }
        return out;
    }
}
