package org.echomask.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 1-based line numbers of CSV records from commons-csv's character positions, so errors can say
 * "line 7" as a text editor counts it (quoted fields may span lines; "\r\n", "\n" and "\r" all end
 * one).
 */
public final class CsvLines {
    private final String text;
    private final int[] starts;

    public CsvLines(String text) {
        this.text = text;
        List<Integer> s = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                s.add(i + 1);
            }
        }
        this.starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The line of a record; its position may point at empty lines the parser skipped before it. */
    public int lineOf(long position) {
        int p = (int) Math.min(position, text.length());
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        int i = Arrays.binarySearch(starts, p);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
