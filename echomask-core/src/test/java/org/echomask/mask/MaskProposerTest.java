package org.echomask.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures the proposer on seeded synthetic scenes (see {@link SyntheticScenes}: 128 x 256 pixels,
 * 4 dB Gaussian noise over a sloping floor, 3-row FM ridge, three 2-column clicks, +12 dB = 3
 * noise deviations per pixel). Presets were tuned on seeds 1-3; these tests use held-out seeds.
 *
 * <p>Mean IoU measured on seeds 101-104 when the bounds were set: default on whistle + clicks
 * 0.88, whistle preset on the whistle 0.90, click preset on the clicks 0.98; the bounds leave
 * roughly 0.05-0.1 of slack for seed variation, and sit far above what a naive config reaches
 * (no smoothing, no clean-up, gate 0: about 0.1), so a broken step makes them fail.
 */
class MaskProposerTest {
    private static final long[] SEEDS = {101, 102, 103, 104};

    private static ProposerEvaluation.Result run(String preset, double whistleDb, double clickDb) {
        return run(ProposerConfig.preset(preset), whistleDb, clickDb);
    }

    private static ProposerEvaluation.Result run(ProposerConfig config, double whistleDb, double clickDb) {
        List<ProposerEvaluation.Case> cases = new ArrayList<>();
        for (long seed : SEEDS) {
            SyntheticScenes.Scene s = SyntheticScenes.make(seed, whistleDb, clickDb);
            cases.add(new ProposerEvaluation.Case("seed" + seed, s.values(), s.truth()));
        }
        return ProposerEvaluation.evaluate(config, cases);
    }

    @Test
    void defaultPresetRecoversWhistleAndClicks() {
        ProposerEvaluation.Result r = run("default", 12, 12);
        System.out.printf("default on whistle+clicks: %s%n", r.mean());
        assertThat(r.mean().iou()).isGreaterThan(0.80);
        assertThat(r.scores()).allSatisfy(s -> assertThat(s.iou()).isGreaterThan(0.70));
        assertThat(r.names()).containsExactly("seed101", "seed102", "seed103", "seed104");
    }

    @Test
    void whistlePresetRecoversTheRidgeAndIgnoresClicks() {
        ProposerEvaluation.Result ridge = run("whistle", 12, 0);
        ProposerEvaluation.Result clicks = run("whistle", 0, 12);
        System.out.printf("whistle preset: ridge %s, clicks %s%n", ridge.mean(), clicks.mean());
        assertThat(ridge.mean().iou()).isGreaterThan(0.82);
        assertThat(clicks.mean().iou()).isLessThan(0.3);
    }

    @Test
    void clickPresetRecoversClicksAndIgnoresTheRidge() {
        ProposerEvaluation.Result clicks = run("click", 0, 12);
        ProposerEvaluation.Result ridge = run("click", 12, 0);
        System.out.printf("click preset: clicks %s, ridge %s%n", clicks.mean(), ridge.mean());
        assertThat(clicks.mean().iou()).isGreaterThan(0.90);
        assertThat(ridge.mean().iou()).isLessThan(0.2);
    }

    @Test
    void naiveConfigIsFarWorseSoTheBoundsMeanSomething() {
        ProposerConfig naive = new ProposerConfig("naive", 50, ProposerConfig.Smoothing.NONE, 0, 0,
                ProposerConfig.EdgeMethod.NONE, 1, 0.5, ProposerConfig.ThresholdMethod.LOCAL_MEAN, 31, 31, 0, 0.2, 16,
                ProposerConfig.Combine.THRESHOLD_ONLY, 1, 1, 1, 1, false, 0, 0);
        ProposerEvaluation.Result r = run(naive, 12, 12);
        System.out.printf("naive on whistle+clicks: %s%n", r.mean());
        assertThat(r.mean().iou()).isLessThan(0.3);
    }

    @Test
    void pureNoiseGivesNearEmptyProposals() {
        for (String preset : ProposerConfig.PRESETS) {
            ProposerEvaluation.Result r = run(preset, 0, 0);
            for (long seed : SEEDS) {
                boolean[][] p = MaskProposer.propose(SyntheticScenes.make(seed, 0, 0).values(), ProposerConfig.preset(preset));
                assertThat(BinaryMasks.coverage(p)).as(preset + " seed " + seed).isLessThan(0.002);
            }
            assertThat(r.mean().precision()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void higherThresholdNeverAddsPixels() {
        float[][] v = SyntheticScenes.make(7, 8, 8).values();
        for (String preset : ProposerConfig.PRESETS) {
            ProposerConfig c = ProposerConfig.preset(preset);
            boolean[][] previous = null;
            long previousCount = Long.MAX_VALUE;
            for (double th = 0.5; th <= 5; th += 0.5) {
                boolean[][] p = new MaskProposer(c.withThreshold(th)).propose(v);
                if (previous != null) {
                    // p must be a subset of the proposal at the lower threshold.
                    assertThat(Masks.count(Masks.and(p, previous))).as(preset + " at " + th).isEqualTo(Masks.count(p));
                }
                assertThat(Masks.count(p)).isLessThanOrEqualTo(previousCount);
                previous = p;
                previousCount = Masks.count(p);
            }
            assertThat(previousCount).as(preset + " at threshold 5").isLessThan(Masks.count(
                    new MaskProposer(c.withThreshold(0.5)).propose(v)));
        }
    }

    @Test
    void dbAndRescaledInputsGiveTheSameProposal() {
        SyntheticScenes.Scene s = SyntheticScenes.make(9, 12, 12);
        float[][] scaled = new float[s.values().length][];
        float[][] linearish = new float[s.values().length][];
        for (int f = 0; f < scaled.length; f++) {
            scaled[f] = new float[s.values()[f].length];
            linearish[f] = new float[scaled[f].length];
            for (int t = 0; t < scaled[f].length; t++) {
                scaled[f][t] = s.values()[f][t] * 4; // power of two: exact in float
                linearish[f][t] = (s.values()[f][t] + 80) / 60f; // "normalised" values around 0..1
            }
        }
        for (String preset : ProposerConfig.PRESETS) {
            ProposerConfig c = ProposerConfig.preset(preset);
            boolean[][] p = MaskProposer.propose(s.values(), c);
            Golden.assertSameMask(MaskProposer.propose(scaled, c), p);
            assertThat(MaskMetrics.iou(MaskProposer.propose(linearish, c), p)).isGreaterThan(0.98);
        }
    }

    @Test
    void otherMethodsRunAndFindTheSignal() {
        ProposerConfig base = ProposerConfig.preset("default");
        for (String json : new String[] {
            "\"threshold_method\" : \"sauvola\"", "\"threshold_method\" : \"otsu\"",
            "\"edges\" : \"canny\", \"combine\" : \"intersection\", \"edge_level\" : 1.0",
            "\"edges\" : \"sobel\", \"combine\" : \"edges_only\", \"edge_level\" : 0.5",
            "\"smoothing\" : \"box\", \"smooth_frequency\" : 1, \"smooth_time\" : 1",
            "\"noise_percentile\" : 20, \"smoothing\" : \"none\""}) {
            ProposerConfig c = withOverrides(base, json);
            ProposerEvaluation.Result r = run(c, 12, 12);
            System.out.printf("%s: %s%n", json, r.mean());
            assertThat(r.mean().iou()).as(json).isGreaterThan(0.3);
        }
    }

    /** The default config with some JSON fields replaced. */
    static ProposerConfig withOverrides(ProposerConfig base, String fields) {
        try {
            var mapper = org.echomask.io.Json.mapper();
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.valueToTree(base);
            node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree("{" + fields + "}"));
            return mapper.treeToValue(node, ProposerConfig.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void rejectsNonFiniteAndEmptyInput() {
        float[][] v = new float[4][4];
        v[2][1] = Float.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> MaskProposer.propose(v, ProposerConfig.preset("default")))
                .hasMessageContaining("[2][1]").hasMessageContaining("not finite");
        assertThatThrownBy(() -> MaskProposer.propose(new float[0][0], ProposerConfig.preset("default")))
                .hasMessageContaining("empty");
        float[][] flat = new float[8][8];
        assertThat(Masks.count(MaskProposer.propose(flat, ProposerConfig.preset("default")))).isZero();
    }

    @Test
    void normaliseRemovesRowFloorsAndScales() {
        float[][] v = {{10, 11, 12, 13, 14}, {-5, -4, -3, -2, -1}};
        float[][] z = MaskProposer.normalise(v, 50);
        assertThat(z[0][2]).isZero();
        assertThat(z[1][2]).isZero();
        assertThat(z[0]).containsExactly(z[1]);
        // Residuals -2..2 in both rows: median |r| = 1, deviation 1.4826.
        assertThat((double) z[0][4]).isCloseTo(2 / 1.4826, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(MaskProposer.percentile(new float[] {0, 10}, 25)).isEqualTo(2.5);
    }
}
