package org.echomask.classify;

import java.util.ArrayList;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.augment.Pipeline;
import org.echomask.augment.TimeShift;
import org.echomask.dataset.MaskSelection;
import org.echomask.label.LabelSet;
import org.echomask.mask.MaskKind;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.echomask.nn.BackboneSpec;

/**
 * Everything needed to rebuild a classifier's network and feed it: saved in {@code model.json}.
 * Build one with {@link #builder()}; the components, their order and their JSON names are those of
 * saved packages, so they stay as they are.
 *
 * @param backbone spectrogram encoder
 * @param maskInput none (image-only baseline), binary or soft
 * @param maskSource tracked mask kind the mask branch reads (hq, generated, proposal...); empty for none
 * @param softSigma Gaussian sigma in pixels for soft masks (0 otherwise)
 * @param fusion how the mask branch joins (ignored for none, stored as concat)
 * @param task multilabel or multiclass
 * @param labels the label set, sorted
 * @param latentDim common dimension of both branches' tokens and of the embedding
 * @param heads attention heads of the cross-attention fusion
 * @param inputHeight spectrogram rows (frequency bins)
 * @param inputWidth spectrogram columns (frames)
 * @param timeShift largest random circular time shift during training, as a fraction of the width: the
 *     {@code time_shift} step of {@code augment} (0 without one), kept for the packages written before the pipeline
 * @param head a {@link Heads} name; missing in older model.json files, which all have {@value Heads#LINEAR}
 * @param loss a {@link Losses} name; missing in older files, which trained with the task's ({@link Losses#forTask})
 * @param augment the training augmentation (for the record: inference does not run it); missing in older files,
 *     which augmented with the pipeline their {@code timeShift} stands for ({@link TimeShift#pipeline})
 */
public record ClassifierSpec(BackboneSpec backbone, MaskKind maskInput, String maskSource, double softSigma,
        FusionKind fusion, Task task, List<String> labels, int latentDim, int heads, int inputHeight, int inputWidth,
        double timeShift, String head, String loss, Pipeline augment) {
    public static final int DEFAULT_LATENT_DIM = 128;
    public static final int DEFAULT_HEADS = 4;

    public ClassifierSpec {
        require(backbone != null && maskInput != null && fusion != null && task != null, "backbone, mask input, fusion and task are required");
        maskSource = maskSource == null ? "" : maskSource;
        if (maskInput.used()) {
            require(!maskSource.isEmpty(), "a " + maskInput.id() + " mask needs a mask source (hq, generated, proposal)");
            MaskSelection.binary(maskSource); // validates the kind
        } else {
            maskSource = "";
            softSigma = 0;
            fusion = FusionKind.CONCAT;
        }
        require(maskInput == MaskKind.SOFT ? softSigma > 0 : softSigma == 0,
                "soft masks need sigma > 0 pixels, other inputs sigma 0 (got " + softSigma + ")");
        labels = LabelSet.sorted(labels == null ? List.of() : labels).names();
        require(!labels.isEmpty(), "a classifier needs at least one label");
        require(latentDim >= 8 && latentDim % heads == 0, "latent dimension " + latentDim + " must be >= 8 and a multiple of heads " + heads);
        require(inputHeight >= 16 && inputWidth >= 16, "input must be at least 16x16, got " + inputHeight + "x" + inputWidth);
        require(timeShift >= 0 && timeShift <= 1, "time shift must be a fraction in [0, 1], got " + timeShift);
        head = head == null ? Heads.LINEAR : head;
        require(Heads.names().contains(head), "unknown head '" + head + "' (known: " + String.join(", ", Heads.names()) + ")");
        loss = loss == null ? Losses.forTask(task).name() : Losses.named(loss).name();
        augment = augment == null ? TimeShift.pipeline(timeShift) : augment;
        require(timeShift == TimeShift.fractionOf(augment), "time shift " + timeShift + " disagrees with the augmentation"
                + " pipeline's time_shift step (" + TimeShift.fractionOf(augment) + ")");
        // The pipeline is a training recipe: inference never runs it, so it must not hold steps inference would need.
        require(augment.augmentationsOnly(), "the augmentation pipeline may hold augmentations only");
    }

    /** A spec as packages written before head, loss and augmentation were recorded: linear head, the task's loss. */
    public ClassifierSpec(BackboneSpec backbone, MaskKind maskInput, String maskSource, double softSigma, FusionKind fusion,
            Task task, List<String> labels, int latentDim, int heads, int inputHeight, int inputWidth, double timeShift) {
        this(backbone, maskInput, maskSource, softSigma, fusion, task, labels, latentDim, heads, inputHeight, inputWidth,
                timeShift, null, null, null);
    }

    /** A builder: {@code setX} for what every spec needs, {@code optX} for the rest, checked in {@link Builder#build}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Names the components instead of listing them in order. Optional components default to: no
     * mask source, sigma 0, {@link FusionKind#CONCAT}, {@link #DEFAULT_LATENT_DIM},
     * {@link #DEFAULT_HEADS}, no augmentation, the {@value Heads#LINEAR} head and the task's loss.
     */
    public static final class Builder {
        private BackboneSpec backbone;
        private MaskKind maskInput;
        private Task task;
        private List<String> labels;
        private int inputHeight;
        private int inputWidth;
        private String maskSource = "";
        private double softSigma;
        private FusionKind fusion = FusionKind.CONCAT;
        private int latentDim = DEFAULT_LATENT_DIM;
        private int heads = DEFAULT_HEADS;
        private Double timeShift;
        private String head;
        private String loss;
        private Pipeline augment;

        private Builder() {}

        public Builder setBackbone(BackboneSpec backbone) {
            this.backbone = backbone;
            return this;
        }

        public Builder setMaskInput(MaskKind maskInput) {
            this.maskInput = maskInput;
            return this;
        }

        public Builder setTask(Task task) {
            this.task = task;
            return this;
        }

        public Builder setLabels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        /** Spectrogram rows (frequency bins) and columns (frames). */
        public Builder setInputSize(int height, int width) {
            this.inputHeight = height;
            this.inputWidth = width;
            return this;
        }

        /** The tracked mask kind the mask branch reads; required when the mask input is used. */
        public Builder optMaskSource(String maskSource) {
            this.maskSource = maskSource;
            return this;
        }

        /** Gaussian sigma in pixels; required (> 0) for soft masks, 0 otherwise. */
        public Builder optSoftSigma(double softSigma) {
            this.softSigma = softSigma;
            return this;
        }

        public Builder optFusion(FusionKind fusion) {
            this.fusion = fusion;
            return this;
        }

        public Builder optLatentDim(int latentDim) {
            this.latentDim = latentDim;
            return this;
        }

        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /**
         * Largest random circular time shift while training, fraction of the width: without
         * {@link #optAugment}, the pipeline of that one step; with it, must be its step's fraction.
         */
        public Builder optTimeShift(double timeShift) {
            this.timeShift = timeShift;
            return this;
        }

        /** The training augmentation; sets the time shift to its {@code time_shift} step's fraction. */
        public Builder optAugment(Pipeline augment) {
            this.augment = augment;
            return this;
        }

        /** A {@link Heads} name. */
        public Builder optHead(String head) {
            this.head = head;
            return this;
        }

        /** A {@link Losses} name. */
        public Builder optLoss(String loss) {
            this.loss = loss;
            return this;
        }

        /** The spec; refuses missing required components by name, then validates like the constructor. */
        public ClassifierSpec build() {
            List<String> missing = new ArrayList<>();
            if (backbone == null) {
                missing.add("backbone (setBackbone)");
            }
            if (maskInput == null) {
                missing.add("mask input (setMaskInput)");
            }
            if (task == null) {
                missing.add("task (setTask)");
            }
            if (labels == null) {
                missing.add("labels (setLabels)");
            }
            if (inputHeight == 0 && inputWidth == 0) {
                missing.add("input size (setInputSize)");
            }
            require(missing.isEmpty(), "missing " + String.join(", ", missing));
            double shift = timeShift != null ? timeShift : augment != null ? TimeShift.fractionOf(augment) : 0;
            return new ClassifierSpec(backbone, maskInput, maskSource, softSigma, fusion, task, labels, latentDim, heads,
                    inputHeight, inputWidth, shift, head, loss, augment);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EchomaskException("classifier spec: " + message);
        }
    }

    public LabelSet labelSet() {
        return LabelSet.of(labels);
    }

    /** Number of network outputs (K or 2^K). */
    public int outputs() {
        return task.outputs(labelSet());
    }

    /** The masks an example set must load for this classifier. */
    public MaskSelection maskSelection() {
        if (!maskInput.used()) {
            return MaskSelection.NONE;
        }
        return maskInput == MaskKind.SOFT ? MaskSelection.soft(maskSource, softSigma) : MaskSelection.binary(maskSource);
    }

    /** The mask kind the mask branch reads ({@link #maskInput}; the JSON field keeps its old name). */
    public MaskKind maskKind() {
        return maskInput;
    }

    /** This classifier's mask recipe, with the proposer config its proposal masks were made with (else null). */
    public MaskRecipe maskRecipe(ProposerConfig proposer) {
        return maskInput.used() ? new MaskRecipe(maskKind(), maskSource, softSigma, proposer) : MaskRecipe.NONE;
    }

    /** A short name for tables and logs, e.g. {@code resnet18 xattn soft(hq,s2) multilabel}. */
    public String describe() {
        String mask = switch (maskInput) {
            case NONE -> "image-only";
            case BINARY -> fusion.id() + " binary(" + maskSource + ")";
            case SOFT -> fusion.id() + " soft(" + maskSource + ",s" + softSigma + ")";
        };
        return backbone.architecture() + " " + mask + " " + task.id();
    }

    /** Builds the untrained network. */
    public MaskGuidedClassifier build() {
        return new MaskGuidedClassifier(org.echomask.nn.Backbones.create(backbone), maskInput, fusion, latentDim, heads,
                outputs(), head);
    }
}
