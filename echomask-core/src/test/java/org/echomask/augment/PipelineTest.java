package org.echomask.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineTest {
    private static final int H = 3;
    private static final int W = 8;

    private static float[] plane(int seed) {
        Random r = new Random(seed);
        float[] v = new float[H * W];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat();
        }
        return v;
    }

    /** The reference roll: column j goes to column (j + shift) mod w. */
    private static float[] rolled(float[] src, int shift) {
        float[] out = new float[src.length];
        for (int r = 0; r < H; r++) {
            for (int j = 0; j < W; j++) {
                out[r * W + Math.floorMod(j + shift, W)] = src[r * W + j];
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void timeShiftMovesTheMaskWithTheSpectrogramByOneDrawOfTheGivenRandom(long seed) {
        float[] spec = plane(1);
        float[] mask = plane(2);
        // Planes inside larger arrays, as in a batch: values outside the plane stay.
        float[] specBatch = new float[2 * H * W];
        float[] maskBatch = new float[2 * H * W];
        System.arraycopy(spec, 0, specBatch, H * W, H * W);
        System.arraycopy(mask, 0, maskBatch, H * W, H * W);
        Pipeline.of(new TimeShift(0.5)).apply(new HostExample(specBatch, maskBatch, H * W, H, W), new Random(seed), true);

        Random replay = new Random(seed);
        int shift = replay.nextInt(2 * 4 + 1) - 4; // floor(0.5 * 8) = 4 columns either way
        float[] expectSpec = new float[2 * H * W];
        float[] expectMask = new float[2 * H * W];
        System.arraycopy(rolled(spec, shift), 0, expectSpec, H * W, H * W);
        System.arraycopy(rolled(mask, shift), 0, expectMask, H * W, H * W);
        assertThat(specBatch).containsExactly(expectSpec);
        assertThat(maskBatch).containsExactly(expectMask);
        assertThat(new TimeShift(0.5).maskEffect()).isEqualTo(Step.MaskEffect.FOLLOWS);
    }

    @Test
    void skippedStepsChangeNothingAndDrawNothing() {
        float[] spec = plane(1);
        Random random = new Random(9);
        Pipeline.of(new TimeShift(0.5)).apply(HostExample.of(spec, null, H, W), random, false);
        Pipeline.of(new TimeShift(0.5, true)).apply(HostExample.of(spec, null, H, W), random, true);
        Pipeline.of(new TimeShift(0.1)).apply(HostExample.of(spec, null, H, W), random, true); // floor(0.8) = 0 columns
        assertThat(spec).containsExactly(plane(1));
        assertThat(random.nextLong()).isEqualTo(new Random(9).nextLong());
    }

    @Test
    void jsonRoundTripsWithNameAndFlagAndRejectsWhatItDoesNotKnow() {
        Pipeline p = Pipeline.of(new TimeShift(0.25, true));
        String json = Json.write(p);
        assertThat(json.replaceAll("\\s", ""))
                .isEqualTo("{\"steps\":[{\"name\":\"time_shift\",\"augmentation\":true,\"max_fraction\":0.25,\"bypass\":true}]}");
        assertThat(Json.read(json, Pipeline.class)).isEqualTo(p);
        assertThat(Json.read("{\"steps\":[{\"name\":\"time_shift\",\"max_fraction\":0.5}]}", Pipeline.class))
                .isEqualTo(Pipeline.of(new TimeShift(0.5)));
        assertThatThrownBy(() -> Json.read("{\"steps\":[{\"name\":\"pitch\"}]}", Pipeline.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("unknown augmentation step 'pitch' (known: time_shift)");
        assertThatThrownBy(() -> Json.read("{\"steps\":[{\"name\":\"time_shift\",\"max_fraction\":0.5,\"max_fracton\":0.5}]}", Pipeline.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("max_fracton");
        assertThatThrownBy(() -> Json.read("{\"steps\":[{\"name\":\"time_shift\",\"augmentation\":false,\"max_fraction\":0.5}]}", Pipeline.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("is an augmentation");
        assertThatThrownBy(() -> Json.read("{\"steps\":[{\"name\":\"time_shift\",\"max_fraction\":2}]}", Pipeline.class))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("max_fraction must be in [0, 1]");
        assertThatThrownBy(() -> Json.read("{\"stages\":[]}", Pipeline.class)).isInstanceOf(EchomaskException.class);
        assertThatThrownBy(() -> Pipeline.of(new TimeShift(0.1), new TimeShift(0.2)))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("'time_shift' appears twice");
    }

    @Test
    void presetsAndFilesLoadAndUnknownNamesAreListed(@TempDir Path dir) throws Exception {
        assertThat(Pipeline.load("none")).isEqualTo(Pipeline.NONE);
        assertThat(Pipeline.load("time-shift")).isEqualTo(Pipeline.of(new TimeShift(TimeShift.DEFAULT_FRACTION)));
        Path file = dir.resolve("augment.json");
        Files.writeString(file, Json.write(Pipeline.of(new TimeShift(0.4))));
        assertThat(Pipeline.load(file.toString())).isEqualTo(Pipeline.of(new TimeShift(0.4)));
        assertThatThrownBy(() -> Pipeline.load("timeshift")).isInstanceOf(EchomaskException.class)
                .hasMessage("augmentation 'timeshift' is neither a preset [none, time-shift] nor a JSON file");
        assertThatThrownBy(() -> Pipeline.preset("timeshift")).isInstanceOf(EchomaskException.class)
                .hasMessage("unknown augmentation preset 'timeshift' (known: none, time-shift)");
    }

    @Test
    void timeShiftFractionAndPipelineStandForEachOther() {
        assertThat(TimeShift.pipeline(0)).isEqualTo(Pipeline.NONE);
        assertThat(TimeShift.fractionOf(TimeShift.pipeline(0.3))).isEqualTo(0.3);
        assertThat(TimeShift.fractionOf(Pipeline.of(new TimeShift(0.3, true)))).isEqualTo(0);
        assertThat(TimeShift.pipeline(0.3).with(new TimeShift(0.1))).isEqualTo(TimeShift.pipeline(0.1));
        assertThat(Pipeline.NONE.with(new TimeShift(0.1))).isEqualTo(TimeShift.pipeline(0.1));
    }
}
