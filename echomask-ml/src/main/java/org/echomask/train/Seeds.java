package org.echomask.train;

/**
 * Seeds derived from the run's seed and a position (stream, epoch, batch), so every random choice
 * of a run can be recreated on its own: after a resume, on another loader thread, in another
 * order. SplitMix64 finalisers mix each part, so neighbouring positions get unrelated seeds.
 */
final class Seeds {
    /** Streams of random numbers of one run; each position in each stream gets its own seed. */
    static final long INIT = 1;
    static final long SHUFFLE = 2;
    static final long AUGMENT = 3;
    static final long ENGINE = 4;
    static final long EVALUATE = 5;
    /** Choices a learner makes inside a training step ({@link TrainingStep}): mixing partners, weights. */
    static final long MIX = 6;

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {}

    static long derive(long seed, long... parts) {
        long h = mix(seed + GOLDEN_GAMMA);
        for (long part : parts) {
            h = mix(h ^ mix(part + GOLDEN_GAMMA));
        }
        return h;
    }

    /** The engine takes an int seed. */
    static int engineSeed(long seed, long... parts) {
        long h = derive(seed, parts);
        return (int) (h ^ (h >>> 32));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
