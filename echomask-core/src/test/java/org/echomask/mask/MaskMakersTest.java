package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.echomask.EchomaskException;
import org.junit.jupiter.api.Test;

/** The one factory from mask recipes to makers, and the mask channel every consumer builds from their masks. */
class MaskMakersTest {
    private static final ProposerConfig SOUNDSCAPE = ProposerConfig.preset("soundscape");

    /** A stand-in for the segmenter: counts how often it is opened. */
    private static final class Opened implements Supplier<MaskMaker> {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public MaskMaker get() {
            count.incrementAndGet();
            return new MaskMaker() {
                @Override
                public List<boolean[][]> make(List<float[][]> spectrograms) {
                    return spectrograms.stream().map(s -> new boolean[s.length][s[0].length]).toList();
                }

                @Override
                public String describe() {
                    return "network";
                }
            };
        }
    }

    @Test
    void proposalRecipesMakeTheProposersMasksOnAnyThread() {
        Opened network = new Opened();
        MaskMaker maker = MaskMakers.forRecipe(new MaskRecipe(MaskKind.SOFT, MaskRecipe.PROPOSAL, 2, SOUNDSCAPE), network);
        List<float[][]> scenes = List.of(SyntheticScenes.make(3, 0, 0).values(), SyntheticScenes.make(4, 0, 0).values());

        List<boolean[][]> masks = maker.make(scenes);

        assertThat(maker.concurrent()).isTrue();
        assertThat(maker.describe()).contains("soundscape").contains("3.5");
        assertThat(masks).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Golden.assertSameMask(masks.get(i), MaskProposer.propose(scenes.get(i), SOUNDSCAPE));
            Golden.assertSameMask(maker.make(scenes.get(i)), masks.get(i));
        }
        assertThat(network.count).hasValue(0);
    }

    @Test
    void generatedRecipesOpenTheNetworkOnlyThen() {
        Opened network = new Opened();
        MaskMaker maker = MaskMakers.forRecipe(new MaskRecipe(MaskKind.BINARY, MaskRecipe.GENERATED, 0, null), network);
        assertThat(network.count).hasValue(1);
        assertThat(maker.describe()).isEqualTo("network");
        assertThat(maker.concurrent()).isFalse();
    }

    @Test
    void hqMasksUnknownSourcesAndImageOnlyModelsAreRefused() {
        Opened network = new Opened();
        assertThatThrownBy(() -> MaskMakers.forRecipe(new MaskRecipe(MaskKind.SOFT, MaskRecipe.HQ, 2, null), network))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("hq masks are drawn by people")
                .hasMessageContaining("cannot exist for new recordings");
        assertThatThrownBy(() -> MaskMakers.forRecipe(new MaskRecipe(MaskKind.BINARY, "painted", 0, null), network))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("'painted' masks")
                .hasMessageContaining("proposal and generated");
        assertThatThrownBy(() -> MaskMakers.forRecipe(MaskRecipe.NONE, network))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("image-only");
        assertThat(network.count).hasValue(0);
    }

    @Test
    void theMaskChannelIsTheBinaryMaskOrItsSoftMaskRowMajor() {
        boolean[][] m = new boolean[3][4];
        m[1][2] = true;
        m[2][0] = true;

        float[] binary = MaskChannels.of(m, MaskKind.BINARY, 0);
        float[] soft = MaskChannels.of(m, MaskKind.SOFT, 1.5);

        assertThat(binary).containsExactly(0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0);
        float[][] gaussian = SoftMasks.gaussian(m, 1.5);
        for (int f = 0; f < 3; f++) {
            for (int t = 0; t < 4; t++) {
                assertThat(soft[f * 4 + t]).isEqualTo(gaussian[f][t]);
            }
        }
        assertThat(soft[6]).isEqualTo(1f);
        assertThat(soft[0]).isBetween(0f, 1f).isNotEqualTo(0f);
        assertThatThrownBy(() -> MaskChannels.of(m, MaskKind.NONE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskKindsParseTheirIdsAndNameTheChoicesOtherwise() {
        assertThat(MaskKind.parse("Soft")).isEqualTo(MaskKind.SOFT);
        assertThat(MaskKind.SOFT.id()).isEqualTo("soft");
        assertThatThrownBy(() -> MaskKind.parse("gaussian")).isInstanceOf(EchomaskException.class)
                .hasMessageContaining("'gaussian'").hasMessageContaining("none, binary or soft");
    }
}
