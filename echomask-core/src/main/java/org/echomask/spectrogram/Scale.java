package org.echomask.spectrogram;

/** Intensity scaling of a spectrogram. */
public enum Scale {
    /** |X|. */
    MAGNITUDE,
    /** |X|². */
    POWER,
    /** 10·log10(max(|X|², floor)), optionally clipped to top_db below the maximum. */
    DB
}
