package org.echomask.model;

/**
 * The typed {@code model.json} of a package: what kind of model it is, the package layout it was
 * written in, and the toolkit that wrote it. Each kind of model (classifier, segmenter) has one
 * card record; {@link ModelPackage} writes and reads only cards.
 */
public interface ModelCard {
    /** Package layout version ({@link ModelPackage#FORMAT} when written). */
    int format();

    /** The kind of model, e.g. {@code classifier}: checked on opening before the card is parsed. */
    String kind();

    /** Echomask version that wrote the package. */
    String toolkitVersion();
}
