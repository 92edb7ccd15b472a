package org.echomask.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.echomask.dataset.DatasetEntry;
import org.echomask.dataset.DatasetManifest;
import org.echomask.mask.BinaryMasks;
import org.echomask.mask.ProposerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP surface over raw sockets (so request paths go out exactly as written): the page and
 * API work, and every hostile request - traversal in any spelling, absolute paths, non-PNG or
 * wrong-size or oversized uploads, unknown ids, foreign Host or Origin - is refused and leaves
 * the dataset directory byte-for-byte unchanged.
 */
class AnnotationServerTest {
    private static final int W = 40;
    private static final int H = 24;

    @TempDir
    Path dir;
    private AnnotationServer server;

    @BeforeEach
    void start() {
        TinyDataset.create(dir, 4, W, H);
        AnnotationStore store = AnnotationStore.open(dir);
        server = AnnotationServer.start(new AnnotationApi(store, new Examples(store, ProposerConfig.preset("default")), 10),
                "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesPageApiAndSavesAValidMask() throws Exception {
        Response page = request("GET", "/", Map.of(), null);
        assertThat(page.status).isEqualTo(200);
        assertThat(page.text()).contains("<canvas id=\"canvas\"").doesNotContain("http://").doesNotContain("https://");
        assertThat(page.headers).containsIgnoringCase("content-security-policy: default-src 'none'");
        assertThat(request("GET", "/static/editor.js", Map.of(), null).status).isEqualTo(200);
        assertThat(request("GET", "/api/state", Map.of(), null).text()).contains("\"next\":\"ex-000\"");
        assertThat(request("GET", "/api/examples/ex-001", Map.of(), null).text()).contains("\"width\":" + W);
        Response image = request("GET", "/api/examples/ex-001/image", Map.of(), null);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(image.body)).getHeight()).isEqualTo(H);

        boolean[][] stroke = new boolean[H][W];
        stroke[5][7] = true;
        Response saved = request("POST", "/api/examples/ex-001/accept", Map.of("Content-Type", "image/png"),
                MaskCodec.encode(stroke));
        assertThat(saved.status).as(saved.text()).isEqualTo(200);
        assertThat(saved.text()).contains("\"status\":\"accepted\"").contains("\"accepted\":1");
        assertThat(BinaryMasks.read(dir.resolve("masks/hq/ex-001.png"))).isDeepEqualTo(stroke);
        DatasetEntry e = DatasetManifest.read(dir.resolve("manifest.csv")).get(1);
        assertThat(e.hqMask()).isEqualTo("masks/hq/ex-001.png");
        assertThat(e.extra()).containsEntry("hq_status", "accepted").containsKey("hq_updated");
        assertThat(request("GET", "/api/examples/ex-001/mask", Map.of(), null).body).isEqualTo(MaskCodec.encode(stroke));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/static/../../pom.xml", "/static/..%2F..%2Fpom.xml", "/static/%2e%2e/%2e%2e/pom.xml", "/static/%2E%2E%2Fpom.xml",
        "/static/..%5c..%5cpom.xml", "/static/%252e%252e%252fpom.xml", "/static/..%c0%af..%c0%afpom.xml",
        "/api/examples/..%2F..%2Fmanifest.csv/image", "/api/examples/../image", "/api/examples/%2e%2e/image",
        "/api/examples/..%2Fmanifest.csv", "/api/examples/ex-000%2F..%2F..%2Fmanifest.csv/image",
        "/api/examples/ex-000%00/image", "/api/examples/%2Fetc%2Fpasswd/image", "/api/examples//etc/passwd/image",
        "//etc/passwd", "/etc/passwd", "/%2Fetc%2Fpasswd", "/api/examples/manifest.csv/image",
        "/api/examples/%20/image", "/static/", "/static/../manifest.csv", "/api/examples/ex-000/image/../../..",
        "http://127.0.0.1/../../etc/passwd", "/api/examples/ex-000/../../../../etc/passwd"})
    void refusesTraversalAndAbsolutePaths(String target) throws Exception {
        Map<String, String> before = snapshot();
        for (String method : new String[] {"GET", "POST"}) {
            Response r = request(method, target, Map.of("Content-Type", "image/png"),
                    method.equals("POST") ? MaskCodec.encode(new boolean[H][W]) : null);
            assertThat(r.status).as(method + " " + target).isIn(400, 404);
            assertThat(r.text()).doesNotContain("root:").doesNotContain("<project").doesNotContain("id,recording");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesBadUploadsAndWritesNothing() throws Exception {
        Map<String, String> before = snapshot();
        String accept = "/api/examples/ex-002/accept";
        Map<String, String> png = Map.of("Content-Type", "image/png");
        assertRefused(request("POST", accept, png, "not an image at all".getBytes(StandardCharsets.UTF_8)), 400, "not a PNG");
        assertRefused(request("POST", accept, png, image("jpeg", W, H)), 400, "not a PNG");
        assertRefused(request("POST", accept, png, image("gif", W, H)), 400, "not a PNG");
        byte[] corrupt = MaskCodec.encode(new boolean[H][W]);
        for (int i = 40; i < corrupt.length - 12; i++) {
            corrupt[i] ^= 0x5a; // keep signature and IHDR, garble the image data
        }
        assertRefused(request("POST", accept, png, corrupt), 400, "PNG");
        assertRefused(request("POST", accept, png, MaskCodec.encode(new boolean[H][W + 1])), 400, "41x24");
        assertRefused(request("POST", accept, png, MaskCodec.encode(new boolean[H - 1][W])), 400, "40x23");
        assertRefused(request("POST", accept, png, image("png", 4000, 4000)), 400, "4000x4000");
        // Refused from the declared length alone, before the body is read.
        assertRefused(request("POST", accept, Map.of("Content-Type", "image/png",
                "Content-Length", String.valueOf(MaskCodec.MAX_UPLOAD_BYTES + 1)), new byte[16]), 413, "limit");
        assertRefused(request("POST", accept, png, new byte[0]), 400, "not a PNG");
        assertRefused(request("POST", "/api/examples/no-such-id/accept", png, MaskCodec.encode(new boolean[H][W])), 404,
                "unknown example");
        assertRefused(request("POST", "/api/examples/no-such-id/reject", Map.of(), null), 404, "unknown example");
        assertRefused(request("GET", "/api/examples/no-such-id/image", Map.of(), null), 404, "unknown example");
        assertRefused(request("GET", accept, Map.of(), null), 405, "method");
        assertRefused(request("PUT", accept, png, MaskCodec.encode(new boolean[H][W])), 405, "method");
        assertRefused(request("DELETE", "/api/examples/ex-002", Map.of(), null), 405, "method");
        assertRefused(request("GET", "/api/examples/ex-002/proposal?threshold=../../x", Map.of(), null), 400, "threshold");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesForeignHostAndCrossOriginWrites() throws Exception {
        Map<String, String> before = snapshot();
        byte[] mask = MaskCodec.encode(new boolean[H][W]);
        assertRefused(request("GET", "/api/state", Map.of("Host", "attacker.example:80"), null), 403, "Host");
        assertRefused(request("POST", "/api/examples/ex-000/accept",
                Map.of("Content-Type", "image/png", "Origin", "http://attacker.example"), mask), 403, "cross-origin");
        assertRefused(request("POST", "/api/examples/ex-000/reject", Map.of("Sec-Fetch-Site", "cross-site"), null), 403,
                "cross-site");
        assertThat(snapshot()).isEqualTo(before);
        Response sameOrigin = request("POST", "/api/examples/ex-000/reject",
                Map.of("Origin", "http://127.0.0.1:" + server.port()), null);
        assertThat(sameOrigin.status).as(sameOrigin.text()).isEqualTo(200);
    }

    @Test
    void wildcardBindingStillRefusesForeignHostsAndAllowsNamedOnes() throws Exception {
        restart("0.0.0.0", List.of("annotate.lab", "10.9.8.7"), ExchangeLimits.DEFAULT);
        Map<String, String> before = snapshot();
        int port = server.port();
        for (String foreign : new String[] {"rebind.attacker.example:" + port, "rebind.attacker.example", "annotate.lab.evil:" + port,
            "0.0.0.0:" + port, "10.9.8.6:" + port, "", "localhost@attacker.example"}) {
            Response r = request("POST", "/api/examples/ex-000/reject", Map.of("Host", foreign), null);
            assertRefused(r, 403, "Host");
            if (!foreign.isEmpty()) {
                assertThat(r.text()).contains("--allow-host");
            }
        }
        assertThat(snapshot()).as("refused requests wrote nothing").isEqualTo(before);
        String hostname = InetAddress.getLocalHost().getHostName();
        for (String own : new String[] {"localhost:" + port, "LOCALHOST.", "127.0.0.1:" + port, "[::1]:" + port,
            "[0:0:0:0:0:0:0:1]", "annotate.lab:" + port, "Annotate.Lab", "10.9.8.7:" + port, hostname + ":" + port}) {
            Response r = request("GET", "/api/state", Map.of("Host", own), null);
            assertThat(r.status).as(own + ": " + r.text()).isEqualTo(200);
        }
    }

    @Test
    void loopbackBindingRefusesOtherNamesUnlessAllowed() throws Exception {
        assertRefused(request("GET", "/api/state", Map.of("Host", "annotate.lab"), null), 403, "Host");
        restart("127.0.0.1", List.of("annotate.lab"), ExchangeLimits.DEFAULT);
        assertThat(request("GET", "/api/state", Map.of("Host", "annotate.lab:" + server.port()), null).status).isEqualTo(200);
    }

    @Test
    void refusesAllowHostEntriesThatAreNotNames() {
        for (String bad : new String[] {"*", "evil.example:80", "a b", "http://x", "[1:2:3", "-x.example", ""}) {
            assertThatThrownBy(() -> HostAllowList.validate(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a host name");
        }
        HostAllowList.validate("my-box.local");
        HostAllowList.validate("[fe80::1]");
    }

    /**
     * A slowloris: more connections than worker threads, each sending its request headers a byte at
     * a time, plus as many that send nothing. Others are still served within seconds, and the slow
     * connections are cut off at the header deadline.
     */
    @Test
    void slowClientsDoNotStarveOthers() throws Exception {
        ExchangeLimits limits = new ExchangeLimits(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 2);
        restart("127.0.0.1", List.of(), limits);
        List<Socket> sockets = new ArrayList<>();
        List<Thread> drips = new ArrayList<>();
        AtomicInteger cutOff = new AtomicInteger();
        try {
            for (int i = 0; i < limits.threads() + 1; i++) {
                sockets.add(new Socket("127.0.0.1", server.port())); // silent
                Socket s = new Socket("127.0.0.1", server.port());
                sockets.add(s);
                Thread drip = new Thread(() -> {
                    byte[] head = ("GET /api/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(10_000))
                            .getBytes(StandardCharsets.ISO_8859_1);
                    try {
                        OutputStream out = s.getOutputStream();
                        for (byte b : head) {
                            out.write(b);
                            out.flush();
                            Thread.sleep(50);
                        }
                    } catch (IOException e) {
                        cutOff.incrementAndGet(); // the server closed the connection
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                drip.setDaemon(true);
                drip.start();
                drips.add(drip);
            }
            Thread.sleep(300); // every worker is now busy with a slow client
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                Response r = request("GET", "/api/state", Map.of(), null);
                assertThat(r.status).as(r.text()).isEqualTo(200);
            });
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (Thread t : drips) {
                    t.join();
                }
            }, "the server did not cut off the slow clients");
            assertThat(cutOff.get()).isEqualTo(limits.threads() + 1);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** A client that stops mid-upload is cut off at the body deadline and nothing is written. */
    @Test
    void stalledUploadIsCutOffAndWritesNothing() throws Exception {
        restart("127.0.0.1", List.of(), new ExchangeLimits(Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 1));
        Map<String, String> before = snapshot();
        byte[] png = MaskCodec.encode(new boolean[H][W]);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(8_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/examples/ex-000/accept HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nContent-Type: image/png\r\nContent-Length: " + png.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(png, 0, png.length / 2);
            out.flush();
            long t0 = System.nanoTime();
            int read;
            try {
                read = s.getInputStream().read();
            } catch (SocketException e) {
                read = -1; // reset by the server: also cut off
            }
            assertThat(read).as("no answer to a half upload").isEqualTo(-1);
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds until cut off").isLessThan(5);
        }
        assertThat(snapshot()).isEqualTo(before);
        // The only worker thread is free again.
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThat(request("GET", "/api/state", Map.of(), null).status).isEqualTo(200));
    }

    private void restart(String host, List<String> allowHosts, ExchangeLimits limits) {
        server.close();
        AnnotationStore store = AnnotationStore.open(dir);
        server = AnnotationServer.start(new AnnotationApi(store, new Examples(store, ProposerConfig.preset("default")), 10),
                host, 0, allowHosts, limits);
    }

    private static void assertRefused(Response r, int status, String reason) {
        assertThat(r.status).as(r.text()).isEqualTo(status);
        assertThat(r.text()).containsIgnoringCase(reason);
    }

    private static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    /** Every file under the dataset directory with its SHA-256, to prove a request wrote nothing. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                files.put(dir.relativize(p).toString(), HexFormat.of().formatHex(hash));
            }
        }
        return files;
    }

    record Response(int status, String headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One HTTP/1.1 request with the request target sent verbatim. */
    private Response request(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
            if (!headers.containsKey("Host")) {
                head.append("Host: 127.0.0.1:").append(server.port()).append("\r\n");
            }
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (!headers.containsKey("Content-Length")) {
                head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            s.shutdownOutput(); // a refused request's undelivered body must not keep the server waiting
            byte[] all = readAll(s.getInputStream());
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String headerText = split < 0 ? text : text.substring(0, split);
            int status = Integer.parseInt(headerText.split(" ", 3)[1]);
            byte[] payload = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, split + 4, all.length);
            return new Response(status, headerText, payload);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
