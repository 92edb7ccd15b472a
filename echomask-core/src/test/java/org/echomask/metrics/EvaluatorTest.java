package org.echomask.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.echomask.EchomaskException;
import org.echomask.io.Json;
import org.echomask.label.LabelSet;
import org.echomask.label.PowerSet;
import org.junit.jupiter.api.Test;

/** The parts sklearn has no reference for, on a case small enough to score by hand. */
class EvaluatorTest {
    private static final List<String> ABC = List.of("a", "b", "c");
    /** b by score: 0.7 positive (precision 1), 0.6 negative, 0.4 positive (precision 2/3); each adds recall 1/2. */
    private static final double B_AP = 0.5 * 1 + 0.5 * (2.0 / 3);

    /**
     * Six examples over a, b, c (true -> predicted): a->a, a->a+b, a+b->a+b, none->none, none->c, b->none.
     * Per class: a tp 3 (F1 1, AUC 1); b tp 1 fp 1 fn 1 (F1 0.5, AUC 7/8: its 0.4 ranks below the 0.6 negative); c fp 1 and no positives (F1 0, AUC/AP NaN).
     */
    static ScoredExamples handMade() {
        boolean[][] truth = rows("a", "a", "ab", "", "", "b");
        boolean[][] predicted = rows("a", "ab", "ab", "", "c", "");
        double[][] p = {{0.9, 0.2, 0.1}, {0.8, 0.6, 0.1}, {0.7, 0.7, 0.2}, {0.1, 0.1, 0.3}, {0.2, 0.3, 0.6},
            {0.3, 0.4, 0.1}};
        return new ScoredExamples(ABC, List.of("e1", "e2", "e3", "e4", "e5", "e6"), truth, p, predicted);
    }

    @Test
    void handMadeScores() {
        Evaluation e = Evaluator.evaluate("hand", handMade(), new EvaluationConfig(EvaluationTask.MULTILABEL, 3, 2));
        assertThat(e.n()).isEqualTo(6);
        assertThat(e.task()).isEqualTo("multilabel");
        assertThat(e.jointAccuracy()).isEqualTo(0.5);
        assertThat(e.hammingLoss()).isEqualTo(3 / 18.0);
        assertThat(e.microF1()).isEqualTo(8 / 11.0);
        assertThat(e.macroF1()).isEqualTo((1 + 0.5 + 0) / 3);
        assertThat(e.macroF1Present()).as("c has no support").isEqualTo((1 + 0.5) / 2);
        assertThat(e.perClass().keySet()).containsExactly("a", "b", "c");
        assertThat(e.perClass().get("b")).isEqualTo(new ClassMetrics(0.5, 0.5, 0.5, 2, 2, 7 / 8.0, B_AP));
        ClassMetrics c = e.perClass().get("c");
        assertThat(c.f1()).isZero();
        assertThat(c.support()).isZero();
        assertThat(c.predicted()).isEqualTo(1);
        assertThat(c.rocAuc()).isNaN();
        assertThat(c.averagePrecision()).isNaN();
        // macro ranking scores skip c, where they are undefined
        assertThat(e.rocAucMacro()).isEqualTo((1 + 7 / 8.0) / 2);
        assertThat(e.averagePrecisionMacro()).isEqualTo((1 + B_AP) / 2);

        Evaluation multiclass = Evaluator.evaluate("hand", handMade(), new EvaluationConfig(EvaluationTask.MULTICLASS, 3, 2));
        assertThat(multiclass.hammingLoss()).isEqualTo(0.5);
        assertThat(multiclass.macroF1()).isEqualTo(e.macroF1());
    }

    @Test
    void confusionOverAllCombinationsForFewLabels() {
        ConfusionMatrix m = Evaluator.evaluate("hand", handMade(), new EvaluationConfig(EvaluationTask.MULTILABEL, 3, 2))
                .confusion();
        assertThat(m.combinations()).isEqualTo(new PowerSet(LabelSet.of(ABC)).names())
                .containsExactly("none", "a", "b", "a+b", "c", "a+c", "b+c", "a+b+c");
        int[][] expected = new int[8][8];
        expected[1][1] = 1; // a -> a
        expected[1][3] = 1; // a -> a+b
        expected[3][3] = 1; // a+b -> a+b
        expected[0][0] = 1; // none -> none
        expected[0][4] = 1; // none -> c
        expected[2][0] = 1; // b -> none
        assertThat(m.counts()).isDeepEqualTo(expected);
        assertThat(m.count("none", "c")).isEqualTo(1);
        assertThat(m.count("c", "none")).isZero();
    }

    @Test
    void confusionOfManyLabelsListsOnlyOccurringCombinations() {
        List<String> labels = List.of("l0", "l1", "l2", "l3", "l4");
        boolean[][] truth = {row(5, 0), row(5, 0), row(5, 1, 2), row(5), row(5, 1)};
        boolean[][] predicted = {row(5, 0), row(5, 0), row(5, 1), row(5, 4), row(5, 1)};
        ConfusionMatrix m = ConfusionMatrix.of(labels, truth, predicted);
        // by frequency in truth (l0 twice), then by name; l4 only predicted, so last
        assertThat(m.combinations()).containsExactly("l0", "l1", "l1+l2", "none", "l4");
        assertThat(m.counts()).isDeepEqualTo(new int[][] {
            {2, 0, 0, 0, 0},
            {0, 1, 0, 0, 0},
            {0, 1, 0, 0, 0},
            {0, 0, 0, 0, 1},
            {0, 0, 0, 0, 0}});
    }

    @Test
    void frequencyGroupsByGivenCountsOrBySupport() {
        EvaluationConfig config = new EvaluationConfig(EvaluationTask.MULTILABEL, 2, 1);
        // test support a 3, b 2, c 0: a and b frequent, nothing common, c rare
        Evaluation bySupport = Evaluator.evaluate("hand", handMade(), config);
        assertThat(bySupport.frequencyGroups().keySet()).containsExactly("frequent", "common", "rare");
        assertThat(bySupport.frequencyGroups().get("frequent"))
                .isEqualTo(new GroupMetrics(List.of("a", "b"), 0.75, 0.75, 0.75));
        GroupMetrics common = bySupport.frequencyGroups().get("common");
        assertThat(common.labels()).isEmpty();
        assertThat(common.macroF1()).isNaN();
        assertThat(bySupport.frequencyGroups().get("rare")).isEqualTo(new GroupMetrics(List.of("c"), 0, 0, 0));

        // training counts reverse the picture: a rare, b and c frequent
        Evaluation byTrain = Evaluator.evaluate("hand", handMade(), config, Map.of("a", 0, "b", 10, "c", 1));
        assertThat(byTrain.frequencyGroups().get("frequent").labels()).containsExactly("b");
        assertThat(byTrain.frequencyGroups().get("common").labels()).containsExactly("c");
        assertThat(byTrain.frequencyGroups().get("rare")).isEqualTo(new GroupMetrics(List.of("a"), 1, 1, 1));
    }

    @Test
    void classCountsMustMatchTheLabels() {
        EvaluationConfig config = new EvaluationConfig(EvaluationTask.MULTILABEL, 2, 1);
        assertThatThrownBy(() -> Evaluator.evaluate("x", handMade(), config, Map.of("a", 1, "b", 1)))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("class counts lack label \"c\"");
        assertThatThrownBy(() -> Evaluator.evaluate("x", handMade(), config, Map.of("a", 1, "b", 1, "c", 1, "d", 1)))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("\"d\", which is not one of the labels");
        assertThatThrownBy(() -> Evaluator.evaluate("x", handMade(), config, Map.of("a", 1, "b", -1, "c", 1)))
                .isInstanceOf(EchomaskException.class).hasMessageContaining("class count of \"b\" must be a number >= 0");
    }

    @Test
    void polyphonyLevels() {
        List<PolyphonyMetrics> p = Evaluator.evaluate("hand", handMade(),
                new EvaluationConfig(EvaluationTask.MULTILABEL, 3, 2)).polyphony();
        assertThat(p).containsExactly(
                new PolyphonyMetrics(0, 2, 0.5, 0), // none->none right, none->c wrong; nothing true: F1 0
                new PolyphonyMetrics(1, 3, 1 / 3.0, 1 / 3.0), // a->a right; a: F1 1, b: fp+fn, c: 0
                new PolyphonyMetrics(2, 1, 1, 2 / 3.0)); // a+b->a+b right; a, b F1 1, c 0
    }

    @Test
    void jsonRoundTripKeepsNaNAsNull() {
        Evaluation e = Evaluator.evaluate("hand", handMade(), new EvaluationConfig(EvaluationTask.MULTILABEL, 2, 1));
        String json = Json.write(e);
        assertThat(json).contains("\"joint_accuracy\"", "\"macro_f1\"", "\"micro_f1\"", "\"macro_precision\"",
                "\"macro_recall\"", "\"hamming_loss\"", "\"roc_auc_macro\"", "\"average_precision_macro\"",
                "\"per_class\"", "\"frequency_groups\"", "\"polyphony\"", "\"confusion\"", "\"average_precision\" : null",
                "\"roc_auc\" : null", "\"macro_f1\" : null").doesNotContain("NaN");
        Evaluation back = Json.read(json, Evaluation.class);
        assertThat(back).isEqualTo(e);
        assertThat(back.perClass().get("c").rocAuc()).isNaN();
        assertThat(back.perClass().keySet()).containsExactly("a", "b", "c");
        assertThat(Json.write(back)).isEqualTo(json);
    }

    @Test
    void withNameChangesOnlyTheName() {
        Evaluation e = Evaluator.evaluate("hand", handMade(), new EvaluationConfig(EvaluationTask.MULTILABEL, 3, 2));
        Evaluation renamed = e.withName("baseline");
        assertThat(renamed.name()).isEqualTo("baseline");
        assertThat(renamed.withName("hand")).isEqualTo(e);
    }

    /** Rows from strings of the label initials, e.g. "ab" = labels a and b. */
    static boolean[][] rows(String... rows) {
        boolean[][] out = new boolean[rows.length][3];
        for (int i = 0; i < rows.length; i++) {
            for (char ch : rows[i].toCharArray()) {
                out[i][ch - 'a'] = true;
            }
        }
        return out;
    }

    static boolean[] row(int k, int... on) {
        boolean[] r = new boolean[k];
        for (int j : on) {
            r[j] = true;
        }
        return r;
    }
}
