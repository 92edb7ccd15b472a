package org.echomask.io;

import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain words for commons-csv's parse errors. The library wraps them in UncheckedIOException and
 * words them for its own developers ("(startline 3) EOF reached before encapsulated token
 * finished"); a person editing a manifest in a spreadsheet needs the line and what to fix.
 */
public final class CsvErrors {
    private static final Pattern UNCLOSED = Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished");
    private static final Pattern AFTER_QUOTE = Pattern.compile(
            "Invalid character between encapsulated token and delimiter at line: (\\d+), position: (\\d+)");
    private static final Pattern CLASS_PREFIX = Pattern.compile("(?:[a-z]\\w*\\.)+[A-Z]\\w*(?:Exception|Error): ");

    private CsvErrors() {}

    /** What went wrong, without Java class names: the innermost message, reworded where known. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while ((t instanceof UncheckedIOException || t.getMessage() == null) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        Matcher m = UNCLOSED.matcher(message);
        if (m.find()) {
            return "a quote opened on line " + m.group(1) + " is never closed";
        }
        m = AFTER_QUOTE.matcher(message);
        if (m.find()) {
            return "text after a closing quote on line " + m.group(1) + " (near character " + m.group(2)
                    + " of the file); a quoted field must end at a comma";
        }
        return CLASS_PREFIX.matcher(message).replaceAll("");
    }
}
