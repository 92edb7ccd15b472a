package org.echomask.spectrogram;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What is done to the values as the last step, to suit a model's input. */
public enum Normalisation {
    /** Values as scaled. */
    NONE,
    /** Zero mean, unit variance per image. */
    PER_IMAGE,
    /** Min-max to [0, 1] per image, then ImageNet statistics (grey: mean 0.449, std 0.226). */
    IMAGENET;

    /** The lower-case name used in JSON configs and on the command line. */
    @JsonValue
    public String id() {
        return EnumNames.id(this);
    }

    /** Parses a name in any case; the error lists the accepted names. */
    @JsonCreator
    public static Normalisation of(String name) {
        return EnumNames.parse(Normalisation.class, name, "normalisation");
    }
}
