package org.echomask.classify;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.echomask.io.Json;
import org.echomask.mask.MaskKind;
import org.echomask.nn.Engines;
import org.echomask.train.Weights;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Saved classifier packages must keep loading into new code with identical outputs. The golden
 * file was written by the code before the fusion/head/loss seams: per variant, the parameter names
 * and shapes, the SHA-256 of the saved parameter bytes (the {@code weights.params} format) and the
 * logits of a fixed input, with every parameter filled from a seed of its own name. Equal bytes
 * mean an old file is read by the same structure; equal logits mean it computes the same.
 *
 * <p>The cross-attention fusion changed layout since (version 2: its attention is
 * {@code nn.MultiHeadAttention}): its golden entry {@code soft-xattn-v2} is the new layout's, and
 * {@code xattn-v1.params}, the weights file the old code wrote for {@code soft-xattn} (its hash is
 * that entry's), must load into the new network and give the old logits to float rounding.
 *
 * <p>Rewrite (only when a format change is intended): {@code -Dechomask.golden.write=true}.
 */
class ClassifierCompatibilityTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/classify/compat.json");

    record Variant(List<String> parameters, String weightsSha256, float[] logits) {}

    @ParameterizedTest
    @CsvSource({"none,concat", "binary,concat", "soft,gated", "soft,xattn"})
    void parametersWeightFileAndOutputsAreThoseOfSavedPackages(String mask, String fusion) throws Exception {
        String key = mask + "-" + fusion + (fusion.equals("xattn") ? "-v2" : "");
        MaskKind input = MaskKind.parse(mask);
        MaskGuidedClassifier model = new MaskGuidedClassifier(MaskGuidedClassifierTest.tinyBackbone(), input,
                FusionKind.parse(fusion), 16, 4, 3);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Shape img = new Shape(2, 1, 32, 48);
            model.initialize(m, DataType.FLOAT32, input.used() ? new Shape[] {img, img} : new Shape[] {img});
            List<String> parameters = new ArrayList<>();
            for (Pair<String, Parameter> p : model.getParameters()) {
                NDArray a = p.getValue().getArray();
                parameters.add(p.getKey() + " " + a.getShape());
                a.set(fill(p.getKey(), a.size(), p.getValue().getType() == Parameter.Type.RUNNING_VAR));
            }
            byte[] weights = Weights.save(model);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
            NDList in = new NDList(m.create(fill("spectrogram", img.size(), false), img));
            if (input.used()) {
                in.add(m.create(fill("mask", img.size(), true), img));
            }
            float[] logits = model.forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            Variant actual = new Variant(parameters, sha, logits);

            if (Boolean.getBoolean("echomask.golden.write")) {
                Map<String, Variant> all = Files.exists(GOLDEN) ? read() : new LinkedHashMap<>();
                all.put(key, actual);
                Json.writeFile(GOLDEN, all);
                return;
            }
            Variant golden = read().get(key);
            assertThat(golden).as("golden variant " + key).isNotNull();
            assertThat(actual.parameters()).containsExactlyElementsOf(golden.parameters());
            assertThat(actual.weightsSha256()).isEqualTo(golden.weightsSha256());
            assertThat(actual.logits()).containsExactly(golden.logits());

            // And an old file loads into a fresh network of the new code to the same outputs.
            MaskGuidedClassifier fresh = new MaskGuidedClassifier(MaskGuidedClassifierTest.tinyBackbone(), input,
                    FusionKind.parse(fusion), 16, 4, 3);
            fresh.initialize(m, DataType.FLOAT32, input.used() ? new Shape[] {img, img} : new Shape[] {img});
            Weights.load(fresh, weights, m, "golden " + key);
            assertThat(fresh.forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray())
                    .containsExactly(golden.logits());
        }
    }

    @org.junit.jupiter.api.Test
    void crossAttentionPackagesOfTheFirstLayoutLoadAndComputeTheSame() throws Exception {
        byte[] v1 = Files.readAllBytes(GOLDEN.resolveSibling("xattn-v1.params"));
        Variant golden = read().get("soft-xattn");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v1)))
                .as("the committed file is the one the first layout wrote").isEqualTo(golden.weightsSha256());
        MaskGuidedClassifier model = new MaskGuidedClassifier(MaskGuidedClassifierTest.tinyBackbone(), MaskKind.SOFT,
                FusionKind.XATTN, 16, 4, 3);
        try (NDManager m = Engines.pytorch().newBaseManager()) {
            Shape img = new Shape(2, 1, 32, 48);
            model.initialize(m, DataType.FLOAT32, img, img);
            Weights.load(model, v1, m, "xattn-v1.params");
            NDList in = new NDList(m.create(fill("spectrogram", img.size(), false), img),
                    m.create(fill("mask", img.size(), true), img));
            float[] logits = model.forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            assertThat(logits).containsExactly(golden.logits(), org.assertj.core.data.Offset.offset(1e-5f));
            // Saved again, it is the new layout, and reloads to exactly the same outputs.
            byte[] v2 = Weights.save(model);
            MaskGuidedClassifier fresh = new MaskGuidedClassifier(MaskGuidedClassifierTest.tinyBackbone(), MaskKind.SOFT,
                    FusionKind.XATTN, 16, 4, 3);
            fresh.initialize(m, DataType.FLOAT32, img, img);
            Weights.load(fresh, v2, m, "re-saved");
            assertThat(fresh.forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray())
                    .containsExactly(logits);
        }
    }

    /** Deterministic values for a named array: N(0, 0.2), or positive for variances and masks. */
    private static float[] fill(String name, long size, boolean positive) {
        Random random = new Random(name.hashCode());
        float[] v = new float[Math.toIntExact(size)];
        for (int i = 0; i < v.length; i++) {
            double g = 0.2 * random.nextGaussian();
            v[i] = (float) (positive ? Math.min(1, Math.abs(g) + 0.1) : g);
        }
        return v;
    }

    private static Map<String, Variant> read() throws Exception {
        return Json.mapper().readValue(GOLDEN.toFile(), new TypeReference<LinkedHashMap<String, Variant>>() {});
    }
}
