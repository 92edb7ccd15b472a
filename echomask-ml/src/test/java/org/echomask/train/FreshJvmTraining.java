package org.echomask.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.echomask.Progress;
import org.echomask.classify.ClassifierSpec;
import org.echomask.classify.ClassifierTraining;
import org.echomask.classify.FusionKind;
import org.echomask.classify.Task;
import org.echomask.mask.MaskKind;
import org.echomask.nn.BackboneSpec;
import org.echomask.nn.DeepLabV3;
import org.echomask.nn.SegmenterSpec;
import org.echomask.segment.SegmenterTraining;

/**
 * The child of {@link FreshJvmDeterminismTest}: trains one tiny network in a JVM of its own and
 * prints the SHA-256 of the saved weights. Arguments: dataset, {@code classifier|segmenter},
 * width multiplier, seed, output directory.
 */
public final class FreshJvmTraining {
    private FreshJvmTraining() {}

    public static void main(String[] args) throws Exception {
        Path dataset = Path.of(args[0]);
        String kind = args[1];
        double width = Double.parseDouble(args[2]);
        long seed = Long.parseLong(args[3]);
        Path out = Path.of(args[4]);
        // The reproduction: one epoch, batches of 4, one loader thread.
        TrainConfig config = TrainConfig.defaults().withEpochs(1).withBatchSize(4).withSeed(seed).withLoaders(1, 2);
        BackboneSpec backbone = BackboneSpec.defaults("resnet18").withWidthMultiplier(width);
        if (kind.equals("segmenter")) {
            SegmenterSpec spec = DeepLabV3.defaults().withNumClasses(2).withBackbone(backbone.withOutputStride(8));
            SegmenterTraining.run(new SegmenterTraining.Job(dataset, spec, config, 8, out, false, List.of()), Progress.NONE);
        } else {
            ClassifierSpec spec = ClassifierSpec.builder().setBackbone(backbone).setMaskInput(MaskKind.BINARY)
                    .optMaskSource("hq").optFusion(FusionKind.CONCAT).setTask(Task.MULTILABEL)
                    .setLabels(List.of("beluga_click", "beluga_whistle", "porpoise_click")).optLatentDim(16).optHeads(1)
                    .setInputSize(128, 128).optTimeShift(0.25).build();
            ClassifierTraining.run(new ClassifierTraining.Job(dataset, spec, config, false, out, false, List.of()),
                    Progress.NONE);
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out.resolve("weights.params")));
        System.out.println("weights " + HexFormat.of().formatHex(digest));
    }
}
