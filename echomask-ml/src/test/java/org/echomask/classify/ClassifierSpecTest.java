package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.echomask.EchomaskException;
import org.echomask.augment.Pipeline;
import org.echomask.augment.TimeShift;
import org.echomask.io.Json;
import org.echomask.mask.MaskKind;
import org.echomask.nn.BackboneSpec;
import org.junit.jupiter.api.Test;

class ClassifierSpecTest {
    private static final List<String> LABELS = List.of("b", "a");
    private static final BackboneSpec BACKBONE = BackboneSpec.defaults("resnet18").withWidthMultiplier(0.125);

    @Test
    void builderMakesTheSpecThePositionalConstructorMakes() {
        ClassifierSpec built = ClassifierSpec.builder().setBackbone(BACKBONE).setMaskInput(MaskKind.SOFT).setTask(Task.MULTICLASS)
                .setLabels(LABELS).setInputSize(128, 96).optMaskSource("generated").optSoftSigma(2).optFusion(FusionKind.XATTN)
                .optLatentDim(32).optHeads(2).optTimeShift(0.25).build();
        assertThat(built).isEqualTo(new ClassifierSpec(BACKBONE, MaskKind.SOFT, "generated", 2, FusionKind.XATTN,
                Task.MULTICLASS, LABELS, 32, 2, 128, 96, 0.25));
    }

    @Test
    void optionalComponentsHaveTheDocumentedDefaults() {
        ClassifierSpec spec = ClassifierSpec.builder().setBackbone(BACKBONE).setMaskInput(MaskKind.BINARY).setTask(Task.MULTILABEL)
                .setLabels(LABELS).setInputSize(128, 128).optMaskSource("hq").build();
        assertThat(spec).isEqualTo(new ClassifierSpec(BACKBONE, MaskKind.BINARY, "hq", 0, FusionKind.CONCAT, Task.MULTILABEL,
                LABELS, ClassifierSpec.DEFAULT_LATENT_DIM, ClassifierSpec.DEFAULT_HEADS, 128, 128, 0));
    }

    @Test
    void buildNamesEveryMissingRequiredComponentThenValidatesTheRest() {
        assertThatThrownBy(() -> ClassifierSpec.builder().setMaskInput(MaskKind.NONE).build())
                .isInstanceOf(EchomaskException.class)
                .hasMessage("classifier spec: missing backbone (setBackbone), task (setTask), labels (setLabels), "
                        + "input size (setInputSize)");
        assertThatThrownBy(() -> ClassifierSpec.builder().setBackbone(BACKBONE).setMaskInput(MaskKind.SOFT).setTask(Task.MULTILABEL)
                .setLabels(LABELS).setInputSize(128, 128).optMaskSource("hq").build())
                .isInstanceOf(EchomaskException.class).hasMessageContaining("soft masks need sigma > 0");
    }

    @Test
    void jsonKeepsTheTwelveComponentsOfSavedPackagesThenHeadLossAndAugmentation() {
        ClassifierSpec spec = ClassifierSpec.builder().setBackbone(BACKBONE).setMaskInput(MaskKind.BINARY).setTask(Task.MULTILABEL)
                .setLabels(LABELS).setInputSize(128, 128).optMaskSource("hq").optFusion(FusionKind.GATED).build();
        JsonNode json = Json.mapper().valueToTree(spec);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("backbone", "mask_input", "mask_source", "soft_sigma", "fusion", "task", "labels",
                "latent_dim", "heads", "input_height", "input_width", "time_shift", "head", "loss", "augment");
        assertThat(json.get("fusion").asText()).isEqualTo("GATED");
        assertThat(json.get("head").asText()).isEqualTo("linear");
        assertThat(json.get("loss").asText()).isEqualTo("bce");
        assertThat(Json.read(Json.write(spec), ClassifierSpec.class)).isEqualTo(spec);
    }

    @Test
    void oldModelJsonWithoutHeadLossOrAugmentationReadsAsWhatThoseModelsWere() {
        ClassifierSpec spec = ClassifierSpec.builder().setBackbone(BACKBONE).setMaskInput(MaskKind.NONE).setTask(Task.MULTICLASS)
                .setLabels(LABELS).setInputSize(128, 128).optTimeShift(0.25).build();
        com.fasterxml.jackson.databind.node.ObjectNode json = Json.mapper().valueToTree(spec);
        json.remove(List.of("head", "loss", "augment"));
        ClassifierSpec old = Json.read(json.toString(), ClassifierSpec.class);
        assertThat(old.head()).isEqualTo(Heads.LINEAR);
        assertThat(old.loss()).isEqualTo(Losses.CE);
        assertThat(old.augment()).isEqualTo(Pipeline.of(new TimeShift(0.25)));
        assertThat(old).isEqualTo(spec);
        json.put("time_shift", 0.0);
        assertThat(Json.read(json.toString(), ClassifierSpec.class).augment()).isEqualTo(Pipeline.NONE);
    }

    @Test
    void headLossAndAugmentationAreChosenByNameAndChecked() {
        ClassifierSpec.Builder b = ClassifierSpec.builder().setBackbone(BACKBONE).setMaskInput(MaskKind.NONE).setTask(Task.MULTILABEL)
                .setLabels(LABELS).setInputSize(128, 128);
        ClassifierSpec spec = b.optHead("linear").optLoss("ce").optAugment(Pipeline.of(new TimeShift(0.4))).build();
        assertThat(spec.loss()).isEqualTo("ce");
        assertThat(spec.timeShift()).isEqualTo(0.4);
        assertThat(Json.read(Json.write(spec), ClassifierSpec.class)).isEqualTo(spec);
        assertThat(spec.build().headName()).isEqualTo("linear");
        assertThatThrownBy(() -> b.optHead("sed").build()).isInstanceOf(EchomaskException.class)
                .hasMessage("classifier spec: unknown head 'sed' (known: linear)");
        b.optHead(null);
        assertThatThrownBy(() -> b.optLoss("focal").build()).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("unknown loss 'focal' (known: bce, ce)");
        b.optLoss(null);
        assertThatThrownBy(() -> b.optTimeShift(0.1).build()).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("time shift 0.1 disagrees with the augmentation pipeline's time_shift step (0.4)");
    }
}
