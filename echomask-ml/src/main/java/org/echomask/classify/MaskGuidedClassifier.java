package org.echomask.classify;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.echomask.mask.MaskKind;
import org.echomask.nn.Backbone;

/**
 * The two-branch mask-guided classifier (MGC) and, with {@link MaskKind#NONE}, its image-only
 * baseline from the same code: {@code y = head(embed(fuse(encode(spectrogram), encode(mask))))}.
 *
 * <p>The stages are public so a learner can run them one by one and act between them (its
 * {@code trainingLoss}): {@link #encode} (each branch to tokens: {@link #spectrogramTokens},
 * {@link #maskTokens}) → {@link #fuse} → {@link #embed} → {@link #head}. Input Mixup mixes the
 * inputs, token-level mixing the {@link Branches}, Manifold Mixup and MultiMix the {@link #embed}
 * outputs; relevance masking reads those, Grad-CAM the spectrogram feature map of
 * {@link #encodeSpectrogram}. {@link #forward} is exactly these steps in order.
 *
 * <p>The fusion and the head are chosen by name ({@link Fusions}, {@link Heads}); child names and
 * their order are those of every saved package, since {@code weights.params} holds the parameters
 * in child order and loading checks each one's name.
 *
 * <p>Inputs: {@code (N, C, H, W)} spectrogram, plus {@code (N, 1, H, W)} mask when a mask branch is
 * used. Output: {@code (N, outputs)} logits.
 */
public final class MaskGuidedClassifier extends AbstractBlock {
    private final Backbone backbone;
    private final MaskKind maskInput;
    private final FusionKind fusionKind;
    private final int latentDim;
    private final int outputs;
    private final Block spectrogramProjection;
    private final Block maskEncoder;
    private final Fusion fusion;
    private final LayerNorm embedNorm;
    private final String headName;
    private final Head head;

    /** Each branch's tokens in the latent space: spectrogram (N, Ls, D), mask (N, Lm, D) or null without a mask branch. */
    public record Branches(NDArray spectrogramTokens, NDArray maskTokens) {}

    /** The classifier with the {@value Heads#LINEAR} head, as every saved package has. */
    public MaskGuidedClassifier(Backbone backbone, MaskKind maskInput, FusionKind fusionKind, int latentDim, int heads,
            int outputs) {
        this(backbone, maskInput, fusionKind, latentDim, heads, outputs, Heads.LINEAR);
    }

    /** @param headName a {@link Heads} name */
    public MaskGuidedClassifier(Backbone backbone, MaskKind maskInput, FusionKind fusionKind, int latentDim, int heads,
            int outputs, String headName) {
        if (latentDim < 8 || outputs < 1) {
            throw new IllegalArgumentException("latent dimension " + latentDim + " or outputs " + outputs + " too small");
        }
        this.backbone = backbone;
        this.maskInput = maskInput;
        this.fusionKind = fusionKind;
        this.latentDim = latentDim;
        this.outputs = outputs;
        addChildBlock("spectrogram_encoder", backbone.block());
        spectrogramProjection = addChildBlock("spectrogram_projection",
                Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(latentDim).build());
        if (maskInput.used()) {
            maskEncoder = addChildBlock("mask_encoder", MaskEncoder.create(latentDim));
            fusion = addChildBlock("fusion", Fusions.create(fusionKind.id(), latentDim, heads));
        } else {
            maskEncoder = null;
            fusion = null;
        }
        embedNorm = addChildBlock("embed_norm", LayerNorm.builder().axis(1).build());
        this.headName = headName;
        head = addChildBlock("head", Heads.create(headName, outputs));
    }

    public MaskKind maskInput() {
        return maskInput;
    }

    public FusionKind fusionKind() {
        return fusionKind;
    }

    public String headName() {
        return headName;
    }

    /** Width D of the tokens, the fused vector and the embedding. */
    public int latentDim() {
        return latentDim;
    }

    /** Logits per example. */
    public int outputs() {
        return outputs;
    }

    /** Both branches of a batch's inputs ({@code spectrogram[, mask]}, as {@link #forward} takes them) to tokens. */
    public Branches encode(ParameterStore ps, NDList inputs, boolean training) {
        NDArray specTokens = spectrogramTokens(ps, inputs.get(0), training);
        NDArray maskTokens = maskInput.used() ? maskTokens(ps, inputs.get(1), training) : null;
        return new Branches(specTokens, maskTokens);
    }

    /** Spectrogram feature map of the backbone, before projection: (N, C, h, w). Grad-CAM reads this. */
    public NDArray encodeSpectrogram(ParameterStore ps, NDArray spectrogram, boolean training) {
        return backbone.block().forward(ps, new NDList(spectrogram), training).singletonOrThrow();
    }

    /** Spectrogram tokens in the latent space: (N, h*w, D). */
    public NDArray spectrogramTokens(ParameterStore ps, NDArray spectrogram, boolean training) {
        NDArray map = encodeSpectrogram(ps, spectrogram, training);
        return Tokens.fromMap(spectrogramProjection.forward(ps, new NDList(map), training).singletonOrThrow());
    }

    /** Mask tokens in the latent space: (N, h'*w', D). */
    public NDArray maskTokens(ParameterStore ps, NDArray mask, boolean training) {
        requireMaskBranch();
        return Tokens.fromMap(maskEncoder.forward(ps, new NDList(mask), training).singletonOrThrow());
    }

    /** Fused vector (N, D) of both branches' tokens. */
    public NDArray fuse(ParameterStore ps, Branches branches, boolean training) {
        return fuse(ps, branches.spectrogramTokens(), branches.maskTokens(), training);
    }

    /** Fused vector (N, D); without a mask branch, the pooled spectrogram tokens. */
    public NDArray fuse(ParameterStore ps, NDArray spectrogramTokens, NDArray maskTokens, boolean training) {
        if (!maskInput.used()) {
            return Tokens.pool(spectrogramTokens);
        }
        if (maskTokens == null) {
            throw new IllegalArgumentException("a " + maskInput.id() + " mask classifier fuses mask tokens; got none");
        }
        return fusion.fuse(ps, spectrogramTokens, maskTokens, training);
    }

    /** The embedding the head reads (N, D): the fused vector, layer-normalised. */
    public NDArray embed(ParameterStore ps, NDArray fused, boolean training) {
        return embedNorm.forward(ps, new NDList(fused), training).singletonOrThrow();
    }

    /** Logits (N, outputs) of embeddings. */
    public NDArray head(ParameterStore ps, NDArray embedding, boolean training) {
        return head.logits(ps, embedding, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray embedding = embed(ps, fuse(ps, encode(ps, inputs, training), training), training);
        return new NDList(head(ps, embedding, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), outputs)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputs) {
        if (maskInput.used() && inputs.length < 2) {
            throw new IllegalArgumentException("a " + maskInput.id() + " mask classifier needs a mask input shape");
        }
        Block encoder = backbone.block();
        encoder.initialize(manager, dataType, inputs[0]);
        Shape map = encoder.getOutputShapes(new Shape[] {inputs[0]})[0];
        spectrogramProjection.initialize(manager, dataType, map);
        Shape specTokens = Tokens.shapeOf(spectrogramProjection.getOutputShapes(new Shape[] {map})[0]);
        Shape fused = new Shape(inputs[0].get(0), latentDim);
        if (maskInput.used()) {
            maskEncoder.initialize(manager, dataType, inputs[1]);
            Shape maskTokens = Tokens.shapeOf(maskEncoder.getOutputShapes(new Shape[] {inputs[1]})[0]);
            fusion.initialize(manager, dataType, specTokens, maskTokens);
        }
        embedNorm.initialize(manager, dataType, fused);
        head.initialize(manager, dataType, fused);
    }

    private void requireMaskBranch() {
        if (!maskInput.used()) {
            throw new IllegalStateException("this classifier has no mask branch (mask input none)");
        }
    }
}
