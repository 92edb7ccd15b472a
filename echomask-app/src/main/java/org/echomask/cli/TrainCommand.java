package org.echomask.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.augment.Pipeline;
import org.echomask.augment.Step;
import org.echomask.augment.TimeShift;
import org.echomask.classify.ClassifierSpec;
import org.echomask.classify.ClassifierTraining;
import org.echomask.classify.Task;
import org.echomask.mask.MaskKind;
import org.echomask.mask.MaskRecipe;
import org.echomask.model.DatasetRef;
import org.echomask.train.TrainConfig;
import org.echomask.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code echomask train}: a mask-guided classifier or its image-only baseline. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a classifier on a dataset's train split, validating on its val split.",
                "--mask none trains the image-only baseline; binary/soft add the mask branch fused by --fusion.",
                "Writes the model package OUT (directory, or a .zip) and checkpoints + metrics.csv in OUT.run/;",
                "--resume continues a run that was stopped (same settings)."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, description = "Dataset directory (train and val splits).")
    Path dataset;

    @Mixin
    BackboneOptions backbone;

    @Mixin
    MaskFusionOptions maskFusion;

    @Option(names = "--mask-source", defaultValue = MaskRecipe.HQ, converter = Enums.MaskSources.class,
            completionCandidates = Enums.MaskSources.class,
            description = "Mask kind read from the dataset: hq, generated (after segment predict), proposal. Default: ${DEFAULT-VALUE}.")
    String maskSource;

    @Option(names = "--sigma", defaultValue = "2", converter = Bounds.PositiveReal.class, description = "Soft-mask sigma in pixels. Default: ${DEFAULT-VALUE}.")
    double sigma;

    @Option(names = "--task", defaultValue = "multilabel", converter = Enums.Tasks.class, completionCandidates = Enums.Tasks.class,
            description = "${COMPLETION-CANDIDATES} (one class per label combination, the power set). Default: ${DEFAULT-VALUE}.")
    Task task;

    @Option(names = "--latent-dim", defaultValue = "128", converter = LatentDim.class,
            description = "Common dimension of both branches (>= 8, a multiple of --heads). Default: ${DEFAULT-VALUE}.")
    int latentDim;

    @Option(names = "--heads", defaultValue = "4", converter = Bounds.Positive.class,
            description = "Cross-attention heads (>= 1). Default: ${DEFAULT-VALUE}.")
    int heads;

    @Option(names = "--augment", defaultValue = "time-shift", converter = Enums.Augmentations.class,
            completionCandidates = Enums.Augmentations.class, paramLabel = "FILE|PRESET",
            description = "Training augmentation: a preset (${COMPLETION-CANDIDATES}) or a pipeline JSON file. Default: ${DEFAULT-VALUE}.")
    Pipeline augment;

    // No default of its own: given, it sets the fraction of the --augment pipeline's time_shift step.
    @Option(names = "--time-shift", converter = Bounds.Fraction.class,
            description = "Largest random circular time shift while training, fraction of the width: the time_shift step"
                    + " of --augment. Default: " + TimeShift.DEFAULT_FRACTION + " (the time-shift preset).")
    Double timeShift;

    @Option(names = "--class-weights", defaultValue = "none", converter = Enums.ClassWeights.class,
            completionCandidates = Enums.ClassWeights.class, description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String classWeights;

    @Mixin
    TrainingOptions training;

    @Option(names = "--out", required = true, description = "Model package to write (directory or .zip).")
    Path out;

    @Option(names = "--resume", description = "Continue from the checkpoint in OUT.run/.")
    boolean resume;

    @Spec
    CommandSpec command;

    /** The classifier's own floor for its latent size; the multiple-of-heads rule needs both flags, see {@link #call}. */
    static final class LatentDim implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return Bounds.intAtLeast(value, 8);
        }
    }

    /** The --augment pipeline with --time-shift, if given, as the fraction of its time_shift step. */
    Pipeline augmentation() {
        if (timeShift == null) {
            return augment;
        }
        Step step = augment.step(TimeShift.NAME).orElseThrow(() -> new ParameterException(command.commandLine(),
                "--time-shift sets the time_shift step of --augment, which has none (use a pipeline with one)"));
        return augment.with(new TimeShift(timeShift, step.bypass()));
    }

    @Override
    public Integer call() {
        if (latentDim % heads != 0) {
            // A usage error like the single-flag bounds (exit 2), before the dataset is opened.
            throw new ParameterException(command.commandLine(), "--latent-dim " + latentDim + " must be a multiple of --heads " + heads);
        }
        Pipeline augmentation = augmentation();
        DatasetRef data = DatasetRef.open(dataset);
        var t = data.info().transform();
        MaskKind input = maskFusion.mask;
        ClassifierSpec spec = ClassifierSpec.builder().setBackbone(backbone.spec()).setMaskInput(input)
                .optMaskSource(input.used() ? maskSource : "").optSoftSigma(input == MaskKind.SOFT ? sigma : 0)
                .optFusion(maskFusion.fusion).setTask(task).setLabels(data.info().labels())
                .optLatentDim(latentDim).optHeads(heads).setInputSize(t.outputHeight(), t.outputWidth())
                .optAugment(augmentation).build();
        TrainConfig config = training.config();
        System.out.println("training " + spec.describe() + " on " + dataset + " (" + config.epochs() + " epochs, batch "
                + config.batchSize() + ", seed " + config.seed() + ")");
        ClassifierTraining.Outcome o = ClassifierTraining.run(new ClassifierTraining.Job(dataset, spec, config,
                classWeights.equals("balanced"), out, resume, Main.lastArgs()), TerminalProgress.forStderr());
        TrainingResult r = o.result();
        System.out.printf(Locale.ROOT, "best epoch %d: val joint accuracy %.4f%s; %.1f s, %.1f examples/s%n", r.bestEpoch(),
                r.bestScore(), r.stoppedEarly() ? " (stopped early)" : "", r.seconds(), r.examplesPerSecond());
        System.out.println("model: " + out + "  (per-epoch metrics: " + ClassifierTraining.runDir(out).resolve("metrics.csv") + ")");
        return 0;
    }
}
