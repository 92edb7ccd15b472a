package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MorphologyTest {

    @ParameterizedTest
    @CsvSource({"3,3", "1,5", "5,1", "3,7"})
    void openAndCloseMatchScipy(int rows, int cols) {
        boolean[][] m = Golden.mask("morph_mask");
        Golden.assertSameMask(Morphology.open(m, rows, cols), Golden.mask("morph_open_" + rows + "x" + cols));
        Golden.assertSameMask(Morphology.close(m, rows, cols), Golden.mask("morph_close_" + rows + "x" + cols));
    }

    @Test
    void fillHolesMatchesScipy() {
        Golden.assertSameMask(Morphology.fillHoles(Golden.mask("fill_mask")), Golden.mask("fill_filled"));
    }

    @Test
    void openingRemovesThinLinesKeepsBlocks() {
        boolean[][] m = Golden.parse(
                "#......",
                "#..###.",
                "#..###.",
                "#..###.",
                "#......");
        boolean[][] expected = Golden.parse(
                ".......",
                "...###.",
                "...###.",
                "...###.",
                ".......");
        Golden.assertSameMask(Morphology.open(m, 3, 3), expected);
        // A vertical element keeps the vertical line (it is 5 tall) and the block.
        Golden.assertSameMask(Morphology.open(m, 3, 1), m);
    }

    @Test
    void closingBridgesGapsAndNeverRemoves() {
        boolean[][] m = Golden.parse(
                "#.#...#",
                ".......");
        boolean[][] expected = Golden.parse(
                "###...#",
                ".......");
        Golden.assertSameMask(Morphology.close(m, 1, 3), expected);
        Golden.assertSameMask(Morphology.close(Golden.parse("#"), 3, 3), Golden.parse("#"));
    }

    @Test
    void erodeAndDilateTreatOutsideAsBackground() {
        boolean[][] full = Golden.parse("###", "###", "###");
        Golden.assertSameMask(Morphology.erode(full, 3, 3), Golden.parse("...", ".#.", "..."));
        Golden.assertSameMask(Morphology.dilate(Golden.parse("...", ".#.", "..."), 1, 3),
                Golden.parse("...", "###", "..."));
    }

    @Test
    void fillsEnclosedHoleOnly() {
        boolean[][] m = Golden.parse(
                "#####..",
                "#...#..",
                "#.#.#..",
                "#####.#",
                "......#");
        boolean[][] expected = Golden.parse(
                "#####..",
                "#####..",
                "#####..",
                "#####.#",
                "......#");
        Golden.assertSameMask(Morphology.fillHoles(m), expected);
        // Background connects by edges only, so a centre walled off by diagonal pixels is a hole.
        boolean[][] diagonal = Golden.parse(
                ".#.",
                "#.#",
                ".#.");
        Golden.assertSameMask(Morphology.fillHoles(diagonal), Golden.parse(".#.", "###", ".#."));
    }

    @Test
    void rejectsEvenElements() {
        assertThatThrownBy(() -> Morphology.open(new boolean[3][3], 2, 3)).hasMessageContaining("odd");
    }
}
