package org.echomask.dataset;

import java.util.Locale;
import org.echomask.EchomaskException;

/** The three standard partitions of a dataset. */
public enum Split {
    TRAIN, VAL, TEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses train/val/test (also "validation", "dev" and "eval"), case-insensitively. */
    public static Split parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "train", "training" -> TRAIN;
            case "val", "valid", "validation", "dev" -> VAL;
            case "test", "eval", "evaluation" -> TEST;
            default -> throw new EchomaskException("unknown split '" + text + "' (expected train, val or test)");
        };
    }
}
