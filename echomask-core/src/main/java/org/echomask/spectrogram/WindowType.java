package org.echomask.spectrogram;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Analysis windows, periodic (the DFT-even form that scipy.signal.get_window returns). */
public enum WindowType {
    HANN, HAMMING, BLACKMAN;

    /** The lower-case name used in JSON configs and on the command line. */
    @JsonValue
    public String id() {
        return EnumNames.id(this);
    }

    /** Parses a name in any case; the error lists the accepted names. */
    @JsonCreator
    public static WindowType of(String name) {
        return EnumNames.parse(WindowType.class, name, "window");
    }

    /** The periodic window of length {@code n}. */
    public double[] coefficients(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 2 * Math.PI * i / n;
            w[i] = switch (this) {
                case HANN -> 0.5 - 0.5 * Math.cos(x);
                case HAMMING -> 0.54 - 0.46 * Math.cos(x);
                case BLACKMAN -> 0.42 - 0.5 * Math.cos(x) + 0.08 * Math.cos(2 * x);
            };
        }
        return w;
    }
}
