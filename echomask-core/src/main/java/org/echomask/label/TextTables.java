package org.echomask.label;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Text plumbing shared by the annotation formats: decoding, tab splitting, numbers. */
final class TextTables {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?\\d*,\\d+");

    private TextTables() {}

    /**
     * The file as text: UTF-8 (BOM dropped), falling back to windows-1252 for files that are not
     * valid UTF-8, as Raven and Audacity on Windows may write them. Any line ending.
     */
    static String readText(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new AnnotationFileException(path, 0, null, "cannot read: " + e, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, Charset.forName("windows-1252"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Lines without terminators (\n, \r\n or \r), so index i is line i + 1 of the file. */
    static List<String> readLines(Path path) {
        return readText(path).lines().toList();
    }

    /**
     * Splits one tab-separated line. A field that starts with a double quote is quoted: it runs to
     * the closing quote, may hold tabs, and {@code ""} inside stands for one quote. Quotes anywhere
     * else are ordinary characters, so free-text notes such as {@code 5" long} survive.
     */
    static List<String> splitTabs(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char c = line.charAt(j);
                    if (c == '"') {
                        if (j + 1 < n && line.charAt(j + 1) == '"') {
                            sb.append('"');
                            j += 2;
                            continue;
                        }
                        closed = true;
                        j++;
                        break;
                    }
                    sb.append(c);
                    j++;
                }
                if (!closed || (j < n && line.charAt(j) != '\t')) {
                    // Not a well-formed quoted field: take it literally up to the next tab.
                    int tab = line.indexOf('\t', i);
                    int end = tab < 0 ? n : tab;
                    fields.add(line.substring(i, end));
                    i = end;
                } else {
                    fields.add(sb.toString());
                    i = j;
                }
            } else {
                int tab = line.indexOf('\t', i);
                int end = tab < 0 ? n : tab;
                fields.add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return fields;
            }
            i++; // skip the tab
            if (i == n) {
                fields.add("");
                return fields;
            }
        }
    }

    /** One field for a tab-separated file: line breaks become spaces; tabs and leading quotes are quoted. */
    static String tabField(String value) {
        String v = value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        if (v.indexOf('\t') >= 0 || v.startsWith("\"")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** Plain decimal, at most 6 decimals, no exponent, no trailing zeros; NaN as an empty cell. */
    static String formatNumber(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (Double.isInfinite(x)) {
            throw new IllegalArgumentException("cannot write an infinite value");
        }
        String s = BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /**
     * A finite decimal number. Only plain decimals (optionally with an exponent) are accepted:
     * Java's own parser would also take "NaN", "Infinity", hex and a trailing "d". With
     * {@code commaDecimal}, a number whose only separator is one comma ("0,25") is read as a
     * decimal comma, the way Audacity's own importer reads label files written in such locales.
     */
    static double parseNumber(String text, boolean commaDecimal, Path path, int line, String column) {
        String t = text.strip();
        if (commaDecimal && COMMA_DECIMAL.matcher(t).matches()) {
            t = t.replace(',', '.');
        }
        if (!DECIMAL.matcher(t).matches()) {
            throw new AnnotationFileException(path, line, column,
                    t.isEmpty() ? "empty value where a number is required" : "not a number: \"" + text + "\"");
        }
        double v = Double.parseDouble(t);
        if (!Double.isFinite(v)) {
            throw new AnnotationFileException(path, line, column, "number out of range: \"" + text + "\"");
        }
        return v;
    }

    /** Column names compare trimmed and case-insensitively. */
    static String key(String column) {
        return column.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
