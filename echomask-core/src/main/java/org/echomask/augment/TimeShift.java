package org.echomask.augment;

import java.util.Random;

/**
 * A random circular shift along time by up to {@code maxFraction} of the width, the same for the
 * spectrogram and its mask: a window's labels do not depend on where in the window a call sits.
 * One draw per example, {@code nextInt(2 * maxShift + 1) - maxShift} columns with
 * {@code maxShift = floor(maxFraction * width)}, and none when that is 0: the draws of the shift
 * the classifier batches made before the pipeline existed.
 *
 * @param maxFraction largest shift as a fraction of the width, in [0, 1]
 * @param bypass skip the step
 */
public record TimeShift(double maxFraction, boolean bypass) implements Step {
    public static final String NAME = "time_shift";
    /** The shift classifiers train with unless told otherwise (the {@code time-shift} preset). */
    public static final double DEFAULT_FRACTION = 0.25;

    public TimeShift {
        if (!(maxFraction >= 0 && maxFraction <= 1)) {
            throw new IllegalArgumentException("time_shift: max_fraction must be in [0, 1], got " + maxFraction);
        }
    }

    public TimeShift(double maxFraction) {
        this(maxFraction, false);
    }

    /** The pipeline a classifier's time-shift fraction stands for: this step alone, or no step for 0. */
    public static Pipeline pipeline(double maxFraction) {
        return maxFraction == 0 ? Pipeline.NONE : Pipeline.of(new TimeShift(maxFraction));
    }

    /** The largest fraction a pipeline shifts by: that of its time shift when it runs, else 0. */
    public static double fractionOf(Pipeline pipeline) {
        return pipeline.step(NAME).filter(s -> !s.bypass()).map(s -> ((TimeShift) s).maxFraction()).orElse(0.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean augmentation() {
        return true;
    }

    @Override
    public MaskEffect maskEffect() {
        return MaskEffect.FOLLOWS;
    }

    @Override
    public void apply(HostExample x, Random random) {
        int maxShift = (int) Math.floor(maxFraction * x.width());
        if (maxShift == 0) {
            return;
        }
        int shift = random.nextInt(2 * maxShift + 1) - maxShift;
        float[] row = new float[x.width()];
        roll(x.spectrogram(), x.offset(), x.height(), x.width(), shift, row);
        if (x.hasMask()) {
            roll(x.mask(), x.offset(), x.height(), x.width(), shift, row);
        }
    }

    /** Rolls each row of an (h, w) plane at {@code offset} by {@code shift} columns (positive = later), in place. */
    static void roll(float[] plane, int offset, int h, int w, int shift, float[] row) {
        int s = Math.floorMod(shift, w);
        if (s == 0) {
            return;
        }
        for (int r = 0; r < h; r++) {
            int start = offset + r * w;
            System.arraycopy(plane, start, row, 0, w);
            System.arraycopy(row, 0, plane, start + s, w - s);
            System.arraycopy(row, w - s, plane, start, s);
        }
    }
}
