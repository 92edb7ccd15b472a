package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.echomask.mask.MaskKind;
import org.echomask.nn.Backbone;
import org.echomask.nn.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskGuidedClassifierTest {

    /** A two-conv stand-in backbone: the classifier must work with any feature map. */
    static Backbone tinyBackbone() {
        SequentialBlock b = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(4, 4)).optStride(new Shape(4, 4)).setFilters(8).build())
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(2, 2)).optStride(new Shape(2, 2)).setFilters(12).build());
        return new Backbone(b, 12, 8, "tiny");
    }

    @ParameterizedTest
    @CsvSource({"none,concat", "binary,concat", "soft,gated", "soft,xattn"})
    void outputsLogitsAndEveryBranchGetsGradients(String mask, String fusion) {
        Engine engine = Engines.pytorch();
        engine.setRandomSeed(1);
        MaskKind input = MaskKind.parse(mask);
        MaskGuidedClassifier model = new MaskGuidedClassifier(tinyBackbone(), input, FusionKind.parse(fusion), 16, 4, 3);
        try (NDManager m = engine.newBaseManager()) {
            Shape img = new Shape(2, 1, 32, 48);
            if (input.used()) {
                model.initialize(m, DataType.FLOAT32, img, img);
            } else {
                model.initialize(m, DataType.FLOAT32, img);
            }
            NDList in = input.used() ? new NDList(m.randomNormal(img), m.randomUniform(0, 1, img)) : new NDList(m.randomNormal(img));
            ParameterStore ps = new ParameterStore(m, false);
            try (GradientCollector gc = engine.newGradientCollector()) {
                NDArray out = model.forward(ps, in, true).singletonOrThrow();
                assertThat(out.getShape()).isEqualTo(new Shape(2, 3));
                gc.backward(out.square().sum());
            }
            for (Pair<String, Parameter> p : model.getParameters()) {
                if (p.getKey().contains("running") || p.getValue().getType() == Parameter.Type.RUNNING_MEAN
                        || p.getValue().getType() == Parameter.Type.RUNNING_VAR) {
                    continue;
                }
                NDArray g = p.getValue().getArray().getGradient();
                assertThat(g.abs().sum().getFloat()).as(p.getKey()).isGreaterThan(0f);
            }
            assertThat(model.getParameters().keys().stream().anyMatch(k -> k.contains("mask_encoder")))
                    .isEqualTo(input.used());
        }
    }

    /** A learner that runs the stages itself must compute what forward computes, to the bit. */
    @ParameterizedTest
    @CsvSource({"none,concat", "binary,concat", "soft,gated", "soft,xattn"})
    void publicStagesComposeToForwardBitForBit(String mask, String fusion) {
        Engine engine = Engines.pytorch();
        engine.setRandomSeed(2);
        MaskKind input = MaskKind.parse(mask);
        MaskGuidedClassifier model = new MaskGuidedClassifier(tinyBackbone(), input, FusionKind.parse(fusion), 16, 4, 3);
        try (NDManager m = engine.newBaseManager()) {
            Shape img = new Shape(3, 1, 32, 48);
            model.initialize(m, DataType.FLOAT32, input.used() ? new Shape[] {img, img} : new Shape[] {img});
            NDList in = input.used() ? new NDList(m.randomNormal(img), m.randomUniform(0, 1, img)) : new NDList(m.randomNormal(img));
            ParameterStore ps = new ParameterStore(m, false);
            float[] whole = model.forward(ps, in, false).singletonOrThrow().toFloatArray();

            MaskGuidedClassifier.Branches branches = model.encode(ps, in, false);
            assertThat(branches.spectrogramTokens().getShape().get(2)).isEqualTo(model.latentDim());
            assertThat(branches.maskTokens() != null).isEqualTo(input.used());
            NDArray embedding = model.embed(ps, model.fuse(ps, branches, false), false);
            assertThat(embedding.getShape()).isEqualTo(new Shape(3, 16));
            assertThat(model.head(ps, embedding, false).toFloatArray()).containsExactly(whole);
            if (input.used()) {
                assertThatThrownBy(() -> model.fuse(ps, branches.spectrogramTokens(), null, false))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
