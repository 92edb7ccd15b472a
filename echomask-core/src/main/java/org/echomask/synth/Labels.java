package org.echomask.synth;

import java.util.List;

/**
 * The three presence labels of the SSLMP-like data, spelt as they appear in manifests, Raven
 * tables and model label sets. Vessel noise and snapping shrimp are confounders, not labels.
 */
public final class Labels {
    public static final String BELUGA_WHISTLE = "beluga_whistle";
    public static final String BELUGA_CLICK = "beluga_click";
    public static final String PORPOISE_CLICK = "porpoise_click";

    /** All presence labels, sorted. */
    public static final List<String> ALL = List.of(BELUGA_CLICK, BELUGA_WHISTLE, PORPOISE_CLICK);

    private Labels() {}
}
