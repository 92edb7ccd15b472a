package org.echomask.annotate;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.echomask.io.Json;

/** Small helpers for answering {@link HttpExchange}s with the page's security headers. */
final class Http {
    /** Everything the page needs comes from this server; nothing may load from elsewhere. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
            + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    /** Compact JSON (the project mapper's snake_case records, without its pretty printing). */
    private static final ObjectWriter JSON = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private Http() {}

    /** An error the handler turns into a status code and a JSON {"error": message} body. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ExchangeDeadlines.enter(ExchangeDeadlines.Phase.RESPONSE);
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", CSP);
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    static void json(HttpExchange ex, int status, Object value) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
    }

    static void error(HttpExchange ex, int status, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        json(ex, status, body);
    }

    /**
     * The request body, refusing (413) anything longer than {@code limit} bytes without reading it
     * all; reading it runs under the body deadline, so a client that stalls mid-upload is cut off.
     */
    static byte[] body(HttpExchange ex, int limit) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    throw new Failure(413, "upload of " + declared.trim() + " bytes is over the limit of " + limit);
                }
            } catch (NumberFormatException e) {
                throw new Failure(400, "bad Content-Length");
            }
        }
        ExchangeDeadlines.enter(ExchangeDeadlines.Phase.BODY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > limit) {
                    throw new Failure(413, "upload is over the limit of " + limit + " bytes");
                }
            }
        }
        ExchangeDeadlines.enter(ExchangeDeadlines.Phase.WORK);
        return out.toByteArray();
    }

    /** The value of one query parameter, or null; parameters are plain numbers here, so no decoding. */
    static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return part.substring(eq + 1);
            }
        }
        return null;
    }
}
