package org.echomask.augment;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.echomask.EchomaskException;
import org.echomask.io.Json;

/**
 * The named, ordered steps applied to each training example (OpenSoundscape's preprocessing
 * pipeline): immutable, validated, saved in a classifier's {@code model.json} as
 * {@code {"steps": [{"name": "time_shift", "augmentation": true, "max_fraction": 0.25, "bypass": false}]}}.
 * Built from a preset ({@link #PRESETS}) or a JSON file ({@link #load}).
 *
 * @param steps in the order they run; names unique
 */
public record Pipeline(
        @JsonSerialize(contentUsing = Steps.Writer.class) @JsonDeserialize(contentUsing = Steps.Reader.class) List<Step> steps) {
    /** No steps. */
    public static final Pipeline NONE = new Pipeline(List.of());
    /** Preset names (command line {@code --augment}) and their pipelines; {@code time-shift} is the classifier default. */
    public static final Map<String, Pipeline> PRESETS = Map.of(
            "none", NONE,
            "time-shift", TimeShift.pipeline(TimeShift.DEFAULT_FRACTION));

    public Pipeline {
        steps = List.copyOf(steps == null ? List.of() : steps); // refuses null steps
        Set<String> names = new HashSet<>();
        for (Step s : steps) {
            if (!names.add(s.name())) {
                throw new EchomaskException("augmentation pipeline: step '" + s.name() + "' appears twice");
            }
        }
    }

    public static Pipeline of(Step... steps) {
        return new Pipeline(List.of(steps));
    }

    /** A preset by name; an unknown name is refused listing the presets. */
    public static Pipeline preset(String name) {
        Pipeline p = name == null ? null : PRESETS.get(name);
        if (p == null) {
            throw new EchomaskException("unknown augmentation preset '" + name + "' (known: " + String.join(", ", presetNames()) + ")");
        }
        return p;
    }

    public static List<String> presetNames() {
        return PRESETS.keySet().stream().sorted().toList();
    }

    /** A preset, else a pipeline JSON file. */
    public static Pipeline load(String presetOrJsonPath) {
        Pipeline p = PRESETS.get(presetOrJsonPath);
        if (p != null) {
            return p;
        }
        Path path = Path.of(presetOrJsonPath);
        if (!Files.isRegularFile(path)) {
            throw new EchomaskException("augmentation '" + presetOrJsonPath + "' is neither a preset " + presetNames()
                    + " nor a JSON file");
        }
        return Json.readFile(path, Pipeline.class);
    }

    /** The step called {@code name}, if any. */
    public Optional<Step> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** This pipeline with {@code step} in place of the step of the same name, or appended when it has none. */
    public Pipeline with(Step step) {
        List<Step> out = new ArrayList<>(steps);
        int at = out.stream().map(Step::name).toList().indexOf(step.name());
        if (at >= 0) {
            out.set(at, step);
        } else {
            out.add(step);
        }
        return new Pipeline(out);
    }

    /** Whether every step is an augmentation, i.e. the pipeline changes nothing outside training. */
    public boolean augmentationsOnly() {
        return steps.stream().allMatch(Step::augmentation);
    }

    /**
     * Runs the steps on one example in order: bypassed steps never, augmentations only when
     * {@code training}. Steps that do not run draw nothing from {@code random}.
     */
    public void apply(HostExample example, Random random, boolean training) {
        for (Step s : steps) {
            if (!s.bypass() && (training || !s.augmentation())) {
                s.apply(example, random);
            }
        }
    }
}
