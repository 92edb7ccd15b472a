package org.echomask.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.echomask.dataset.ExampleSet;
import org.echomask.dataset.MaskSelection;
import org.echomask.mask.MaskRecipe;
import org.echomask.model.DatasetRef;
import org.echomask.nn.SegmenterSpec;
import org.echomask.segment.SegmenterModel;
import org.echomask.segment.SegmenterTraining;
import org.echomask.train.TrainConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code echomask segment train|predict}: the few-shot segmentation network (DeepLabV3 layout). */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Few-shot segmentation: train a DeepLabV3-style network on a dataset's HQ masks,",
                "then predict 'generated' masks for every example (column generated_mask)."},
        subcommands = {SegmentCommand.Train.class, SegmentCommand.Predict.class})
final class SegmentCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Train on the train-split HQ masks with time-flip augmentation; loss pixel-wise cross-entropy",
                    "plus soft Dice by default (--loss); DeepLabV3+ decoder by default (--decoder none: plain DeepLabV3).",
                    "Reports IoU and Dice on the val-split HQ masks. Checkpoints and metrics.csv go to OUT.run/."})
    static final class Train implements Callable<Integer> {
        @Option(names = "--dataset", required = true, description = "Dataset directory with HQ masks.")
        Path dataset;

        @Option(names = "--masks", defaultValue = MaskRecipe.HQ, converter = Enums.SegmenterMaskKinds.class,
                completionCandidates = Enums.SegmenterMaskKinds.class,
                description = "Mask kind to learn from: ${COMPLETION-CANDIDATES} (people's masks). Default: ${DEFAULT-VALUE}.")
        String masks; // only hq is accepted (the converter); a flag so that scripts naming the kind keep working

        @Option(names = "--limit", defaultValue = "200", converter = Bounds.NonNegative.class,
                description = "Use at most this many train masks (seeded choice; 0 = all). Default: ${DEFAULT-VALUE}.")
        int limit;

        @Mixin
        BackboneOptions backbone;

        @Option(names = "--decoder", defaultValue = "plus", converter = Enums.Decoders.class,
                completionCandidates = Enums.Decoders.class,
                description = "plus (DeepLabV3+: stride-4 skip connection; ResNet and MobileNet backbones) or none (DeepLabV3). Default: ${DEFAULT-VALUE}.")
        String decoder;

        @Option(names = "--loss", defaultValue = SegmenterTraining.DEFAULT_LOSS, converter = Enums.SegmenterLosses.class,
                completionCandidates = Enums.SegmenterLosses.class,
                description = "ce (pixel-wise cross-entropy) or ce_dice (plus soft Dice, for rare foreground). Default: ${DEFAULT-VALUE}.")
        String loss;

        @Mixin
        TrainingOptions training;

        @Option(names = "--out", required = true, description = "Segmentation package to write (directory or .zip).")
        Path out;

        @Option(names = "--resume", description = "Continue from the checkpoint in OUT.run/.")
        boolean resume;

        @Override
        public Integer call() {
            DatasetRef.open(dataset);
            // The decoder first: the default's 'plus' decoder would refuse a backbone without a stride-4 map
            // (deit, vit, convnext) before --decoder none could be applied.
            SegmenterSpec spec = org.echomask.nn.DeepLabV3.defaults().withNumClasses(2).withDecoder(decoder);
            if (backbone.differsFrom(spec.backbone().architecture())) {
                spec = spec.withBackbone(backbone.spec().withOutputStride(8));
            }
            TrainConfig config = training.config();
            SegmenterTraining.Outcome o = SegmenterTraining.run(new SegmenterTraining.Job(dataset, spec, config, limit, out,
                    resume, Main.lastArgs(), loss), TerminalProgress.forStderr());
            System.out.printf(Locale.ROOT, "segmenter on %d train / %d val HQ masks: best epoch %d; held-out IoU %.3f, Dice %.3f "
                    + "(pooled IoU %.3f); %.1f s%n", o.trainMasks(), o.valMasks(), o.result().bestEpoch(), o.heldOut().meanIou(),
                    o.heldOut().meanDice(), o.heldOut().pooledIou(), o.result().seconds());
            System.out.println("model: " + out);
            return 0;
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = {"Predict a mask for every example of a dataset: DS/masks/generated/<id>.png, column generated_mask.",
                    "Score them against HQ masks or synthetic truth with: echomask masks evaluate --kind generated."})
    static final class Predict implements Callable<Integer> {
        @Option(names = "--model", required = true, description = "Segmentation package.")
        Path model;

        @Option(names = "--dataset", required = true, description = "Dataset directory.")
        Path dataset;

        @Option(names = "--batch-size", defaultValue = "32", converter = Bounds.Positive.class,
                description = "Examples per forward pass (>= 1). Default: ${DEFAULT-VALUE}.")
        int batchSize;

        @Mixin
        ThreadsOption threads;

        @Override
        public Integer call() {
            DatasetRef data = DatasetRef.open(dataset);
            try (SegmenterModel m = SegmenterModel.open(model)) {
                PredictCommand.warnAboutFit(m.opened().warnings(), data.transformDifferences(m.card().transform()));
                long t0 = System.nanoTime();
                ExampleSet all = ExampleSet.load(dataset, e -> true, MaskSelection.NONE, threads.resolve(),
                        TerminalProgress.forStderr());
                double coverage = m.writeGeneratedMasks(all, model, batchSize, TerminalProgress.forStderr());
                System.out.printf(Locale.ROOT, "generated masks: %d in %.1f s (mean coverage %.1f%%)%n", all.size(),
                        (System.nanoTime() - t0) / 1e9, 100 * coverage);
                return 0;
            }
        }
    }
}
