package org.echomask.nn;

import ai.djl.engine.Engine;
import org.echomask.EchomaskException;

/**
 * Access to the deep-learning engine. Echomask runs DJL's PyTorch engine offline: the natives come
 * from the pytorch-native-cpu jar on the class path, and nothing may be downloaded at run time.
 */
public final class Engines {
    private Engines() {}

    /** The PyTorch engine, with offline mode enforced; a clear error if it cannot start. */
    public static Engine pytorch() {
        if (!"true".equals(System.getProperty("ai.djl.offline"))) {
            // Set before the engine first loads: DJL reads it when it resolves natives.
            System.setProperty("ai.djl.offline", "true");
        }
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new EchomaskException("cannot start the PyTorch engine offline (is pytorch-native-cpu on the class path?): "
                    + e.getMessage(), e);
        }
    }

    /** One line naming the engine, its version and the CPU threads it uses (for provenance and logs). */
    public static String describe() {
        Engine e = pytorch();
        return e.getEngineName() + " " + e.getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }
}
