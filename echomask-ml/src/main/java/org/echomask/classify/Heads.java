package org.echomask.classify;

import java.util.Set;

/** The classifier heads by name; {@value #LINEAR} is what every saved package has. */
public final class Heads {
    public static final String LINEAR = "linear";

    private static final Registry<Head.Factory> REGISTRY = Registry.<Head.Factory>of("head")
            .with(LINEAR, LinearHead::new);

    private Heads() {}

    /** An untrained head with {@code outputs} logits; unknown names are refused listing the known ones. */
    public static Head create(String name, int outputs) {
        return REGISTRY.get(name).create(outputs);
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }
}
