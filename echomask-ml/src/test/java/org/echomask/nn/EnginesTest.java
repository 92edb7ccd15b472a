package org.echomask.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EnginesTest {

    @Test
    void pytorchStartsOfflineAndComputes() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(Engines.describe()).startsWith("PyTorch 2.7.1");
        try (NDManager manager = Engines.pytorch().newBaseManager()) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            float[] product = a.matMul(a).toFloatArray();
            assertThat(product).containsExactly(7f, 10f, 15f, 22f);
        }
    }
}
