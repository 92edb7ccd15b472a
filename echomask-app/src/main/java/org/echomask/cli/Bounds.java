package org.echomask.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Numeric options checked while the command line is parsed, so nonsense (a batch of 0, a port of
 * 70000, a negative window) ends with {@code echomask: invalid value ...} and exit code 2 before
 * any data is read, instead of a division by zero or a stack trace deep in a stage. picocli makes
 * one converter instance per class, hence one small class per bound. The domain records still
 * validate their own fields; these bounds only fail earlier and name the flag.
 */
final class Bounds {
    /**
     * The longest window or hop, in seconds, any command takes (issue 13: {@code --window-s 1e9}
     * exhausted the heap before anything checked it). An hour is far beyond any call or example.
     */
    static final double MAX_WINDOW_S = 3600;
    /**
     * The most samples one analysis window may hold, at the models' rate: the analysis pipeline's
     * run limit (a run of overlapping windows is one span of at most this many samples), 64 MB of
     * floats; 17 min at 16 kHz, 58 s at 288 kHz.
     */
    static final long MAX_WINDOW_SAMPLES = 1L << 24;

    private Bounds() {}

    /**
     * Checks an analysis window and hop against the models' sample rate once it is known: the
     * window must fit in {@link #MAX_WINDOW_SAMPLES}, and the hop must be at least one hop of the
     * spectrogram (windows closer than a spectrogram column add nothing but time: {@code --hop-s
     * 1e-9} gave a window per sample and made no progress).
     *
     * @param windowFlag {@code --window-s} or where the window came from, for the message
     * @param spectrogramHop the smallest hop of the models' transforms, samples
     */
    static void checkAnalysisWindow(String windowFlag, double windowS, String hopFlag, double hopS, int rate,
            int spectrogramHop) {
        double samples = windowS * rate;
        if (!(samples <= MAX_WINDOW_SAMPLES)) {
            throw new org.echomask.EchomaskException(windowFlag + " " + trim(windowS) + ": a window of "
                    + String.format(Locale.ROOT, "%.0f", samples) + " samples at " + rate + " Hz; at most "
                    + MAX_WINDOW_SAMPLES + " samples (" + String.format(Locale.ROOT, "%.1f", MAX_WINDOW_SAMPLES / (double) rate)
                    + " s at this rate) are analysed as one window");
        }
        double minHop = spectrogramHop / (double) rate;
        if (hopS * rate < spectrogramHop) {
            throw new org.echomask.EchomaskException(hopFlag + " " + hopS + ": under one spectrogram hop of the model ("
                    + spectrogramHop + " samples = " + String.format(Locale.ROOT, "%.6g", minHop) + " s at " + rate
                    + " Hz); windows closer than that add nothing but time: use at least that");
        }
    }

    static int intAtLeast(String text, int min) {
        int v = parseInt(text);
        if (v < min) {
            throw new TypeConversionException("must be >= " + min + ", got " + v);
        }
        return v;
    }

    static int intIn(String text, int min, int max) {
        int v = parseInt(text);
        if (v < min || v > max) {
            throw new TypeConversionException("must be in " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    static double doubleAbove(String text, double min, boolean inclusive) {
        double v = parseDouble(text);
        if (inclusive ? v < min : v <= min) {
            throw new TypeConversionException("must be " + (inclusive ? ">= " : "> ") + trim(min) + ", got " + text.trim());
        }
        return v;
    }

    static double doubleIn(String text, double min, double max) {
        double v = parseDouble(text);
        if (v < min || v > max) {
            throw new TypeConversionException("must be in [" + trim(min) + ", " + trim(max) + "], got " + text.trim());
        }
        return v;
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
    }

    /** A finite number: NaN and infinities pass every comparison test wrongly, so they are refused here. */
    private static double parseDouble(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new TypeConversionException("must be a finite number, got " + text.trim());
        }
        return v;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** Counts of things (epochs, heads, clips, threads): at least 1. */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intAtLeast(value, 1);
        }
    }

    /** Counts where 0 means off or all (patience, limit): at least 0. */
    static final class NonNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intAtLeast(value, 0);
        }
    }

    /** A training batch: BatchNorm needs two examples (TrainConfig's own rule). */
    static final class TrainingBatch implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intAtLeast(value, 2);
        }
    }

    /** Loader threads of the trainer: 0 (the training thread) to 64, TrainConfig's range. */
    static final class LoaderThreads implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intIn(value, 0, 64);
        }
    }

    /** A TCP port; 0 lets the system pick a free one. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intIn(value, 0, 65535);
        }
    }

    /** A 0-based channel, or -1 for the mean of all channels. */
    static final class Channel implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return intAtLeast(value, -1);
        }
    }

    /** Lengths, rates, sigmas, widths: finite and > 0. */
    static final class PositiveReal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return doubleAbove(value, 0, false);
        }
    }

    /** Gaps, decays and lengths where 0 means none or whole: finite and >= 0. */
    static final class NonNegativeReal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return doubleAbove(value, 0, true);
        }
    }

    /** A window or hop in seconds: finite, > 0 and at most {@link #MAX_WINDOW_S}. */
    static final class WindowSeconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = parseDouble(value);
            if (!(v > 0 && v <= MAX_WINDOW_S)) {
                throw new TypeConversionException("must be > 0 and at most " + trim(MAX_WINDOW_S) + " (an hour), got "
                        + value.trim());
            }
            return v;
        }
    }

    /** An example length in seconds where 0 means whole recordings: in [0, {@link #MAX_WINDOW_S}]. */
    static final class ExampleSeconds implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = parseDouble(value);
            if (!(v >= 0 && v <= MAX_WINDOW_S)) {
                throw new TypeConversionException("must be >= 0 (0 = whole recordings) and at most " + trim(MAX_WINDOW_S)
                        + " (an hour), got " + value.trim());
            }
            return v;
        }
    }

    /** Shares, thresholds and probabilities: in [0, 1]. */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return doubleIn(value, 0, 1);
        }
    }
}
