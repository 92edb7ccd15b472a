package org.echomask.spectrogram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** dB, mel filter banks (HTK and Slaney), PCEN and resize against numpy re-implementations of librosa. */
class ScalingGoldenTest {
    private static final JsonNode CASES = Golden.cases();
    private static final int RATE = CASES.get("rate").asInt();

    @Test
    void dbMatchesPowerToDbWithFloorAndTopDb() {
        JsonNode c = CASES.get("db");
        for (String key : new String[] {"file", "file_no_top"}) {
            float[][] p = Golden.matrix(c.get("stft_file").asText());
            Double top = key.equals("file") ? c.get("top_db").asDouble() : null;
            Decibels.toDbInPlace(p, c.get("amin").asDouble(), top);
            // dB values straddle 0, so an absolute floor of 1e-4 dB is where relative error stops meaning much.
            Golden.assertClose(p, Golden.matrix(c.get(key).asText()), 1e-4, 1e-4);
        }
    }

    @Test
    void fastLogAgreesWithMathLog10AcrossTheFloatRange() {
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            float p = (float) Math.pow(10, r.nextDouble() * 76 - 38);
            assertThat((double) Decibels.db(p)).isCloseTo(10 * Math.log10(p), org.assertj.core.data.Offset.offset(2e-5));
        }
        assertThat(Decibels.db(1f)).isEqualTo(0f);
        assertThat(Decibels.db(0f)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Decibels.db(1e-44f)).isCloseTo((float) (10 * Math.log10(1e-44f)), org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void blockDbAgreesWithMathLog10AndKeepsFloorAndNaN() {
        Random r = new Random(12);
        float[] v = new float[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.pow(10, r.nextDouble() * 70 - 35);
        }
        v[1] = 0;
        v[2] = Float.NaN;
        v[3] = Float.POSITIVE_INFINITY;
        float[] expected = v.clone();
        Decibels.toDbInPlace(v, v.length, 1e-30);
        for (int i = 0; i < v.length; i++) {
            double e = 10 * Math.log10(Math.max(expected[i], (float) 1e-30));
            if (i == 2 || i == 3) {
                assertThat(v[i]).isNaN();
            } else {
                assertThat((double) v[i]).as("value %d", i).isCloseTo(e, org.assertj.core.data.Offset.offset(2e-5 + 3e-7 * Math.abs(e)));
            }
        }
    }

    @Test
    void melWeightsMatchLibrosaForBothFormulas() {
        for (JsonNode c : CASES.get("mel")) {
            MelScale scale = c.get("htk").asBoolean() ? MelScale.HTK : MelScale.SLANEY;
            MelFilterBank bank = MelFilterBank.create(RATE, c.get("n_fft").asInt(), c.get("n_mels").asInt(),
                    c.get("fmin").asDouble(), c.get("fmax").asDouble(), scale);
            float[][] expected = Golden.matrix(c.get("weights").asText());
            Golden.assertClose(bank.weights(), expected, 1e-4, 1e-6 * Golden.max(expected));
            Golden.assertClose(bank.centresHz(), Golden.vector(c.get("centres").asText()), 1e-6, 1e-6);
        }
    }

    @Test
    void melSpectrogramThroughTheTransformMatchesWeightsTimesPower() {
        for (JsonNode c : CASES.get("mel")) {
            MelScale scale = c.get("htk").asBoolean() ? MelScale.HTK : MelScale.SLANEY;
            Spectrogram s = SpectrogramRenderer.energy(melTransform(c, scale), Golden.signal(), RATE);
            float[][] expected = Golden.matrix(c.get("power").asText());
            Golden.assertClose(s.values(), expected, 1e-4, 1e-7 * Golden.max(expected));
            Golden.assertClose(s.frequenciesHz(), Golden.vector(c.get("centres").asText()), 1e-6, 1e-6);
        }
    }

    @Test
    void melScalesRoundTripAndAgreeOnKnownPoints() {
        assertThat(MelFilterBank.hzToMel(1000, MelScale.SLANEY)).isCloseTo(15.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(MelFilterBank.hzToMel(700, MelScale.HTK)).isCloseTo(2595 * Math.log10(2), org.assertj.core.data.Offset.offset(1e-9));
        for (MelScale s : MelScale.values()) {
            for (double hz : new double[] {0, 10, 999, 1000, 1001, 8000, 150_000}) {
                assertThat(MelFilterBank.melToHz(MelFilterBank.hzToMel(hz, s), s)).isCloseTo(hz, org.assertj.core.data.Offset.offset(1e-6 * (1 + hz)));
            }
        }
    }

    @Test
    void pcenMatchesLibrosaFormula() {
        for (JsonNode c : CASES.get("pcen")) {
            float[][] e = Golden.matrix(c.get("input").asText());
            PcenConfig cfg = new PcenConfig(c.get("time_constant").asDouble(), c.get("gain").asDouble(),
                    c.get("bias").asDouble(), c.get("power").asDouble(), c.get("eps").asDouble());
            Pcen.applyInPlace(e, cfg, RATE / (double) c.get("hop").asInt());
            float[][] expected = Golden.matrix(c.get("file").asText());
            Golden.assertClose(e, expected, 1e-4, 1e-6 * Golden.max(expected));
        }
    }

    @Test
    void pcenRunsInTheFullPipelineInsteadOfScaling() {
        JsonNode mel = CASES.get("mel").get(1);
        assertThat(mel.get("htk").asBoolean()).isFalse();
        SpectrogramTransform t = SpectrogramTransform.builder(melTransform(mel, MelScale.SLANEY))
                .pcen(PcenConfig.defaults()).build();
        Spectrogram s = t.apply(Golden.signal(), RATE);
        float[][] expected = Golden.matrix(CASES.get("pcen_unscaled").get("file").asText());
        Golden.assertClose(s.values(), expected, 1e-4, 1e-6 * Golden.max(expected));
    }

    @Test
    void pcenSmoothingCoefficientSolvesLibrosasEquation() {
        for (double t : new double[] {0.5, 3, 25, 1000}) {
            double s = Pcen.smoothingCoefficient(t);
            // librosa's b = (√(1 + 4t²) − 1) / (2t²) is the positive root of t²b² + b − 1 = 0.
            assertThat(s * s * t * t + s - 1).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void areaResizeMatchesOverlapMatrices() {
        for (JsonNode c : CASES.get("resize")) {
            float[][] in = Golden.matrix(c.get("input").asText());
            float[][] out = Resize.area(in, c.get("rows").asInt(), c.get("cols").asInt());
            Golden.assertClose(out, Golden.matrix(c.get("output").asText()), 1e-5, 1e-6);
        }
    }

    static SpectrogramTransform melTransform(JsonNode c, MelScale scale) {
        return SpectrogramTransform.builder(SpectrogramTransform.ORIGIN).name("mel").sampleRate(RATE)
                .nFft(c.get("n_fft").asInt()).hop(c.get("hop").asInt()).fminHz(c.get("fmin").asDouble())
                .fmaxHz(c.get("fmax").asDouble()).melBands(c.get("n_mels").asInt()).melScale(scale)
                .outputSize(0, 0).normalisation(Normalisation.NONE).build();
    }
}
