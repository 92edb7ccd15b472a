package org.echomask.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.echomask.EchomaskException;
import org.echomask.augment.Pipeline;
import org.echomask.classify.FusionKind;
import org.echomask.classify.Task;
import org.echomask.dataset.DatasetMasks;
import org.echomask.dataset.Split;
import org.echomask.detect.PostProcess;
import org.echomask.eval.Decision;
import org.echomask.mask.MaskKind;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.echomask.nn.Backbones;
import org.echomask.nn.SegmenterSpec;
import org.echomask.segment.SegmentationLearner;
import org.echomask.spectrogram.Scale;
import org.echomask.spectrogram.SpectrogramTransform;
import org.echomask.synth.SynthProfile;
import org.echomask.spectrogram.WindowType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values that name one of a fixed set, spelt as in the JSON configs: the domain's
 * {@code id()} (lower case, {@code file-mean} for {@link PostProcess}), any case accepted. Each
 * class is both the option's {@code converter} and its {@code completionCandidates}, so the help
 * ({@code ${COMPLETION-CANDIDATES}}), shell completion and the parse-time error list the same
 * names, and a typo is refused before any work starts.
 */
final class Enums {
    private Enums() {}

    /** A domain enum parsed by its id; the error lists every id. */
    abstract static class Choice<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
        private final List<E> values;
        private final Function<E, String> id;

        Choice(E[] values, Function<E, String> id) {
            this.values = List.of(values);
            this.id = id;
        }

        @Override
        public E convert(String text) {
            for (E e : values) {
                if (id.apply(e).equalsIgnoreCase(text.trim())) {
                    return e;
                }
            }
            throw notOneOf(text, this);
        }

        @Override
        public Iterator<String> iterator() {
            return values.stream().map(id).iterator();
        }
    }

    /** A name out of a list the domain publishes (architectures, presets...); returned as the domain spells it. */
    abstract static class Names implements ITypeConverter<String>, Iterable<String> {
        private final Supplier<List<String>> names;

        Names(Supplier<List<String>> names) {
            this.names = names;
        }

        @Override
        public String convert(String text) {
            for (String n : names.get()) {
                if (n.equalsIgnoreCase(text.trim())) {
                    return n;
                }
            }
            throw notOneOf(text, this);
        }

        @Override
        public Iterator<String> iterator() {
            return names.get().iterator();
        }
    }

    static TypeConversionException notOneOf(String text, Iterable<String> allowed) {
        List<String> names = new java.util.ArrayList<>();
        allowed.forEach(names::add);
        return new TypeConversionException("'" + text + "' is not one of: " + String.join(", ", names));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static final class Windows extends Choice<WindowType> {
        Windows() {
            super(WindowType.values(), WindowType::id);
        }
    }

    static final class Scales extends Choice<Scale> {
        Scales() {
            super(Scale.values(), Scale::id);
        }
    }

    static final class MaskInputs extends Choice<MaskKind> {
        MaskInputs() {
            super(MaskKind.values(), MaskKind::id);
        }
    }

    static final class Fusions extends Choice<FusionKind> {
        Fusions() {
            super(FusionKind.values(), FusionKind::id);
        }
    }

    static final class Tasks extends Choice<Task> {
        Tasks() {
            super(Task.values(), Task::id);
        }
    }

    static final class Decisions extends Choice<Decision> {
        Decisions() {
            super(Decision.values(), Decision::id);
        }
    }

    static final class PostProcesses extends Choice<PostProcess> {
        PostProcesses() {
            super(PostProcess.values(), PostProcess::id);
        }
    }

    /** Backbone architectures the network package can build. */
    static final class Architectures extends Names {
        Architectures() {
            super(Backbones::names);
        }
    }

    /** Segmenter decoders: DeepLabV3+ ({@code plus}) or none (DeepLabV3). */
    static final class Decoders extends Names {
        Decoders() {
            super(() -> List.of(SegmenterSpec.DECODER_PLUS, SegmenterSpec.DECODER_NONE));
        }
    }

    /** Segmenter losses. */
    static final class SegmenterLosses extends Names {
        SegmenterLosses() {
            super(() -> List.of(SegmentationLearner.CROSS_ENTROPY, SegmentationLearner.CE_DICE));
        }
    }

    /** Built-in mask-proposer configs. */
    static final class Presets extends Names {
        Presets() {
            super(() -> ProposerConfig.PRESETS);
        }
    }

    /** Class weighting of the classifier's loss. */
    static final class ClassWeights extends Names {
        ClassWeights() {
            super(() -> List.of("none", "balanced"));
        }
    }

    /** Mask kinds a segmenter learns from: only people's HQ masks. */
    static final class SegmenterMaskKinds extends Names {
        SegmenterMaskKinds() {
            super(() -> List.of(MaskRecipe.HQ));
        }
    }

    /** A dataset split as the manifest spells it (train, val, test; validation, dev, eval accepted), or all. */
    static final class SplitsOrAll implements ITypeConverter<String>, Iterable<String> {
        static final String ALL = "all";

        @Override
        public String convert(String text) {
            if (text.trim().equalsIgnoreCase(ALL)) {
                return ALL;
            }
            try {
                return Split.parse(text).id();
            } catch (EchomaskException e) {
                throw notOneOf(text, this);
            }
        }

        @Override
        public Iterator<String> iterator() {
            return java.util.stream.Stream.concat(Arrays.stream(Split.values()).map(Enums::lower), java.util.stream.Stream.of(ALL))
                    .iterator();
        }
    }

    /**
     * A stored mask source: the set is open (any kind written into the manifest), so the name is
     * checked as DatasetMasks checks it; the candidates are the sources the toolkit writes.
     */
    static final class MaskSources implements ITypeConverter<String>, Iterable<String> {
        @Override
        public String convert(String text) {
            try {
                DatasetMasks.sourceColumn(text);
                return text;
            } catch (EchomaskException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        @Override
        public Iterator<String> iterator() {
            return MaskRecipe.SOURCES.iterator();
        }
    }

    /** A built-in spectrogram transform or a JSON file, loaded while parsing so a typo or bad file fails first. */
    static final class Transforms implements ITypeConverter<SpectrogramTransform>, Iterable<String> {
        @Override
        public SpectrogramTransform convert(String text) {
            try {
                return SpectrogramTransform.load(text);
            } catch (EchomaskException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        @Override
        public Iterator<String> iterator() {
            return SpectrogramTransform.builtInNames().iterator();
        }
    }

    /** An augmentation preset or a pipeline JSON file. */
    static final class Augmentations implements ITypeConverter<Pipeline>, Iterable<String> {
        @Override
        public Pipeline convert(String text) {
            try {
                return Pipeline.load(text);
            } catch (EchomaskException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        @Override
        public Iterator<String> iterator() {
            return Pipeline.presetNames().iterator();
        }
    }

    /** A built-in synthetic-soundscape profile or a JSON file. */
    static final class SynthProfiles implements ITypeConverter<SynthProfile>, Iterable<String> {
        @Override
        public SynthProfile convert(String text) {
            try {
                return SynthProfile.resolve(text);
            } catch (EchomaskException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }

        @Override
        public Iterator<String> iterator() {
            return SynthProfile.builtInNames().iterator();
        }
    }
}
