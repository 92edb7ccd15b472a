package org.echomask.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.echomask.EchomaskException;
import org.echomask.classify.ClassifierCard;
import org.junit.jupiter.api.Test;

/**
 * The classifier card reader on mutations of a real {@code model.json} (a card written by
 * {@code train}, without the later {@code input} field): byte flips, truncations, values swapped
 * for other types and out-of-range numbers. Each gives a card or an {@link EchomaskException}
 * naming the package; nothing else (NPE, ClassCast, IndexOutOfBounds) may escape. A deterministic
 * precursor of the Jazzer harness.
 */
class CardReaderRobustnessTest {
    private static final Pattern VALUE = Pattern.compile(": (\"[^\"]*\"|-?[0-9.eE+-]+|true|false|null)");
    private static final String[] REPLACEMENTS = {"null", "-1", "0", "1e308", "-1e308", "2147483648", "\"\"", "\"x\"",
        "[]", "{}", "true", "[1,2]", "{\"a\":1}", "\"NaN\"", "1.5", "99999999999999999999"};

    @Test
    void everyMutationGivesACardOrAClearError() throws Exception {
        byte[] card = Files.readAllBytes(Path.of("src/test/resources/model/classifier-card.json"));
        assertThat(ModelPackage.readCard("m.zip", card, ClassifierCard.class, ClassifierCard.KIND).spec()).isNotNull();
        Random random = new Random(13);
        int tried = 0;
        int refused = 0;
        String text = new String(card, StandardCharsets.UTF_8);
        for (int i = 0; i < 1500; i++) {
            byte[] mutated = switch (i % 3) {
                case 0 -> flip(card, random);
                case 1 -> java.util.Arrays.copyOf(card, random.nextInt(card.length));
                default -> replaceValue(text, random).getBytes(StandardCharsets.UTF_8);
            };
            tried++;
            try {
                ModelPackage.readCard("m.zip", mutated, ClassifierCard.class, ClassifierCard.KIND);
            } catch (EchomaskException e) {
                assertThat(e.getMessage()).startsWith("m.zip");
                refused++;
            }
        }
        // Most mutations break the card; a few (a flipped letter in a label) still make one.
        assertThat(refused).isGreaterThan(tried / 2);
    }

    private static byte[] flip(byte[] card, Random random) {
        byte[] c = card.clone();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
            c[random.nextInt(c.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return c;
    }

    /** The card with one of its values (chosen at random) replaced by another type or an extreme. */
    private static String replaceValue(String text, Random random) {
        Matcher m = VALUE.matcher(text);
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        int[] s = spans.get(random.nextInt(spans.size()));
        return text.substring(0, s[0]) + REPLACEMENTS[random.nextInt(REPLACEMENTS.length)] + text.substring(s[1]);
    }
}
