package org.echomask.annotate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.echomask.EchomaskException;
import org.echomask.dataset.DatasetEntry;

/**
 * The annotation page's HTTP server (JDK {@code com.sun.net.httpserver}): the single-page app
 * from the class path and a small JSON API over one dataset (see {@link AnnotationApi}).
 *
 * <p>Safety rules: requests name examples by id only, looked up in the manifest; a path with
 * percent-escapes, backslashes, empty, {@code .} or {@code ..} segments is refused with 400 before
 * routing; static files come from a fixed list; when bound to a loopback address the Host header
 * must be a loopback name (so another web site cannot reach the server through DNS rebinding), and
 * state-changing requests from another origin are refused.
 */
public final class AnnotationServer implements AutoCloseable {
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9_.+/-]*");
    private static final Pattern EXAMPLE = Pattern.compile("/api/examples/([A-Za-z0-9_.+-]+)(?:/([a-z]+))?");
    private static final Map<String, String> STATIC = Map.of(
            "index.html", "text/html; charset=utf-8",
            "style.css", "text/css; charset=utf-8",
            "api.js", "text/javascript; charset=utf-8",
            "axes.js", "text/javascript; charset=utf-8",
            "editor.js", "text/javascript; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8");
    private static final List<String> LOOPBACK_HOSTS = List.of("127.0.0.1", "localhost", "[::1]");

    private final AnnotationApi api;
    private final HttpServer server;
    private final ExecutorService pool;
    private final boolean loopback;

    private AnnotationServer(AnnotationApi api, HttpServer server, ExecutorService pool, boolean loopback) {
        this.api = api;
        this.server = server;
        this.pool = pool;
        this.loopback = loopback;
    }

    /** Starts serving on {@code host:port} (port 0 = any free port). */
    public static AnnotationServer start(AnnotationApi api, String host, int port) {
        try {
            InetAddress address = InetAddress.getByName(host);
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
            ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "echomask-annotate");
                t.setDaemon(true);
                return t;
            });
            AnnotationServer s = new AnnotationServer(api, server, pool, address.isLoopbackAddress());
            server.createContext("/", s::handle);
            server.setExecutor(pool);
            server.start();
            return s;
        } catch (IOException e) {
            throw new EchomaskException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address as a person opens it. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } catch (Http.Failure f) {
            Http.error(ex, f.status, f.getMessage());
        } catch (MaskCodec.InvalidMask e) {
            Http.error(ex, e.tooLarge() ? 413 : 400, e.getMessage());
        } catch (EchomaskException | UncheckedIOException e) {
            Http.error(ex, 500, e.getMessage());
        } catch (RuntimeException e) {
            Http.error(ex, 500, "internal error: " + e);
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("//")
                || List.of(path.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            throw new Http.Failure(400, "refused request path");
        }
        checkHost(ex);
        String method = ex.getRequestMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (!read) {
            checkOrigin(ex);
        }
        if (path.equals("/") || path.startsWith("/static/")) {
            String name = path.equals("/") ? "index.html" : path.substring("/static/".length());
            if (!STATIC.containsKey(name)) {
                throw new Http.Failure(404, "no such file");
            }
            requireRead(read);
            serveStatic(ex, name);
            return;
        }
        if (path.equals("/api/state")) {
            requireRead(read);
            Http.json(ex, 200, api.state());
            return;
        }
        if (path.equals("/api/export")) {
            requireRead(read);
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + api.exportName() + "\"");
            Http.send(ex, 200, "application/zip", api.exportZip());
            return;
        }
        Matcher m = EXAMPLE.matcher(path);
        if (!m.matches()) {
            throw new Http.Failure(404, "no such resource");
        }
        DatasetEntry e = api.store().entry(m.group(1)).orElseThrow(() -> new Http.Failure(404, "unknown example"));
        String action = m.group(2) == null ? "" : m.group(2);
        switch (action) {
            case "" -> { requireRead(read); Http.json(ex, 200, api.example(e)); }
            case "image" -> { requireRead(read); Http.send(ex, 200, "image/png", api.image(e)); }
            case "mask" -> { requireRead(read); Http.send(ex, 200, "image/png", api.mask(e)); }
            case "proposal" -> { requireRead(read); Http.send(ex, 200, "image/png", api.proposal(e, threshold(ex))); }
            case "accept" -> {
                requirePost(method);
                Http.json(ex, 200, api.accept(e, Http.body(ex, MaskCodec.MAX_UPLOAD_BYTES)));
            }
            case "reject" -> { requirePost(method); Http.json(ex, 200, api.reject(e)); }
            case "skip" -> { requirePost(method); Http.json(ex, 200, api.skip(e)); }
            default -> throw new Http.Failure(404, "no such resource");
        }
    }

    private static double threshold(HttpExchange ex) {
        String v = Http.query(ex, "threshold");
        try {
            double t = v == null ? Double.NaN : Double.parseDouble(v);
            if (!(t >= 0 && t <= 100)) {
                throw new NumberFormatException();
            }
            return t;
        } catch (NumberFormatException e) {
            throw new Http.Failure(400, "threshold must be a number in [0, 100]");
        }
    }

    private void serveStatic(HttpExchange ex, String name) throws IOException {
        String type = STATIC.get(name);
        if (type == null) {
            throw new Http.Failure(404, "no such file");
        }
        try (InputStream in = AnnotationServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new EchomaskException("annotation page resource " + name + " missing from the class path");
            }
            Http.send(ex, 200, type, in.readAllBytes());
        }
    }

    private void checkHost(HttpExchange ex) {
        if (!loopback) {
            return;
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        String name = host == null ? "" : host.replaceFirst(":[0-9]+$", "");
        if (!LOOPBACK_HOSTS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new Http.Failure(403, "refused Host header");
        }
    }

    private static void checkOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin != null && !origin.equals("http://" + host)) {
            throw new Http.Failure(403, "refused cross-origin request");
        }
        if ("cross-site".equals(ex.getRequestHeaders().getFirst("Sec-Fetch-Site"))) {
            throw new Http.Failure(403, "refused cross-site request");
        }
    }

    private static void requireRead(boolean read) {
        if (!read) {
            throw new Http.Failure(405, "method not allowed");
        }
    }

    private static void requirePost(String method) {
        if (!method.equals("POST")) {
            throw new Http.Failure(405, "method not allowed");
        }
    }

    /** Keys of a JSON object in insertion order. */
    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }
}
