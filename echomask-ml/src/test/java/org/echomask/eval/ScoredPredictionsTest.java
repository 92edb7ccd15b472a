package org.echomask.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.echomask.classify.ClassifierModel.Prediction;
import org.echomask.metrics.ScoredExamples;
import org.junit.jupiter.api.Test;

class ScoredPredictionsTest {
    private static final List<String> LABELS = List.of("a", "b", "c");

    private static Prediction p(String id, List<String> truth, List<String> predicted, float... probs) {
        return new Prediction(id, truth, predicted, probs, probs);
    }

    @Test
    void argmaxKeepsExactlyOneLabelAndTheModelRuleKeepsTheModelsLabels() {
        List<Prediction> in = List.of(p("x", List.of("b"), List.of(), 0.2f, 0.4f, 0.1f),
                p("y", List.of("a"), List.of("a", "c"), 0.9f, 0.1f, 0.95f));
        assertThat(ScoredPredictions.decide(in, LABELS, Decision.MODEL)).isSameAs(in);
        List<Prediction> arg = ScoredPredictions.decide(in, LABELS, Decision.ARGMAX);
        assertThat(arg.get(0).predicted()).containsExactly("b");
        assertThat(arg.get(1).predicted()).containsExactly("c");
        assertThat(arg.get(1).trueLabels()).containsExactly("a");
        assertThat(Decision.parse("ARGMAX")).isEqualTo(Decision.ARGMAX);
        assertThatThrownBy(() -> Decision.parse("vote")).hasMessageContaining("vote");
    }

    @Test
    void indicatorRowsFollowTheLabelOrder() {
        ScoredExamples s = ScoredPredictions.toScored(LABELS, List.of(p("x", List.of("c", "a"), List.of("b"), 0.5f, 0.6f, 0.7f)));
        assertThat(s.truth()[0]).containsExactly(true, false, true);
        assertThat(s.predicted()[0]).containsExactly(false, true, false);
        assertThat(s.probabilities()[0][1]).isEqualTo(0.6f, org.assertj.core.data.Offset.offset(1e-7));
        assertThatThrownBy(() -> ScoredPredictions.indicator(LABELS, List.of("d"))).hasMessageContaining("'d'");
    }

    @Test
    void clipsAverageTheirWindowsAndDecideOnTheMean() {
        List<Prediction> windows = List.of(
                p("r1-0", List.of("a"), List.of(), 0.8f, 0.0f, 0.3f),
                p("r2-0", List.of(), List.of(), 0.1f, 0.1f, 0.1f),
                p("r1-1", List.of("a", "b"), List.of(), 0.2f, 0.6f, 0.4f));
        List<Prediction> clips = ScoredPredictions.byRecording(windows, List.of("r1", "r2", "r1"), LABELS, Decision.MODEL, 0.34);
        assertThat(clips).extracting(Prediction::id).containsExactly("r1", "r2");
        Prediction r1 = clips.get(0);
        assertThat(r1.labelProbabilities()).containsExactly(new float[] {0.5f, 0.3f, 0.35f}, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(r1.trueLabels()).containsExactly("a", "b");
        assertThat(r1.predicted()).containsExactly("a", "c");
        assertThat(clips.get(1).predicted()).isEmpty();
        List<Prediction> arg = ScoredPredictions.byRecording(windows, List.of("r1", "r2", "r1"), LABELS, Decision.ARGMAX, 0.5);
        assertThat(arg.get(0).predicted()).containsExactly("a");
        assertThatThrownBy(() -> ScoredPredictions.byRecording(windows, List.of("r1"), LABELS, Decision.MODEL, 0.5))
                .hasMessageContaining("3 predictions but 1 recordings");
    }
}
