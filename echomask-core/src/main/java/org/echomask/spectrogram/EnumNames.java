package org.echomask.spectrogram;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.echomask.EchomaskException;

/** Config spelling of the package's enums: lower case in JSON and on the command line, any case read. */
final class EnumNames {
    private EnumNames() {}

    static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        if (text != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(text.trim())) {
                    return e;
                }
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(EnumNames::id).collect(Collectors.joining(", "));
        throw new EchomaskException("unknown " + what + " '" + text + "'; expected one of: " + allowed);
    }
}
