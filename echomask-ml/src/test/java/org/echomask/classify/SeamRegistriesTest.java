package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.echomask.mask.MaskKind;
import org.junit.jupiter.api.Test;

/** The name registries of the classifier's seams: fusions, heads (losses: {@code LossesTest}). */
class SeamRegistriesTest {

    @Test
    void everyFusionKindHasAFusionAndNoFusionLacksAKind() {
        assertThat(Fusions.names()).containsExactlyElementsOf(Arrays.stream(FusionKind.values()).map(FusionKind::id).toList());
        assertThat(Fusions.create("concat", 16, 4)).isInstanceOf(ConcatFusion.class);
        assertThat(Fusions.create("gated", 16, 4)).isInstanceOf(GatedFusion.class);
        assertThat(Fusions.create("xattn", 16, 4)).isInstanceOf(CrossAttentionFusion.class);
    }

    @Test
    void fusionKindKeepsItsModelJsonForm() {
        // model.json files store the enum constant; the registry's lowercase names must not leak into it.
        assertThat(Json.write(FusionKind.XATTN)).isEqualTo("\"XATTN\"");
        assertThat(Json.read("\"GATED\"", FusionKind.class)).isEqualTo(FusionKind.GATED);
    }

    @Test
    void unknownNamesAreRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Fusions.create("film", 16, 4)).isInstanceOf(EchomaskException.class)
                .hasMessage("unknown fusion 'film' (known: concat, gated, xattn)");
        assertThatThrownBy(() -> Heads.create("sed", 3)).isInstanceOf(EchomaskException.class)
                .hasMessage("unknown head 'sed' (known: linear)");
        assertThatThrownBy(() -> Fusions.create(null, 16, 4)).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("unknown fusion 'null'");
        // Names are exact: the registry is not where spelling is forgiven (FusionKind.parse is).
        assertThatThrownBy(() -> Fusions.create("XATTN", 16, 4)).isInstanceOf(EchomaskException.class);
    }

    @Test
    void aNameCannotBeRegisteredTwice() {
        Registry<String> r = Registry.<String>of("thing").with("a", "first");
        assertThatThrownBy(() -> r.with("a", "second")).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.with("b", "second").names()).containsExactly("a", "b");
        assertThat(r.names()).containsExactly("a"); // with() leaves the original alone
    }

    @Test
    void theLinearHeadIsTheDefault() {
        assertThat(Heads.names()).containsExactly(Heads.LINEAR);
        assertThat(Heads.create(Heads.LINEAR, 3)).isInstanceOf(LinearHead.class);
        assertThat(new MaskGuidedClassifier(MaskGuidedClassifierTest.tinyBackbone(), MaskKind.NONE, FusionKind.CONCAT, 16, 4,
                3).headName()).isEqualTo(Heads.LINEAR);
    }
}
