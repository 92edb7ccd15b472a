package org.echomask.train;

/**
 * Linear warm-up then cosine decay, as a pure function of the optimizer step.
 *
 * <p>With {@code W = round(warmupFraction * totalSteps)} warm-up steps, step {@code s}
 * (0-based) gets {@code peak * (s + 1) / W} while {@code s < W} (the first step already moves:
 * a zero learning rate would waste it), then
 * {@code floor + (peak - floor) * (1 + cos(pi * p)) / 2} with
 * {@code p = (s - W) / (totalSteps - W - 1)}, so the step after warm-up runs at the peak and the
 * last step at the floor {@code peak * minFraction}. Steps past the end stay at the floor.
 *
 * @param peak the learning rate at the end of warm-up
 * @param warmupFraction fraction of the steps in warm-up, in [0, 1)
 * @param minFraction the floor as a fraction of the peak, in [0, 1]
 */
public record LearningRateSchedule(double peak, double warmupFraction, double minFraction) {

    public LearningRateSchedule {
        if (!(peak > 0) || !Double.isFinite(peak) || !(warmupFraction >= 0 && warmupFraction < 1)
                || !(minFraction >= 0 && minFraction <= 1)) {
            throw new IllegalArgumentException("bad learning-rate schedule: peak " + peak + ", warm-up fraction "
                    + warmupFraction + ", floor fraction " + minFraction);
        }
    }

    public static LearningRateSchedule of(TrainConfig config) {
        return new LearningRateSchedule(config.learningRate(), config.warmupFraction(), config.minLearningRateFraction());
    }

    /** Number of warm-up steps in a run of {@code totalSteps}. */
    public long warmupSteps(long totalSteps) {
        return Math.round(warmupFraction * totalSteps);
    }

    /** Learning rate of optimizer step {@code step} (0-based) of {@code totalSteps}. */
    public double at(long step, long totalSteps) {
        if (step < 0 || totalSteps < 1) {
            throw new IllegalArgumentException("step " + step + " of " + totalSteps + " steps");
        }
        long warmup = warmupSteps(totalSteps);
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        double floor = peak * minFraction;
        long decaySteps = totalSteps - warmup - 1;
        double progress = decaySteps <= 0 ? 0 : Math.min(1.0, (double) (step - warmup) / decaySteps);
        return floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
