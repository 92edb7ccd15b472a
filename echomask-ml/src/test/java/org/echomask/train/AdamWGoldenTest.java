package org.echomask.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.echomask.io.Json;
import org.echomask.nn.Engines;
import org.junit.jupiter.api.Test;

/** AdamW and gradient clipping against torch.optim.AdamW (src/test/python/make_adamw_golden.py). */
class AdamWGoldenTest {
    private static final double TOLERANCE = 2e-6;

    @Test
    void followsTorchWithoutClipping() throws IOException {
        JsonNode golden = golden();
        replay(golden, golden.get("runs").get(0));
    }

    @Test
    void followsTorchWithGlobalNormClipping() throws IOException {
        JsonNode golden = golden();
        JsonNode run = golden.get("runs").get(1);
        assertThat(run.get("clip").asDouble()).isEqualTo(1.0);
        replay(golden, run);
    }

    @Test
    void exportedStateContinuesTheSameTrajectory() throws IOException {
        JsonNode golden = golden();
        JsonNode run = golden.get("runs").get(0);
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            List<Pair<String, Parameter>> params = parameters(manager, golden);
            byte[] saved;
            try (AdamW first = optimizer(golden, manager)) {
                for (int step = 0; step < 2; step++) {
                    applyGradients(params, golden, step);
                    first.step(params, lr(golden, step), 1.0);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                first.save(out);
                saved = out.toByteArray();
            }
            try (AdamW second = optimizer(golden, manager)) {
                second.load(new ByteArrayInputStream(saved));
                for (int step = 2; step < 5; step++) {
                    applyGradients(params, golden, step);
                    second.step(params, lr(golden, step), 1.0);
                    assertStep(params, run.get("steps").get(step), step);
                }
                AdamW.ParameterState weightState = second.exportState().get(0);
                assertThat(weightState.name()).isEqualTo("weight");
                assertThat(weightState.step()).isEqualTo(5);
                assertClose(weightState.m().data(), run.get("weight_m"), "m");
                assertClose(weightState.v().data(), run.get("weight_v"), "v");
                assertThat(second.exportState().get(1).step()).isEqualTo(5);
            }
        }
    }

    private static void replay(JsonNode golden, JsonNode run) {
        double clip = run.get("clip").asDouble();
        try (NDManager manager = Engines.pytorch().newBaseManager(); AdamW adamw = optimizer(golden, manager)) {
            List<Pair<String, Parameter>> params = parameters(manager, golden);
            for (int step = 0; step < 5; step++) {
                applyGradients(params, golden, step);
                double scale = GradientClipping.scale(GradientClipping.globalNorm(params), clip);
                adamw.step(params, lr(golden, step), scale);
                assertStep(params, run.get("steps").get(step), step);
                // The fused kernel leaves zeroed gradients for the next backward pass.
                try (NDArray g = params.get(0).getValue().getArray().getGradient()) {
                    assertThat(g.abs().max().getFloat()).isZero();
                }
            }
        }
    }

    private static AdamW optimizer(JsonNode golden, NDManager manager) {
        return new AdamW(golden.get("beta1").asDouble(), golden.get("beta2").asDouble(), golden.get("epsilon").asDouble(),
                golden.get("weight_decay").asDouble(), manager);
    }

    private static List<Pair<String, Parameter>> parameters(NDManager manager, JsonNode golden) {
        return List.of(new Pair<>("weight", parameter(manager, "weight", floats(golden.get("weight0")), new Shape(3, 2))),
                new Pair<>("bias", parameter(manager, "bias", floats(golden.get("bias0")), new Shape(3))));
    }

    private static Parameter parameter(NDManager manager, String name, float[] values, Shape shape) {
        NDArray array = manager.create(values, shape);
        array.setRequiresGradient(true);
        return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optArray(array).build();
    }

    /** Makes each parameter's gradient exactly the golden one: d/dw sum(w * G) = G. */
    private static void applyGradients(List<Pair<String, Parameter>> params, JsonNode golden, int step) {
        NDArray w = params.get(0).getValue().getArray();
        NDArray b = params.get(1).getValue().getArray();
        try (NDManager scope = w.getManager().newSubManager(); GradientCollector collector = Engines.pytorch().newGradientCollector()) {
            NDArray gw = scope.create(floats(golden.get("weight_grads").get(step)), w.getShape());
            NDArray gb = scope.create(floats(golden.get("bias_grads").get(step)), b.getShape());
            NDArray loss = w.mul(gw).sum().add(b.mul(gb).sum());
            loss.attach(scope);
            collector.backward(loss);
        }
    }

    private static void assertStep(List<Pair<String, Parameter>> params, JsonNode expected, int step) {
        assertClose(params.get(0).getValue().getArray().toFloatArray(), expected.get("weight"), "weight after step " + step);
        assertClose(params.get(1).getValue().getArray().toFloatArray(), expected.get("bias"), "bias after step " + step);
    }

    private static void assertClose(float[] actual, JsonNode expected, String what) {
        float[] e = floats(expected);
        assertThat(actual).as(what).hasSize(e.length);
        for (int i = 0; i < e.length; i++) {
            assertThat((double) actual[i]).as("%s [%d]", what, i).isCloseTo(e[i], within(TOLERANCE * Math.max(1, Math.abs(e[i]))));
        }
    }

    private static double lr(JsonNode golden, int step) {
        return golden.get("learning_rates").get(step).asDouble();
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode golden() throws IOException {
        try (InputStream in = AdamWGoldenTest.class.getClassLoader().getResourceAsStream("golden/train/adamw.json")) {
            assertThat(in).as("golden/train/adamw.json").isNotNull();
            return Json.mapper().readTree(in);
        }
    }
}
