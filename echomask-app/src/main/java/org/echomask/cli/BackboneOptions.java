package org.echomask.cli;

import org.echomask.EchomaskException;
import org.echomask.nn.BackboneSpec;
import picocli.CommandLine.Option;

/** The encoder flags of every command that builds a network ({@code train}, {@code segment train}, {@code bench-training}). */
final class BackboneOptions {
    @Option(names = "--model", defaultValue = "resnet18", converter = Enums.Architectures.class,
            completionCandidates = Enums.Architectures.class,
            description = "Backbone architecture: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String architecture;

    @Option(names = "--width", converter = Bounds.PositiveReal.class,
            description = "Width multiplier of the backbone (> 0; default: the architecture's CPU-sized default).")
    Double width;

    /** Whether the user asked for something other than {@code architecture} at its default width. */
    boolean differsFrom(String defaultArchitecture) {
        return width != null || !architecture.equals(defaultArchitecture);
    }

    /** The architecture's default spec, with the width overridden when given. */
    BackboneSpec spec() {
        BackboneSpec d = BackboneSpec.defaults(architecture);
        if (width == null) {
            return d;
        }
        try {
            return d.withWidthMultiplier(width);
        } catch (IllegalArgumentException e) {
            throw new EchomaskException("--width: " + e.getMessage(), e);
        }
    }
}
