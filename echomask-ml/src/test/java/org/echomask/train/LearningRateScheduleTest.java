package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    private static final double EXACT = 1e-15;
    /** Peak 1e-3, 10 of 100 steps warm-up, floor 1e-5. */
    private final LearningRateSchedule schedule = new LearningRateSchedule(1e-3, 0.1, 0.01);

    @Test
    void warmUpRisesLinearlyToThePeak() {
        assertThat(schedule.warmupSteps(100)).isEqualTo(10);
        assertThat(schedule.at(0, 100)).isCloseTo(1e-4, within(EXACT));
        assertThat(schedule.at(4, 100)).isCloseTo(5e-4, within(EXACT));
        assertThat(schedule.at(9, 100)).isCloseTo(1e-3, within(EXACT));
    }

    @Test
    void cosineDecaysFromThePeakToTheFloorAtTheLastStep() {
        assertThat(schedule.at(10, 100)).isCloseTo(1e-3, within(EXACT));
        // 101 steps without warm-up: 100 decay intervals, so step 50 is half-way (mean of peak and floor).
        LearningRateSchedule noWarmup = new LearningRateSchedule(1e-3, 0, 0.01);
        assertThat(noWarmup.at(0, 101)).isCloseTo(1e-3, within(EXACT));
        assertThat(noWarmup.at(50, 101)).isCloseTo((1e-3 + 1e-5) / 2, within(EXACT));
        assertThat(noWarmup.at(25, 101)).isCloseTo(1e-5 + (1e-3 - 1e-5) * (1 + Math.cos(Math.PI / 4)) / 2, within(EXACT));
        assertThat(schedule.at(99, 100)).isCloseTo(1e-5, within(EXACT));
        assertThat(schedule.at(500, 100)).isCloseTo(1e-5, within(EXACT));
    }

    @Test
    void decreasesMonotonicallyAfterWarmUp() {
        double previous = Double.POSITIVE_INFINITY;
        for (int step = 10; step < 100; step++) {
            double lr = schedule.at(step, 100);
            assertThat(lr).isLessThanOrEqualTo(previous);
            previous = lr;
        }
    }

    @Test
    void degenerateRunsStayFinite() {
        assertThat(schedule.at(0, 1)).isCloseTo(1e-3, within(EXACT)); // round(0.1) = 0 warm-up steps
        assertThat(new LearningRateSchedule(1e-3, 0.5, 0).at(1, 2)).isCloseTo(1e-3, within(EXACT));
        assertThat(new LearningRateSchedule(1e-3, 0, 1).at(7, 10)).isCloseTo(1e-3, within(EXACT)); // constant
        assertThatThrownBy(() -> schedule.at(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LearningRateSchedule(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
