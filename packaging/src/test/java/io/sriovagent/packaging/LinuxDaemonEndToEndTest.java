package io.sriovagent.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sriovagent.AgentVersion;
import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.cli.ProbeOpener;
import io.sriovagent.daemon.AppHealthClassifier;
import io.sriovagent.daemon.Daemon;
import io.sriovagent.daemon.DaemonSettings;
import io.sriovagent.daemon.Golden;
import io.sriovagent.daemon.HttpLimits;
import io.sriovagent.daemon.ListenAddress;
import io.sriovagent.hosttree.HostTreeArchive;
import io.sriovagent.metrics.Promtool;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.probe.ProbeSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with the real Linux probe, found through the ServiceLoader as in the product, against a fixture host
 * tree that the test changes while the daemon runs: VF withdrawn past the grace and re-added, counters advancing, files
 * turning unreadable. Statistics come from the {@code command} source (ioctl excluded: it needs real interfaces),
 * through a stand-in ethtool that prints the fixture's captured {@code ethtool -S} text; lspci likewise.
 *
 * <p>The host trees are the Linux probe's fixtures (platform-linux/src/test/resources/hosts, assembled from the
 * captures in shared/samples/linux; see their README).
 */
class LinuxDaemonEndToEndTest {

    private static final Path HOSTS = Path.of("..", "platform-linux", "src", "test", "resources", "hosts");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path work;

    private Path root;
    private final AtomicLong nanos = new AtomicLong();
    private Daemon daemon;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void startDaemon() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux probe");
        root = work.resolve("host");
        overlay("cx4lx-gen1-2nic.hosttree");
        Path ethtool = script("ethtool", "exec cat \"" + root + "/fixture/ethtool/$2\"");
        Path lspci = script("lspci", "[ -f \"" + root + "/fixture/lspci\" ] || exit 127\nexec cat \""
                + root + "/fixture/lspci\"");
        Instant start = Instant.parse("2025-06-03T18:00:26Z");
        ProbeSettings probeSettings = new ProbeSettings(root, ProbeSettings.EthtoolSource.COMMAND, ethtool.toString(),
                lspci.toString(), Duration.ofSeconds(10), () -> start.plusNanos(nanos.get()), nanos::get);
        PlatformProbe probe = ProbeOpener.serviceLoader().open(probeSettings);
        daemon = new Daemon(new DaemonSettings(Duration.ofHours(1), Duration.ofSeconds(300), 10, ExpectVf.AUTO,
                DatapathThresholds.DEFAULTS, new ListenAddress("127.0.0.1", 0), null, HttpLimits.DEFAULTS,
                Duration.ofSeconds(5), nanos::get, AgentVersion.current()), probe);
        daemon.start().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopDaemon() {
        if (daemon != null) {
            daemon.stop();
        }
    }

    @Test
    void hostServicingAcrossTheGraceOnTheRealProbe() throws Exception {
        assertEquals(AppHealthClassifier.State.HEALTHY, health());

        overlay("cx4lx-gen1-2nic.traffic.hosttree");
        probeAfter(5);
        assertEquals(AppHealthClassifier.State.HEALTHY, health());
        Golden.assertMatches("linux-cx4lx-healthy.metrics.txt", metrics());
        Golden.assertMatches("linux-cx4lx-healthy.status.json", status());
        assertEquals("", Promtool.checkMetrics(get("/metrics").body().getBytes(StandardCharsets.UTF_8)));

        overlay("cx4lx-gen1-2nic.vf-removed.hosttree");
        probeAfter(5);
        assertEquals(AppHealthClassifier.State.HEALTHY, health(), "VF withdrawn: within the grace");
        probeAfter(301);
        assertEquals(AppHealthClassifier.State.UNHEALTHY, health(), "VF gone for 301 s");
        assertEquals("unhealthy: vf_present:eth0\n", get("/healthz").body());
        Golden.assertMatches("linux-cx4lx-vf-removed.metrics.txt", metrics());
        assertEquals("", Promtool.checkMetrics(get("/metrics").body().getBytes(StandardCharsets.UTF_8)));

        overlay("cx4lx-gen1-2nic.hosttree", "cx4lx-gen1-2nic.traffic.hosttree");
        probeAfter(5);
        assertEquals(AppHealthClassifier.State.HEALTHY, health(), "VF back: healthy at once");
        String scrape = get("/metrics").body();
        assertTrue(scrape.contains("sriov_vf_removals_total{interface=\"eth0\"} 1.0"), scrape);
        assertTrue(scrape.contains("sriov_vf_info{device_id=\"1016\",driver=\"mlx5_core\",interface=\"eth0\","
                + "pci_address=\"7c4b:00:02.0\",vendor_id=\"15b3\",vf_interface=\"enP31819s1\"} 1"), scrape);

        overlay("cx4lx-gen1-2nic.broken-files.hosttree");
        probeAfter(5);
        assertNotEquals(AppHealthClassifier.State.UNKNOWN, health());
        JsonNode readErrors = JSON.readTree(get("/status").body()).get("readErrors");
        assertTrue(readErrors.size() >= 3, readErrors.toString());
        String broken = get("/metrics").body();
        assertTrue(broken.lines().anyMatch(line -> line.startsWith("sriov_probe_errors_total{source=\"sysfs\"}")),
                broken);
        assertEquals("", Promtool.checkMetrics(broken.getBytes(StandardCharsets.UTF_8)));
        assertFalse(get("/status").body().isEmpty());
    }

    private void probeAfter(long seconds) throws Exception {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
        daemon.probeNow().get(30, TimeUnit.SECONDS);
    }

    private AppHealthClassifier.State health() throws Exception {
        HttpResponse<String> response = get("/health");
        AppHealthClassifier.State state = AppHealthClassifier.classify(response.statusCode(), response.body());
        assertNotEquals(AppHealthClassifier.State.UNKNOWN, state, response.statusCode() + " " + response.body());
        return state;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The scrape without its volatile series (probe durations), the version normalised. */
    private String metrics() throws Exception {
        return get("/metrics").body().lines()
                .filter(line -> !line.contains("sriov_probe_duration_seconds"))
                .map(line -> line.replace("version=\"" + AgentVersion.current() + "\"", "version=\"<version>\""))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private String status() throws Exception {
        return JSON.writeValueAsString(JSON.readTree(get("/status").body()))
                .replace("\"version\" : \"" + AgentVersion.current() + "\"", "\"version\" : \"<version>\"") + "\n";
    }

    private void overlay(String... archives) throws IOException {
        for (String archive : archives) {
            HostTreeArchive.unpack(Files.readString(HOSTS.resolve(archive), StandardCharsets.UTF_8), root);
        }
    }

    /** A stand-in for a command the probe runs; synthetic: it only prints the fixture's captured output. */
    private Path script(String name, String body) throws IOException {
        Path script = work.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
