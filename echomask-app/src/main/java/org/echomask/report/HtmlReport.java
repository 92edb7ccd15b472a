package org.echomask.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.echomask.io.AtomicFiles;

/**
 * Builds one self-contained HTML page: CSS inline, images as base64 data URIs, no reference to
 * anything outside the file, so a report can be mailed, archived or opened offline as is. A
 * Content-Security-Policy in the page itself blocks any fetch should something slip through.
 *
 * <p>Fluent and append-only. Every text given to it (titles, cells, captions, notes) is escaped:
 * a class label named {@code <script>} shows as text, it never becomes markup. The page carries no
 * clock of its own; the caller passes a "generated at" line through {@link #note}, which keeps the
 * output a pure function of the calls (testable, diffable).
 */
public final class HtmlReport {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Cells that read as a number, a percentage or the missing-value dash are right-aligned. */
    private static final Pattern NUMERIC =
            Pattern.compile("[+\\-\u2212]?\\d[\\d,]*(\\.\\d+)?([eE][+\\-]?\\d+)?( ?%)?|\u2013|[+\\-\u2212]?\u221e");
    private static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private final String title;
    private final List<String> notes = new ArrayList<>();
    private final StringBuilder body = new StringBuilder();
    private String version;

    public HtmlReport(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** A small grey line under the title (e.g. "generated 2026-11-29 18:40 UTC by …"); may be called again for more lines. */
    public HtmlReport note(String smallText) {
        notes.add(Objects.requireNonNull(smallText, "note"));
        return this;
    }

    /** Sets the footer to "Echomask {@code version}"; without it the page has no footer. */
    public HtmlReport version(String version) {
        this.version = Objects.requireNonNull(version, "version");
        return this;
    }

    public HtmlReport paragraph(String text) {
        return element("p", text);
    }

    /** A section heading (h2; the title is the page's only h1). */
    public HtmlReport heading(String text) {
        return element("h2", text);
    }

    public HtmlReport subheading(String text) {
        return element("h3", text);
    }

    /** Commands, code, logs: shown in a monospace box, line breaks kept. */
    public HtmlReport preformatted(String text) {
        return element("pre", text);
    }

    public HtmlReport table(String caption, List<String> header, List<List<String>> rows) {
        return table(caption, header, rows, Set.of(), Set.of());
    }

    /**
     * A table of already formatted cells (see {@link Formats}). Rows in {@code emphasis} are bold
     * (the best), rows in {@code muted} grey italics (trivial baselines). Columns whose cells are
     * all numbers are right-aligned so that digits line up.
     */
    public HtmlReport table(String caption, List<String> header, List<List<String>> rows, Set<Integer> emphasis,
            Set<Integer> muted) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rows, "rows");
        String where = "table \"" + caption + "\"";
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r) == null || (!header.isEmpty() && rows.get(r).size() != header.size())) {
                throw new IllegalArgumentException(where + ": row " + r + " has "
                        + (rows.get(r) == null ? "no" : rows.get(r).size()) + " cells but the header has "
                        + header.size());
            }
        }
        checkRows(where, "emphasis", emphasis, rows.size());
        checkRows(where, "muted", muted, rows.size());
        boolean[] numeric = numericColumns(header, rows);
        body.append("<div class=\"table\"><table>\n");
        if (caption != null && !caption.isEmpty()) {
            body.append("<caption>").append(escape(caption)).append("</caption>\n");
        }
        if (!header.isEmpty()) {
            body.append("<thead><tr>");
            for (int c = 0; c < header.size(); c++) {
                body.append(numeric[c] ? "<th class=\"num\">" : "<th>").append(escape(header.get(c))).append("</th>");
            }
            body.append("</tr></thead>\n");
        }
        body.append("<tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cls = emphasis.contains(r) ? " class=\"best\"" : muted.contains(r) ? " class=\"muted\"" : "";
            body.append("<tr").append(cls).append('>');
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                boolean num = c < numeric.length && numeric[c];
                body.append(num ? "<td class=\"num\">" : "<td>").append(escape(row.get(c))).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    /** A PNG embedded as a data URI, with its caption under it (also the image's alt text). */
    public HtmlReport image(String caption, byte[] png) {
        figure(caption, png);
        return this;
    }

    /** Several images side by side; the row wraps on narrow windows and paper. */
    public HtmlReport imageRow(List<String> captions, List<byte[]> pngs) {
        Objects.requireNonNull(captions, "captions");
        Objects.requireNonNull(pngs, "pngs");
        if (captions.size() != pngs.size()) {
            throw new IllegalArgumentException("imageRow: " + captions.size() + " captions but " + pngs.size()
                    + " images");
        }
        body.append("<div class=\"row\">\n");
        for (int i = 0; i < pngs.size(); i++) {
            figure(captions.get(i), pngs.get(i));
        }
        body.append("</div>\n");
        return this;
    }

    /** The whole page. */
    public String render() {
        StringBuilder page = new StringBuilder(body.length() + 8192);
        page.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(Style.CSS).append("</style>\n</head>\n<body>\n")
                .append("<header>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String note : notes) {
            page.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        page.append("</header>\n<main>\n").append(body).append("</main>\n");
        if (version != null) {
            page.append("<footer>Echomask ").append(escape(version)).append("</footer>\n");
        }
        return page.append("</body>\n</html>\n").toString();
    }

    /** Writes the page atomically, UTF-8. */
    public void write(Path file) {
        AtomicFiles.writeString(file, render());
    }

    /** Text made safe for element content and attribute values; control characters HTML forbids are dropped. */
    static String escape(String text) {
        String s = text == null ? "" : text;
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    private HtmlReport element(String tag, String text) {
        body.append('<').append(tag).append('>').append(escape(Objects.requireNonNull(text, tag)))
                .append("</").append(tag).append(">\n");
        return this;
    }

    private void figure(String caption, byte[] png) {
        Objects.requireNonNull(png, "png");
        if (!isPng(png)) {
            throw new IllegalArgumentException("image \"" + caption + "\": the bytes are not a PNG (" + png.length
                    + " bytes, no PNG signature)");
        }
        String text = escape(caption);
        body.append("<figure><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\" alt=\"").append(text).append("\">");
        if (!text.isEmpty()) {
            body.append("<figcaption>").append(text).append("</figcaption>");
        }
        body.append("</figure>\n");
    }

    private static boolean isPng(byte[] bytes) {
        if (bytes.length < PNG_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static void checkRows(String where, String what, Set<Integer> indices, int rows) {
        Objects.requireNonNull(indices, what);
        for (Integer i : indices) {
            if (i == null || i < 0 || i >= rows) {
                throw new IllegalArgumentException(where + ": " + what + " row " + i + " is not among the " + rows
                        + " rows");
            }
        }
    }

    /** A column is numeric when it has at least one cell and every non-empty cell reads as a number. */
    private static boolean[] numericColumns(List<String> header, List<List<String>> rows) {
        int columns = header.size();
        for (List<String> row : rows) {
            columns = Math.max(columns, row.size());
        }
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            boolean any = false;
            boolean all = true;
            for (List<String> row : rows) {
                String cell = c < row.size() ? row.get(c) : null;
                if (cell == null || cell.isBlank()) {
                    continue;
                }
                any = true;
                all &= NUMERIC.matcher(cell.strip()).matches();
            }
            numeric[c] = any && all;
        }
        return numeric;
    }

    /** The stylesheet, read once from the class path (report.css beside this class). */
    private static final class Style {
        static final String CSS = load();

        private static String load() {
            try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
                if (in == null) {
                    throw new IllegalStateException("report.css missing from the class path next to HtmlReport");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read report.css: " + e.getMessage(), e);
            }
        }
    }
}
