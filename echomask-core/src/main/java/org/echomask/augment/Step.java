package org.echomask.augment;

import java.util.Random;

/**
 * One named step of an example {@link Pipeline} (OpenSoundscape's {@code Action}): a record of its
 * parameters that edits one example's {@link HostExample} planes in place. A step is flagged as
 * augmentation or not: augmentations run only while training, so validation, prediction and
 * analysis see the data as it is. {@link #bypass} keeps a step in the recipe without running it.
 *
 * <p>A new step is a new record plus one entry in {@link Steps}; its record components are its
 * JSON keys (snake_case), besides {@code name}, {@code augmentation} and {@code bypass}.
 */
public interface Step {

    /** What a step does to the mask input of a mask-guided model. */
    enum MaskEffect {
        /** The mask is moved with the spectrogram (geometric steps: shifts, flips, crops): it still covers the sound. */
        FOLLOWS,
        /** The mask is left as it is (value steps: gain, noise): the sound is still where it was. */
        UNCHANGED
    }

    /** The step's registry name, its {@code name} in JSON; unique within a pipeline. */
    String name();

    /** Whether the step runs only while training (skipped at validation and inference). */
    boolean augmentation();

    /** Whether the step is skipped everywhere (kept in the recipe, switched off). */
    boolean bypass();

    MaskEffect maskEffect();

    /**
     * Edits the example in place. Draws from {@code random} only what its own choices need, in a
     * fixed order, so the same random stream replays the same batch.
     */
    void apply(HostExample example, Random random);
}
