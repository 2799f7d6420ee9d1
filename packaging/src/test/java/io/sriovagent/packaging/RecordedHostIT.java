package io.sriovagent.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, run on the built jar: the recorded Azure host replays to a full healthy report,
 * and the live check on this (non-Azure) machine ends with exit 1 and a one-line explanation.
 */
class RecordedHostIT {

    private static final Path JAR = Path.of("target", "sriov-agent.jar").toAbsolutePath();
    private static final Path REPLAY = Path.of("recorded", "azure-cx5-gen2", "replay").toAbsolutePath();

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sriov-it", ".out");
        Path err = Files.createTempFile("sriov-it", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("SRIOV_AGENT_JAR", JAR.toString());
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void recordedAzureHostReplaysToAHealthyReport() throws Exception {
        Run run = run(List.of(REPLAY.toString(), "check", "--window", "2"));

        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertEquals("HEALTHY: 2 synthetic NIC(s), 2 with a working VF", run.stdout().lines().findFirst().orElseThrow());
        assertTrue(run.stdout().contains("eth0  7c:1e:52:25:55:d2  1500  enP37498s1  927a:00:02.0  ConnectX-5 Virtual"
                + " Function  mlx5_core  up"), run.stdout());
        assertTrue(run.stdout().contains("pass    datapath         eth1          99."), run.stdout());
        assertEquals("", run.stderr());
    }

    @Test
    void recordedAzureHostJsonCarriesTrafficOnTheVfs() throws Exception {
        Run run = run(List.of(REPLAY.toString(), "check", "--json", "--window", "2"));

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode json = new ObjectMapper().readTree(run.stdout());
        assertEquals("Healthy", json.get("verdict").asText());
        for (JsonNode nic : json.get("nics")) {
            assertTrue(nic.at("/traffic/vfPackets").asLong() > 0, nic.toString());
            assertTrue(nic.at("/traffic/vfShare").asDouble() > 0.99, nic.toString());
        }
        assertEquals("6.8.0-1029-azure", json.at("/host/kernel").asText());
    }

    @Test
    void aDirectoryThatIsNotAHostRootIsExitTwoWithTheReason() throws Exception {
        Path empty = Files.createTempDirectory("not-a-host");
        try {
            Run run = run(List.of("java", "-jar", JAR.toString(), "check", "--host-root", empty.toString()));

            assertEquals(2, run.exitCode(), run.stdout() + run.stderr());
            assertEquals("sriov-agent: --host-root " + empty + ": no sys/class/net under it (is /sys mounted there?)\n",
                    run.stderr());
            assertEquals("", run.stdout());
        } finally {
            Files.delete(empty);
        }
    }

    @Test
    void liveCheckOnThisNonAzureMachineExplainsInOneLine() throws Exception {
        Assumptions.assumeFalse(Files.isDirectory(Path.of("/sys/bus/vmbus/drivers/hv_netvsc")),
                "this machine is a Hyper-V/Azure VM: the live verdict is its own, not the non-Azure explanation");
        Run run = run(List.of("java", "-jar", JAR.toString(), "check", "--window", "1"));

        assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
        assertEquals("UNHEALTHY: vf_present: no Hyper-V synthetic NIC found: this is not an Azure VM, or its synthetic"
                + " NIC driver (hv_netvsc / netvsc) is not loaded", run.stdout().lines().findFirst().orElseThrow());
        assertEquals("", run.stderr(), "no warnings, no stack trace");
    }
}
