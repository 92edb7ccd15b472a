package org.echomask.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

class CsvErrorsTest {
    private static String parseError(String csv) {
        try (CSVParser p = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT)) {
            p.getRecords();
        } catch (IOException | UncheckedIOException e) {
            return CsvErrors.describe(e);
        }
        throw new AssertionError("parsed: " + csv);
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        assertEquals("a quote opened on line 2 is never closed", parseError("a,b\n\"x,1\n"));
    }

    @Test
    void textAfterAClosingQuoteNamesLineAndCharacter() {
        String message = parseError("a,b\n\"x\"y,1\n");
        assertEquals("text after a closing quote on line 2 (near character 8 of the file); a quoted field must end at a comma", message);
    }

    @Test
    void unknownErrorsLoseTheirClassNames() {
        String message = CsvErrors.describe(new UncheckedIOException(new IOException(
                "org.apache.commons.csv.CSVException: something odd")));
        assertEquals("something odd", message);
        assertFalse(message.contains("org.apache"));
    }
}
