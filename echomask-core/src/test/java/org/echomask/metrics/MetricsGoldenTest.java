package org.echomask.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.echomask.io.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluator and RankingMetrics against scikit-learn 1.2 on the seeded cases written by
 * src/test/python/make_metrics_fixtures.py (ties in scores, labels without positives or without
 * negatives, a one-label-per-row multiclass case, a sparse 10-label case).
 */
class MetricsGoldenTest {
    private static final double TOL = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"multilabel_ties", "missing_positives", "multiclass", "sparse10"})
    void matchesScikitLearn(String name) {
        JsonNode doc = fixture(name);
        JsonNode x = doc.get("expected");
        List<String> labels = strings(doc.get("labels"));
        ScoredExamples examples = new ScoredExamples(labels, strings(doc.get("ids")), booleans(doc.get("truth")),
                doubles(doc.get("probabilities")), booleans(doc.get("predicted")));
        Evaluation e = Evaluator.evaluate(name, examples,
                new EvaluationConfig(EvaluationTask.parse(doc.get("task").asText()), 10, 5));

        assertThat(e.n()).isEqualTo(doc.get("truth").size()); // the fixture's example count
        assertThat(e.task()).isEqualTo(doc.get("task").asText());
        assertThat(e.jointAccuracy()).isCloseTo(x.get("joint_accuracy").asDouble(), within(TOL));
        assertThat(e.macroF1()).isCloseTo(x.get("macro_f1").asDouble(), within(TOL));
        assertThat(e.microF1()).isCloseTo(x.get("micro_f1").asDouble(), within(TOL));
        assertThat(e.macroPrecision()).isCloseTo(x.get("macro_precision").asDouble(), within(TOL));
        assertThat(e.macroRecall()).isCloseTo(x.get("macro_recall").asDouble(), within(TOL));
        assertThat(e.hammingLoss()).isCloseTo(x.get("hamming_loss").asDouble(), within(TOL));
        assertThat(e.rocAucMacro()).isCloseTo(x.get("roc_auc_macro").asDouble(), within(TOL));
        assertThat(e.averagePrecisionMacro()).isCloseTo(x.get("average_precision_macro").asDouble(), within(TOL));
        if (x.has("roc_auc_macro_sklearn")) {
            assertThat(e.rocAucMacro()).isCloseTo(x.get("roc_auc_macro_sklearn").asDouble(), within(TOL));
        }
        if (x.has("average_precision_macro_sklearn")) {
            assertThat(e.averagePrecisionMacro())
                    .isCloseTo(x.get("average_precision_macro_sklearn").asDouble(), within(TOL));
        }

        boolean[][] truth = examples.truth();
        double[][] probabilities = examples.probabilities();
        for (int k = 0; k < labels.size(); k++) {
            ClassMetrics c = e.perClass().get(labels.get(k));
            String what = name + " " + labels.get(k);
            assertThat(c.precision()).as(what).isCloseTo(x.get("precision").get(k).asDouble(), within(TOL));
            assertThat(c.recall()).as(what).isCloseTo(x.get("recall").get(k).asDouble(), within(TOL));
            assertThat(c.f1()).as(what).isCloseTo(x.get("f1").get(k).asDouble(), within(TOL));
            assertThat(c.support()).as(what).isEqualTo(x.get("support").get(k).asInt());
            assertThat(c.predicted()).as(what).isEqualTo(x.get("predicted").get(k).asInt());
            JsonNode mcm = x.get("multilabel_confusion").get(k); // [[tn, fp], [fn, tp]]
            assertThat(c.support()).as(what).isEqualTo(mcm.get(1).get(0).asInt() + mcm.get(1).get(1).asInt());
            assertThat(c.predicted()).as(what).isEqualTo(mcm.get(0).get(1).asInt() + mcm.get(1).get(1).asInt());
            assertDefinedOrNaN(c.rocAuc(), x.get("roc_auc").get(k), what + " roc_auc");
            assertDefinedOrNaN(c.averagePrecision(), x.get("average_precision").get(k), what + " average_precision");
            // the pure functions alone give the same
            boolean[] column = new boolean[examples.size()];
            double[] scores = new double[examples.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = truth[i][k];
                scores[i] = probabilities[i][k];
            }
            assertDefinedOrNaN(RankingMetrics.rocAuc(column, scores), x.get("roc_auc").get(k), what);
            assertDefinedOrNaN(RankingMetrics.averagePrecision(column, scores), x.get("average_precision").get(k), what);
        }

        JsonNode confusion = x.get("confusion");
        assertThat(e.confusion().combinations()).isEqualTo(strings(confusion.get("combinations")));
        assertThat(e.confusion().counts()).isDeepEqualTo(ints(confusion.get("counts")));

        JsonNode polyphony = x.get("polyphony");
        assertThat(e.polyphony()).hasSize(polyphony.size());
        for (int i = 0; i < polyphony.size(); i++) {
            JsonNode p = polyphony.get(i);
            PolyphonyMetrics m = e.polyphony().get(i);
            assertThat(m.level()).isEqualTo(p.get("level").asInt());
            assertThat(m.n()).isEqualTo(p.get("n").asInt());
            assertThat(m.jointAccuracy()).isCloseTo(p.get("joint_accuracy").asDouble(), within(TOL));
            assertThat(m.macroF1()).isCloseTo(p.get("macro_f1").asDouble(), within(TOL));
        }
    }

    private static void assertDefinedOrNaN(double actual, JsonNode expected, String what) {
        if (expected.isNull()) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected.asDouble(), within(TOL));
        }
    }

    private static JsonNode fixture(String name) {
        String resource = "metrics/" + name + ".json";
        try (InputStream in = MetricsGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static boolean[][] booleans(JsonNode rows) {
        return Arrays.stream(ints(rows)).map(MetricsGoldenTest::nonZero).toArray(boolean[][]::new);
    }

    private static boolean[] nonZero(int[] row) {
        boolean[] out = new boolean[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j] != 0;
        }
        return out;
    }

    private static double[][] doubles(JsonNode rows) {
        return Json.mapper().convertValue(rows, double[][].class);
    }

    private static int[][] ints(JsonNode rows) {
        return Json.mapper().convertValue(rows, int[][].class);
    }
}
