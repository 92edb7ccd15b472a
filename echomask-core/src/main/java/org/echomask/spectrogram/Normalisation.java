package org.echomask.spectrogram;

/** What is done to the values as the last step, to suit a model's input. */
public enum Normalisation {
    /** Values as scaled. */
    NONE,
    /** Zero mean, unit variance per image. */
    PER_IMAGE,
    /** Min-max to [0, 1] per image, then ImageNet statistics (grey: mean 0.449, std 0.226). */
    IMAGENET
}
