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
 * {@code model.json} of saved packages keeps reading, and is written back with every field it had
 * unchanged. The fixture was written by the code before the mask kind moved to core
 * ({@code classify.MaskInput} then) and before specs recorded head, loss and augmentation: Jackson
 * writes enum constant names, so the move must not change a value; the new fields are added with
 * the defaults that stand for an old package.
 */
class ClassifierCardFormatTest {
    private static final Path FIXTURE = Path.of("src/test/resources/golden/classify/model-soft-proposal.json");

    @Test
    void aCardWrittenBeforeTheMaskKindMovedReadsAndWritesBackItsFieldsUnchanged() throws Exception {
        ClassifierCard card = Json.readFile(FIXTURE, ClassifierCard.class);

        assertThat(card.spec().maskKind()).isEqualTo(MaskKind.SOFT);
        assertThat(card.spec().maskSource()).isEqualTo(MaskRecipe.PROPOSAL);
        assertThat(card.input().mask()).isEqualTo(new MaskRecipe(MaskKind.SOFT, MaskRecipe.PROPOSAL, 2,
                ProposerConfig.preset("soundscape")));
        com.fasterxml.jackson.databind.JsonNode old = Json.mapper().readTree(Files.readString(FIXTURE));
        com.fasterxml.jackson.databind.node.ObjectNode written =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(Json.write(card));
        com.fasterxml.jackson.databind.node.ObjectNode spec = (com.fasterxml.jackson.databind.node.ObjectNode) written.get("spec");
        assertThat(spec.get("head").asText()).isEqualTo("linear");
        assertThat(spec.get("loss").asText()).isEqualTo("bce");
        assertThat(card.spec().augment()).isEqualTo(org.echomask.augment.TimeShift.pipeline(card.spec().timeShift()));
        spec.remove(java.util.List.of("head", "loss", "augment"));
        assertThat(written).isEqualTo(old);
    }
}
