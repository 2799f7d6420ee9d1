package io.sriovagent.daemon;

import static io.sriovagent.daemon.AppHealthClassifier.State.HEALTHY;
import static io.sriovagent.daemon.AppHealthClassifier.State.UNHEALTHY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sriovagent.AgentVersion;
import io.sriovagent.host.ReadError;
import io.sriovagent.metrics.Promtool;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real daemon on port 0 against a host the test changes while it runs: VF removed and re-added, counters
 * advancing, a file turning unreadable. Every {@code /health} answer is classified as the Application Health extension
 * would and is never Unknown.
 */
class DaemonEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void vfServicingAcrossTheGraceWithGoldenScrapes() throws Exception {
        TestHosts host = TestHosts.twoNics();
        try (LogCapture log = new LogCapture(); DaemonFixture fixture = new DaemonFixture(host)) {
            HttpAnswers http = fixture.http;
            assertEquals(HEALTHY, http.health(), "first probe: datapath pending never makes it Unhealthy");

            host.traffic(10_000, 20, 5_000, 5);
            fixture.probeAfter(5);
            assertEquals(HEALTHY, http.health());
            Golden.assertMatches("healthy.metrics.txt", metrics(http.get("/metrics")));
            Golden.assertMatches("healthy.openmetrics.txt",
                    metrics(http.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0")));
            Golden.assertMatches("healthy.status.json", status(http.get("/status")));
            assertEquals("ok\n", http.get("/healthz").body());

            // host servicing withdraws eth1's VF; traffic goes on through the synthetic path
            host.eth1Vf(false).traffic(10_000, 20, 0, 3_000);
            fixture.probeAfter(5);
            host.traffic(10_000, 20, 0, 3_000);
            fixture.probeAfter(30);
            assertEquals(HEALTHY, http.health(), "30 s without a VF is within the 300 s grace");
            assertEquals(200, http.get("/healthz").statusCode());

            host.traffic(100_000, 200, 0, 30_000);
            fixture.probeAfter(271);
            assertEquals(UNHEALTHY, http.health(), "301 s without a VF");
            HttpResponse<String> healthz = http.get("/healthz");
            assertEquals(503, healthz.statusCode());
            assertEquals("unhealthy: vf_present:eth1\n", healthz.body());
            Golden.assertMatches("vf-away.metrics.txt", metrics(http.get("/metrics")));
            Golden.assertMatches("vf-away.status.json", status(http.get("/status")));

            host.eth1Vf(true).traffic(10_000, 20, 4_000, 10);
            fixture.probeAfter(5);
            assertEquals(HEALTHY, http.health(), "recovery is immediate");

            assertEquals(1, log.count("eth1: VF enP41968s2 (a3f0:00:02.0, mlx5_core) removed"), log.lines().toString());
            assertEquals(1, log.count("eth1: VF enP41968s2 (a3f0:00:02.0, mlx5_core) added after 306 s without a VF"),
                    log.lines().toString());
            assertEquals(1, log.count("verdict Unhealthy (was Healthy): vf_present:eth1"), log.lines().toString());
            assertEquals(1, log.count("verdict Healthy (was Unhealthy: vf_present:eth1)"), log.lines().toString());
            assertEquals(1, log.count("vf_present:eth1 failing, tolerated: for 0 s, within the 300 s grace"),
                    log.lines().toString());
            assertEquals(5, http.healthAnswers());
        }
    }

    @Test
    void countersAdvanceAndAnUnreadableFileIsReportedOnce() throws Exception {
        TestHosts host = TestHosts.twoNics();
        try (LogCapture log = new LogCapture(); DaemonFixture fixture = new DaemonFixture(host)) {
            host.traffic(1_000, 10, 0, 0);
            fixture.probeAfter(5);
            String before = fixture.http.get("/metrics").body();

            ReadError unreadable = new ReadError("sysfs", "/sys/class/net/eth1/statistics/rx_packets",
                    "AccessDeniedException");
            host.traffic(2_000, 10, 0, 0).readError(unreadable);
            fixture.probeAfter(5);
            host.traffic(2_000, 10, 0, 0);
            fixture.probeAfter(5);

            String after = fixture.http.get("/metrics").body();
            assertTrue(before.contains("sriov_vf_rx_packets_total{interface=\"eth0\"} 500.0"), before);
            assertTrue(after.contains("sriov_vf_rx_packets_total{interface=\"eth0\"} 2500.0"), after);
            assertTrue(after.contains("sriov_probe_errors_total{source=\"sysfs\"} 2.0"), after);
            JsonNode status = JSON.readTree(fixture.http.get("/status").body());
            assertEquals("/sys/class/net/eth1/statistics/rx_packets", status.at("/readErrors/0/subject").asText());
            assertEquals(HEALTHY, fixture.http.health());
            assertEquals(1, log.count("cannot read sysfs: /sys/class/net/eth1/statistics/rx_packets"),
                    log.lines().toString());

            host.readError(null);
            fixture.probeAfter(5);
            assertEquals(1, log.count("readable again: sysfs: /sys/class/net/eth1/statistics/rx_packets"));
        }
    }

    @Test
    void aHungProbeNeverDelaysAnAnswer() throws Exception {
        TestHosts host = TestHosts.twoNics();
        try (DaemonFixture fixture = new DaemonFixture(host)) {
            fixture.probe.hang();
            CompletableFuture<PublishedState> stuck = fixture.daemon.probeNow();

            for (int i = 0; i < 20; i++) {
                assertEquals(HEALTHY, fixture.http.health());
            }
            assertEquals(200, fixture.http.get("/metrics").statusCode());
            assertFalse(stuck.isDone(), "the probe is still hanging while every answer came back");

            fixture.probe.release();
            stuck.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void timerTicksSkipWhileAProbeOverrunsAndSayItOnce() throws Exception {
        TestHosts host = TestHosts.twoNics();
        try (LogCapture log = new LogCapture();
             DaemonFixture fixture = new DaemonFixture(host, java.time.Duration.ofMillis(50), HttpLimits.DEFAULTS, 3,
                     false)) {
            while (fixture.probe.probes() < 10) {
                Thread.sleep(10); // let the timer drive a few probes first
            }
            fixture.probe.hang();
            int mark = log.lines().size();
            log.await("serving the last verdict meanwhile");
            int probesWhileHung = fixture.probe.probes();
            for (int i = 0; i < 5; i++) {
                assertEquals(HEALTHY, fixture.http.health());
            }
            Thread.sleep(500); // ten more ticks find the probe still running
            long overrunLines = log.lines().subList(mark, log.lines().size()).stream()
                    .filter(line -> line.contains("probe still running after")).count();
            assertEquals(1, overrunLines, "one line per overrun, not per skipped tick: " + log.lines());
            assertEquals(probesWhileHung, fixture.probe.probes());

            fixture.probe.release();
            log.await("probing every 0.05 s again");
            while (fixture.probe.probes() <= probesWhileHung + 1) {
                Thread.sleep(10); // and the timer probes again
            }
        }
    }

    @Test
    void aProbeThatThrowsKeepsTheLastVerdictAndTheLoopAlive() throws Exception {
        TestHosts host = TestHosts.twoNics();
        try (LogCapture log = new LogCapture(); DaemonFixture fixture = new DaemonFixture(host)) {
            java.util.List<PublishedState> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            fixture.daemon.afterEachCycle(seen::add);
            PublishedState before = fixture.daemon.current();
            fixture.probe.fail(new IllegalStateException("bug in a reader"));

            fixture.probeAfter(5);
            fixture.probeAfter(5);

            assertEquals(java.util.List.of(before, before), seen, "listener called after each cycle, same state");
            assertEquals(HEALTHY, fixture.http.health());
            assertEquals(1, log.count("probe failed, keeping the previous verdict"), "logged once");
            fixture.probe.fail(null);
            fixture.probeAfter(5);
            assertEquals(3, seen.size());
            assertTrue(seen.get(2) != before, "a new state once the probe works again");
        }
    }

    @Test
    void stopEndsProbingClosesTheListenersAndTheProbe() throws Exception {
        TestHosts host = TestHosts.twoNics();
        DaemonFixture fixture = new DaemonFixture(host, Duration.ofMillis(50), HttpLimits.DEFAULTS, 3, true);
        int port = fixture.daemon.port();
        int metricsPort = fixture.daemon.metricsPort();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (fixture.probe.probes() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(fixture.probe.probes() >= 3, "the 50 ms timer probes");

        fixture.daemon.stop();
        fixture.daemon.stop();
        int probesAtStop = fixture.probe.probes();
        Thread.sleep(300);

        assertEquals(probesAtStop, fixture.probe.probes(), "no probe after stop");
        assertTrue(fixture.probe.closed());
        for (int closedPort : new int[] {port, metricsPort}) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", closedPort), 2000);
                throw new AssertionError("still listening on " + closedPort);
            } catch (java.net.ConnectException expected) {
                // closed
            }
        }
    }

    @Test
    void promtoolAcceptsTheScrapeOfEveryState() throws Exception {
        TestHosts host = TestHosts.twoNics();
        try (DaemonFixture fixture = new DaemonFixture(host)) {
            host.traffic(1_000, 10, 1_000, 10);
            fixture.probeAfter(5);
            assertEquals("", Promtool.checkMetrics(fixture.http.get("/metrics").body().getBytes(StandardCharsets.UTF_8)));
            host.eth0Vf(false).eth0Counters(5, 5);
            fixture.probeAfter(400);
            assertEquals("", Promtool.checkMetrics(fixture.http.get("/metrics").body().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** The scrape without its volatile series (probe durations) and with the version normalised. */
    static String metrics(HttpResponse<String> response) {
        assertEquals(200, response.statusCode());
        return response.body().lines()
                .filter(line -> !line.contains("sriov_probe_duration_seconds"))
                .map(line -> line.replace("version=\"" + AgentVersion.current() + "\"", "version=\"<version>\""))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static String status(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        return JSON.writeValueAsString(JSON.readTree(response.body()))
                .replace("\"version\" : \"" + AgentVersion.current() + "\"", "\"version\" : \"<version>\"") + "\n";
    }
}
