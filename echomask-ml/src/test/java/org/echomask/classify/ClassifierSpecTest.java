package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.echomask.EchomaskException;
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
    void jsonKeepsTheTwelveComponentsOfSavedPackages() {
        ClassifierSpec spec = ClassifierSpec.builder().setBackbone(BACKBONE).setMaskInput(MaskKind.BINARY).setTask(Task.MULTILABEL)
                .setLabels(LABELS).setInputSize(128, 128).optMaskSource("hq").optFusion(FusionKind.GATED).build();
        JsonNode json = Json.mapper().valueToTree(spec);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("backbone", "mask_input", "mask_source", "soft_sigma", "fusion", "task", "labels",
                "latent_dim", "heads", "input_height", "input_width", "time_shift");
        assertThat(json.get("fusion").asText()).isEqualTo("GATED");
        assertThat(Json.read(Json.write(spec), ClassifierSpec.class)).isEqualTo(spec);
    }
}
