package org.echomask.spectrogram;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The two mel formulas in use: HTK's 2595·log10(1+f/700) and Slaney's (linear below 1 kHz). */
public enum MelScale {
    HTK, SLANEY;

    /** The lower-case name used in JSON configs and on the command line. */
    @JsonValue
    public String id() {
        return EnumNames.id(this);
    }

    /** Parses a name in any case; the error lists the accepted names. */
    @JsonCreator
    public static MelScale of(String name) {
        return EnumNames.parse(MelScale.class, name, "mel scale");
    }
}
