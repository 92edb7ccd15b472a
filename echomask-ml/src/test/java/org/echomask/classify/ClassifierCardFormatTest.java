package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.echomask.io.Json;
import org.echomask.mask.MaskKind;
import org.echomask.mask.MaskRecipe;
import org.echomask.mask.ProposerConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code model.json} of saved packages keeps reading, and is written back byte for byte. The
 * fixture was written by the code before the mask kind moved to core ({@code classify.MaskInput}
 * then): Jackson writes enum constant names, so the move must not change a byte.
 */
class ClassifierCardFormatTest {
    private static final Path FIXTURE = Path.of("src/test/resources/golden/classify/model-soft-proposal.json");

    @Test
    void aCardWrittenBeforeTheMaskKindMovedReadsAndWritesBackTheSameBytes() throws Exception {
        ClassifierCard card = Json.readFile(FIXTURE, ClassifierCard.class);

        assertThat(card.spec().maskKind()).isEqualTo(MaskKind.SOFT);
        assertThat(card.spec().maskSource()).isEqualTo(MaskRecipe.PROPOSAL);
        assertThat(card.input().mask()).isEqualTo(new MaskRecipe(MaskKind.SOFT, MaskRecipe.PROPOSAL, 2,
                ProposerConfig.preset("soundscape")));
        assertThat(Json.write(card) + "\n").isEqualTo(Files.readString(FIXTURE));
    }
}
