package org.echomask.classify;

import java.util.Set;

/**
 * The fusions by name. The names are {@link FusionKind#id()}s, the names of the command line and
 * of experiment configs; {@code model.json} keeps storing the {@link FusionKind} itself, so a new
 * fusion is a class, an entry here and a {@link FusionKind} constant ({@code FusionsTest} checks
 * the two lists agree).
 */
public final class Fusions {
    private static final Registry<Fusion.Factory> REGISTRY = Registry.<Fusion.Factory>of("fusion")
            .with(FusionKind.CONCAT.id(), (dim, heads) -> new ConcatFusion(dim))
            .with(FusionKind.GATED.id(), (dim, heads) -> new GatedFusion(dim))
            .with(FusionKind.XATTN.id(), CrossAttentionFusion::new);

    private Fusions() {}

    /** An untrained fusion of {@code dim}-dimensional tokens; unknown names are refused listing the known ones. */
    public static Fusion create(String name, int dim, int heads) {
        return REGISTRY.get(name).create(dim, heads);
    }

    public static Set<String> names() {
        return REGISTRY.names();
    }
}
