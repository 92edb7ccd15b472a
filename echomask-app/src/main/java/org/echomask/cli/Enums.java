package org.echomask.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.echomask.spectrogram.Scale;
import org.echomask.spectrogram.WindowType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Case-insensitive option values for the enums users type (hann, db, ...). */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new TypeConversionException("'" + text + "' is not one of " + names(type));
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList().toString();
    }

    static final class WindowConverter implements ITypeConverter<WindowType> {
        @Override
        public WindowType convert(String value) {
            return parse(WindowType.class, value);
        }
    }

    static final class ScaleConverter implements ITypeConverter<Scale> {
        @Override
        public Scale convert(String value) {
            return parse(Scale.class, value);
        }
    }

    static final class WindowNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(WindowType.values()).map(w -> w.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
