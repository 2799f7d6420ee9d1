package io.sriovagent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CONTRACT §2 on the wire, and the limits that keep the daemon bounded under abuse. */
class DaemonHttpTest {

    private DaemonFixture fixture;
    private HttpAnswers http;

    @BeforeEach
    void start() throws Exception {
        fixture = new DaemonFixture(TestHosts.twoNics());
        http = fixture.http;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void healthIsTheRichHealthStatesContractExactly() throws Exception {
        HttpResponse<String> health = http.get("/health");

        assertEquals(200, health.statusCode());
        assertEquals("application/json", health.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\"ApplicationHealthState\":\"Healthy\"}", health.body());
    }

    @Test
    void everyEndpointHasItsExactContentType() throws Exception {
        Map<String, String> expected = Map.of(
                "/health", "application/json",
                "/healthz", "text/plain; charset=utf-8",
                "/status", "application/json",
                "/metrics", "text/plain; version=0.0.4; charset=utf-8");
        for (Map.Entry<String, String> endpoint : expected.entrySet()) {
            HttpResponse<String> response = http.get(endpoint.getKey());
            assertEquals(200, response.statusCode(), endpoint.getKey());
            assertEquals(endpoint.getValue(), response.headers().firstValue("content-type").orElseThrow(),
                    endpoint.getKey());
        }
        HttpResponse<String> openMetrics = http.get("/metrics", "Accept",
                "application/openmetrics-text;version=1.0.0;escaping=allow-utf8;q=0.5,text/plain;version=0.0.4;q=0.2");
        assertEquals("application/openmetrics-text; version=1.0.0; charset=utf-8",
                openMetrics.headers().firstValue("content-type").orElseThrow());
        assertTrue(openMetrics.body().endsWith("# EOF\n"));
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        for (String path : List.of("/health", "/healthz", "/status", "/metrics")) {
            HttpResponse<String> get = http.get(path);
            HttpResponse<String> head = http.send("HEAD", path);

            assertEquals(get.statusCode(), head.statusCode(), path);
            assertEquals(get.headers().firstValue("content-type"), head.headers().firstValue("content-type"), path);
            assertEquals(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length),
                    head.headers().firstValue("content-length").orElseThrow(), path);
            assertEquals("", head.body(), path);
        }
    }

    @Test
    void unknownPathsAre404AndOtherMethods405WithAllow() throws Exception {
        assertEquals(404, http.get("/").statusCode());
        assertEquals(404, http.get("/health/").statusCode());
        assertEquals(404, http.send("DELETE", "/nowhere").statusCode());
        for (String method : List.of("DELETE", "PUT", "OPTIONS", "PATCH")) {
            HttpResponse<String> response = http.send(method, "/health");
            assertEquals(405, response.statusCode(), method);
            assertEquals("GET, HEAD", response.headers().firstValue("allow").orElseThrow(), method);
        }
        assertEquals(200, http.get("/health?probe=1").statusCode(), "a query string does not change the path");
    }

    @Test
    void theMetricsListenerServesOnlyMetrics() throws Exception {
        HttpAnswers metricsOnly = new HttpAnswers(fixture.daemon.metricsPort());

        assertEquals(200, metricsOnly.get("/metrics").statusCode());
        assertEquals(404, metricsOnly.get("/status").statusCode());
        assertEquals(404, metricsOnly.send("HEAD", "/healthz").statusCode());
    }

    @Test
    void aRequestBodyIsRefusedUnread() throws Exception {
        String reply = exchange("POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");

        assertTrue(reply.startsWith("HTTP/1.1 413 "), reply);
        assertTrue(reply.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), reply);
    }

    @Test
    void oversizedRequestLinesAndHeadersAreRefusedBeforeAnyHandler() throws Exception {
        String longUri = exchange("GET /health?" + "a".repeat(8000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        String bigHeaders = exchange("GET /health HTTP/1.1\r\nHost: x\r\nX-Fill: " + "b".repeat(9000) + "\r\n\r\n");

        // the decoder answers before it has read the request's own version
        assertTrue(longUri.matches("(?s)HTTP/1\\.[01] 414 .*"), longUri);
        assertTrue(bigHeaders.matches("(?s)HTTP/1\\.[01] 431 .*"), bigHeaders);
        assertEquals(AppHealthClassifier.State.HEALTHY, http.health(), "and the daemon keeps answering");
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnce() throws Exception {
        fixture.close();
        fixture = new DaemonFixture(TestHosts.twoNics(), DaemonFixture.NO_TICKS,
                new HttpLimits(4096, 8192, Duration.ofSeconds(30), 3), 3, false);
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                idle.add(connect(fixture.daemon.port()));
            }
            Thread.sleep(200); // let the event loop account for them
            try (Socket extra = connect(fixture.daemon.port())) {
                assertEquals(-1, readOrEnd(extra), "the fourth connection is closed without an answer");
            }
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
        // once the idle ones are gone, the cap frees up again
        Thread.sleep(200);
        assertEquals(AppHealthClassifier.State.HEALTHY, new HttpAnswers(fixture.daemon.port()).health());
    }

    @Test
    void scrapersFillingTheMetricsListenerNeverKeepHealthOut() throws Exception {
        fixture.close();
        fixture = new DaemonFixture(TestHosts.twoNics(), DaemonFixture.NO_TICKS,
                new HttpLimits(4096, 8192, Duration.ofSeconds(30), 3), 3, true);
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                idle.add(connect(fixture.daemon.metricsPort()));
            }
            Thread.sleep(200); // let the event loop account for them
            try (Socket extra = connect(fixture.daemon.metricsPort())) {
                assertEquals(-1, readOrEnd(extra), "the metrics listener is at its own cap");
            }

            assertEquals(AppHealthClassifier.State.HEALTHY, new HttpAnswers(fixture.daemon.port()).health());
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        fixture.close();
        fixture = new DaemonFixture(TestHosts.twoNics(), DaemonFixture.NO_TICKS,
                new HttpLimits(4096, 8192, Duration.ofSeconds(1), 16), 3, false);

        try (Socket idle = connect(fixture.daemon.port())) {
            idle.setSoTimeout(20_000);
            assertEquals(-1, readOrEnd(idle), "closed by the server after the idle timeout");
        }
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = connect(fixture.daemon.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[512];
            int read = in.read(head);
            return read < 0 ? "" : new String(head, 0, read, StandardCharsets.US_ASCII);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static int readOrEnd(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
