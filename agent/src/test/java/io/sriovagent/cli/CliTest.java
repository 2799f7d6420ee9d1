package io.sriovagent.cli;

import static io.sriovagent.host.Snapshots.ETH0_MAC;
import static io.sriovagent.host.Snapshots.counters;
import static io.sriovagent.host.Snapshots.cx4;
import static io.sriovagent.host.Snapshots.host;
import static io.sriovagent.host.Snapshots.nic;
import static io.sriovagent.host.Snapshots.vf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.probe.PlatformProbe;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path hostRoot;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Duration> slept = new ArrayList<>();

    private static HostSnapshot healthy(long seconds, long vfPackets) {
        return host().at(seconds)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, cx4("7c4b:00:02.0", "enP31819s1")),
                        counters(vfPackets, 10)))
                .build();
    }

    private int run(Deque<HostSnapshot> snapshots, String... args) {
        ProbeOpener opener = settings -> new PlatformProbe() {
            @Override
            public HostSnapshot probe() {
                return snapshots.size() > 1 ? snapshots.poll() : snapshots.peek();
            }
        };
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), opener, slept::add);
        return cli.execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void healthyCheckExitsZeroAndWaitsOneWindow() {
        int status = run(new ArrayDeque<>(List.of(healthy(0, 1000), healthy(5, 6000))),
                "check", "--host-root", hostRoot.toString(), "--window", "5");

        assertEquals(0, status, stdout() + stderr());
        assertEquals(List.of(Duration.ofSeconds(5)), slept);
        assertTrue(stdout().startsWith("HEALTHY: 1 synthetic NIC(s), 1 with a working VF\n"), stdout());
        assertTrue(stdout().contains("eth0  00:0d:3a:12:34:56  1500  enP31819s1  7c4b:00:02.0"), stdout());
        assertTrue(stdout().contains("pass    datapath         eth0"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void unhealthyCheckExitsOneWithTheReasonOnTheFirstLine() {
        int status = run(new ArrayDeque<>(List.of(host().build())), "check", "--host-root", hostRoot.toString());

        assertEquals(1, status);
        String firstLine = stdout().lines().findFirst().orElseThrow();
        assertEquals("UNHEALTHY: vf_present: no Hyper-V synthetic NIC found: this is not an Azure VM, or its"
                + " synthetic NIC driver (hv_netvsc / netvsc) is not loaded", firstLine);
    }

    @Test
    void jsonFollowsTheContractShape() throws Exception {
        int status = run(new ArrayDeque<>(List.of(healthy(0, 1000), healthy(5, 6000))),
                "check", "--json", "--host-root", hostRoot.toString());

        assertEquals(0, status);
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertEquals("Healthy", json.get("verdict").asText());
        assertTrue(json.get("reasons").isArray() && json.get("reasons").isEmpty());
        assertEquals("linux", json.at("/host/os").asText());
        assertEquals("4.11.0-1013", json.at("/host/kernelMinimum").asText());
        JsonNode nic = json.at("/nics/0");
        assertEquals("eth0", nic.get("interface").asText());
        assertEquals("enP31819s1", nic.at("/vf/interface").asText());
        assertEquals("7c4b:00:02.0", nic.at("/vf/pciAddress").asText());
        assertEquals("15b3", nic.at("/vf/vendorId").asText());
        assertEquals("1016", nic.at("/vf/deviceId").asText());
        assertEquals("mlx5_core", nic.at("/vf/driver").asText());
        assertEquals(5.0, nic.at("/traffic/windowSeconds").asDouble());
        assertEquals(5000, nic.at("/traffic/vfPackets").asLong());
        assertEquals(0, nic.at("/traffic/syntheticPackets").asLong());
        assertEquals(1.0, nic.at("/traffic/vfShare").asDouble());
        JsonNode kernel = json.at("/checks/0");
        assertEquals("kernel_version", kernel.get("id").asText());
        assertFalse(kernel.has("interface"), "host-wide checks omit interface");
        assertEquals("warning", kernel.get("severity").asText());
        JsonNode present = json.at("/checks/1");
        assertEquals("vf_present", present.get("id").asText());
        assertEquals("eth0", present.get("interface").asText());
        assertEquals("pass", present.get("status").asText());
        assertEquals("critical", present.get("severity").asText());
    }

    @Test
    void nicWithoutVfHasNullVfAndNoTrafficBeforeAWindow() throws Exception {
        HostSnapshot noVf = host().nic(nic("eth0", ETH0_MAC, null, counters(0, 0))).build();

        run(new ArrayDeque<>(List.of(noVf)), "check", "--json", "--host-root", hostRoot.toString());

        JsonNode nic = new ObjectMapper().readTree(stdout()).at("/nics/0");
        assertTrue(nic.get("vf").isNull());
        assertTrue(nic.get("traffic").isNull(), "one snapshot twice has no window length");
        assertEquals(List.of("vf_present"), List.of(new ObjectMapper().readTree(stdout()).get("reasons").get(0)
                .asText()));
    }

    @Test
    void badFlagIsExitTwoWithOneLineOnStderr() {
        int status = run(new ArrayDeque<>(List.of(host().build())), "check", "--window", "soon");

        assertEquals(2, status);
        assertEquals("sriov-agent: --window: expected a number of seconds from 0.001 to a week (604800), got \"soon\"\n",
                stderr());
        assertEquals("", stdout());
    }

    @Test
    void unreadableHostRootIsExitTwo() {
        int status = run(new ArrayDeque<>(List.of(host().build())), "check", "--host-root",
                hostRoot.resolve("absent").toString());

        assertEquals(2, status);
        assertTrue(stderr().startsWith("sriov-agent: --host-root "), stderr());
        assertTrue(stderr().endsWith(": not a directory\n"), stderr());
    }

    @Test
    void noProbeForThisOperatingSystemIsExitTwo() {
        // the core module alone has no platform on its class path
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), ProbeOpener.serviceLoader(), slept::add);

        assertEquals(2, cli.execute("check", "--host-root", hostRoot.toString()));

        assertEquals("sriov-agent: this build has no probe for " + System.getProperty("os.name")
                + " (supported: Linux, Windows)\n", stderr());
    }

    @Test
    void internalErrorIsExitTwoWithoutStackTraceUnlessDebug() {
        ProbeOpener broken = settings -> {
            throw new IllegalStateException("boom");
        };
        Cli quiet = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), broken, slept::add);

        assertEquals(2, quiet.execute("check", "--host-root", hostRoot.toString()));
        assertEquals("sriov-agent: internal error: java.lang.IllegalStateException: boom\n", stderr());
        err.reset();
        assertEquals(2, quiet.execute("check", "--debug", "--host-root", hostRoot.toString()));
        assertTrue(stderr().contains("\tat "), "stack trace with --debug");
    }

    @Test
    void helpListsEveryOptionWithoutProbing() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"check", "--help"},
                new String[] {"help"})) {
            out.reset();
            assertEquals(0, run(new ArrayDeque<>(), args));
            assertTrue(stdout().startsWith("usage: sriov-agent [run]"), stdout());
            for (OptionSpec spec : OptionSpec.values()) {
                assertTrue(stdout().contains(spec.flag()), spec.flag() + " missing from help");
            }
        }
        assertTrue(slept.isEmpty());
    }

    @Test
    void unknownCommandAndVersion() {
        assertEquals(2, run(new ArrayDeque<>(), "frobnicate"));
        assertTrue(stderr().startsWith("sriov-agent: unknown command \"frobnicate\""), stderr());
        assertEquals(0, run(new ArrayDeque<>(), "version"));
        assertTrue(stdout().matches("sriov-agent \\d+\\.\\d+\\.\\d+.*\\n"), stdout());
    }
}
