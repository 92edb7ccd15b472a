package org.echomask.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** Shared helpers for the network tests: initialise, run, inspect. */
final class NetTesting {
    private NetTesting() {}

    static Engine engine() {
        return Engines.pytorch();
    }

    /** Initialises {@code block} for {@code shape} and runs it on seeded normal noise (engine seed 7). */
    static NDArray run(NDManager manager, Block block, Shape shape, boolean training) {
        engine().setRandomSeed(7);
        block.initialize(manager, DataType.FLOAT32, shape);
        NDArray x = manager.randomNormal(shape);
        return block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow();
    }

    static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    static double std(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (float v : values) {
            var += (v - mean) * (v - mean);
        }
        return Math.sqrt(var / values.length);
    }
}
