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
 * routing; static files come from a fixed list; the Host header must be one of the server's own
 * names whatever address it is bound to (see {@link HostAllowList}: so another web site cannot
 * reach the server through DNS rebinding); state-changing requests from another origin are
 * refused; and every exchange runs on a clock (see {@link ExchangeDeadlines}), so slow or stalled
 * clients cannot take the worker threads from others.
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

    private final AnnotationApi api;
    private final HttpServer server;
    private final ExchangeDeadlines workers;
    private final HostAllowList hosts;

    private AnnotationServer(AnnotationApi api, HttpServer server, ExchangeDeadlines workers, HostAllowList hosts) {
        this.api = api;
        this.server = server;
        this.workers = workers;
        this.hosts = hosts;
    }

    /** Starts serving on {@code host:port} (port 0 = any free port), answering only to this machine's names. */
    public static AnnotationServer start(AnnotationApi api, String host, int port) {
        return start(api, host, port, List.of());
    }

    /**
     * Starts serving on {@code host:port}; {@code allowHosts} are further names (or addresses) the
     * page may be opened under, for example an alias of this machine.
     *
     * @throws IllegalArgumentException naming an entry of {@code allowHosts} that is not a host name or address
     */
    public static AnnotationServer start(AnnotationApi api, String host, int port, List<String> allowHosts) {
        return start(api, host, port, allowHosts, ExchangeLimits.DEFAULT);
    }

    static AnnotationServer start(AnnotationApi api, String host, int port, List<String> allowHosts, ExchangeLimits limits) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new EchomaskException("cannot listen on " + host + ":" + port + ": unknown host (" + e.getMessage() + ")", e);
        }
        HostAllowList hosts = HostAllowList.forBinding(address, allowHosts);
        ExchangeDeadlines workers = new ExchangeDeadlines(limits);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
            AnnotationServer s = new AnnotationServer(api, server, workers, hosts);
            server.createContext("/", s::handle);
            server.setExecutor(workers);
            server.start();
            return s;
        } catch (IOException e) {
            workers.close();
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
        workers.close();
    }

    private void handle(HttpExchange ex) throws IOException {
        // The JDK server has read the headers. The work has no deadline; Http.body and Http.send set their own.
        ExchangeDeadlines.enter(ExchangeDeadlines.Phase.WORK);
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
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            throw new Http.Failure(403, "refused request without a Host header");
        }
        if (!hosts.allows(host)) {
            // The body names only what the client sent: the server's own names and addresses stay private.
            String name = host.replaceFirst(":[0-9]+$", "");
            throw new Http.Failure(403, "refused Host header " + name + ": not a name of this server"
                    + " (start echomask annotate with --allow-host " + name + " to allow it)");
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
