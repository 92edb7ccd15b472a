package org.echomask.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.EchomaskException;
import org.echomask.classify.ClassifierSpec;
import org.echomask.classify.ClassifierTraining;
import org.echomask.classify.FusionKind;
import org.echomask.classify.MaskInput;
import org.echomask.classify.Task;
import org.echomask.model.DatasetRef;
import org.echomask.nn.BackboneSpec;
import org.echomask.train.TrainConfig;
import org.echomask.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code echomask train}: a mask-guided classifier or its image-only baseline. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a classifier on a dataset's train split, validating on its val split.",
                "--mask none trains the image-only baseline; binary/soft add the mask branch fused by --fusion.",
                "Writes the model package OUT (directory, or a .zip) and checkpoints + metrics.csv in OUT.run/;",
                "--resume continues a run that was stopped (same settings)."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--dataset", required = true, description = "Dataset directory (train and val splits).")
    Path dataset;

    @Option(names = "--model", defaultValue = "resnet18",
            description = "Spectrogram encoder: resnet18, resnet34, resnet50, convnext, vit, deit, mobilenetv3, mobilenetv3-small. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--width", description = "Width multiplier of the encoder (default: the architecture's CPU-sized default).")
    Double width;

    @Option(names = "--mask", defaultValue = "soft", description = "Mask input: none, binary, soft. Default: ${DEFAULT-VALUE}.")
    String mask;

    @Option(names = "--mask-source", defaultValue = "hq",
            description = "Mask kind read from the dataset: hq, generated (after segment predict), proposal. Default: ${DEFAULT-VALUE}.")
    String maskSource;

    @Option(names = "--sigma", defaultValue = "2", description = "Soft-mask sigma in pixels. Default: ${DEFAULT-VALUE}.")
    double sigma;

    @Option(names = "--fusion", defaultValue = "xattn", description = "concat, gated or xattn. Default: ${DEFAULT-VALUE}.")
    String fusion;

    @Option(names = "--task", defaultValue = "multilabel", description = "multilabel or multiclass (power set). Default: ${DEFAULT-VALUE}.")
    String task;

    @Option(names = "--latent-dim", defaultValue = "128", description = "Common dimension of both branches. Default: ${DEFAULT-VALUE}.")
    int latentDim;

    @Option(names = "--heads", defaultValue = "4", description = "Cross-attention heads. Default: ${DEFAULT-VALUE}.")
    int heads;

    @Option(names = "--time-shift", defaultValue = "0.25",
            description = "Largest random circular time shift while training, fraction of the width. Default: ${DEFAULT-VALUE}.")
    double timeShift;

    @Option(names = "--class-weights", defaultValue = "none", description = "none or balanced. Default: ${DEFAULT-VALUE}.")
    String classWeights;

    @Mixin
    TrainingOptions training;

    @Option(names = "--out", required = true, description = "Model package to write (directory or .zip).")
    Path out;

    @Option(names = "--resume", description = "Continue from the checkpoint in OUT.run/.")
    boolean resume;

    @Override
    public Integer call() {
        DatasetRef data = DatasetRef.open(dataset);
        var t = data.info().transform();
        BackboneSpec backbone = TrainingOptions.backbone(model, width);
        MaskInput input = MaskInput.parse(mask);
        ClassifierSpec spec = ClassifierSpec.builder().setBackbone(backbone).setMaskInput(input)
                .optMaskSource(input.used() ? maskSource : "").optSoftSigma(input == MaskInput.SOFT ? sigma : 0)
                .optFusion(FusionKind.parse(fusion)).setTask(Task.parse(task)).setLabels(data.info().labels())
                .optLatentDim(latentDim).optHeads(heads).setInputSize(t.outputHeight(), t.outputWidth())
                .optTimeShift(timeShift).build();
        if (!List.of("none", "balanced").contains(classWeights)) {
            throw new EchomaskException("--class-weights must be none or balanced, got " + classWeights);
        }
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
