package org.echomask.spectrogram;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Intensity scaling of a spectrogram. */
public enum Scale {
    /** |X|. */
    MAGNITUDE,
    /** |X|². */
    POWER,
    /** 10·log10(max(|X|², floor)), optionally clipped to top_db below the maximum. */
    DB;

    /** The lower-case name used in JSON configs and on the command line. */
    @JsonValue
    public String id() {
        return EnumNames.id(this);
    }

    /** Parses a name in any case; the error lists the accepted names. */
    @JsonCreator
    public static Scale of(String name) {
        return EnumNames.parse(Scale.class, name, "scale");
    }
}
