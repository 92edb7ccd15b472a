package org.echomask.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.echomask.EchomaskException;

/**
 * The frequency band a label's calls occupy (a blue whale's 10–100 Hz, a porpoise's clicks around
 * 130 kHz), given for the detections of that label that carry no mask extent: an image-only model's,
 * or a window whose mask is empty. Without one such detections span the transform's whole band.
 *
 * @param label one of the models' labels
 * @param lowHz lower edge, Hz, {@code >= 0}
 * @param highHz upper edge, Hz, above {@code lowHz}
 */
public record LabelBand(String label, double lowHz, double highHz) implements java.io.Serializable {

    public LabelBand {
        if (label == null || label.isBlank()) {
            throw new EchomaskException("a label band needs a label");
        }
        if (!(lowHz >= 0) || !(highHz > lowHz) || !Double.isFinite(highHz)) {
            throw new EchomaskException("band of '" + label + "' must have 0 <= low < high (finite), got " + lowHz + " .. "
                    + highHz);
        }
    }

    /** Checks that every band names a known label, once. */
    static void check(List<LabelBand> bands, List<String> labels) {
        Set<String> seen = new HashSet<>();
        for (LabelBand b : bands) {
            if (!labels.contains(b.label())) {
                throw new EchomaskException("band for unknown label '" + b.label() + "'; the models' labels are " + labels);
            }
            if (!seen.add(b.label())) {
                throw new EchomaskException("label '" + b.label() + "' has two bands");
            }
        }
    }

    /** Reads a CSV with columns {@code label,low_hz,high_hz} (header required, other columns ignored). */
    public static List<LabelBand> read(Path csv) {
        List<LabelBand> out = new ArrayList<>();
        LabelCsv.read(csv, List.of("label", "low_hz", "high_hz"), "label bands", r -> out.add(
                new LabelBand(r.get("label"), LabelCsv.number(r, "low_hz"), LabelCsv.number(r, "high_hz"))));
        return out;
    }
}
