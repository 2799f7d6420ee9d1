package io.sriovagent.cli;

import io.sriovagent.check.ExpectVf;
import io.sriovagent.daemon.ListenAddress;
import io.sriovagent.probe.ProbeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


class ConfigResolverTest {

    @TempDir
    Path dir;

    private AgentConfig resolve(Map<String, String> env, String... args) throws UsageException {
        return new ConfigResolver(env).resolve(List.of(args), true).config();
    }

    private String error(Map<String, String> env, String... args) {
        return assertThrows(UsageException.class, () -> resolve(env, args)).getMessage();
    }

    @Test
    void defaultsMatchTheContract() throws UsageException {
        AgentConfig config = resolve(Map.of());

        assertEquals(Path.of("/"), config.hostRoot());
        assertEquals(ProbeSettings.EthtoolSource.IOCTL, config.ethtool());
        assertEquals("ethtool", config.ethtoolCommand());
        assertEquals("lspci", config.lspciCommand());
        assertEquals(Duration.ofSeconds(5), config.interval());
        assertEquals(Duration.ofSeconds(5), config.window());
        assertEquals(Duration.ofSeconds(300), config.grace());
        assertEquals(ExpectVf.AUTO, config.expectVf());
        assertEquals(new ListenAddress("127.0.0.1", 9798), config.listen());
        assertNull(config.metricsListen());
        assertFalse(config.debug());
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException, UsageException {
        Path file = dir.resolve("agent.json");
        Files.writeString(file, """
                {"interval": 7, "grace": "60", "window": 2, "expect-vf": ["eth0", "eth1"], "debug": true}
                """);
        Map<String, String> env = Map.of("SRIOV_AGENT_CONFIG", file.toString(), "SRIOV_AGENT_INTERVAL", "8",
                "SRIOV_AGENT_GRACE", "90");

        AgentConfig config = resolve(env, "--interval", "9");

        assertEquals(Duration.ofSeconds(9), config.interval(), "flag");
        assertEquals(Duration.ofSeconds(90), config.grace(), "environment over file");
        assertEquals(Duration.ofSeconds(2), config.window(), "file over default");
        assertEquals(ExpectVf.parse("eth0,eth1"), config.expectVf(), "file list");
        assertTrue(config.debug(), "file boolean");
        assertEquals(Duration.ofSeconds(5), resolve(Map.of()).interval(), "default");
    }

    @Test
    void flagSyntaxVariants() throws UsageException {
        AgentConfig config = resolve(Map.of(), "--host-root=/host", "--ethtool", "command", "--debug",
                "--listen", "[::1]:0", "--metrics-listen=0.0.0.0:9100", "--window", "0.25");

        assertEquals(Path.of("/host"), config.hostRoot());
        assertEquals(ProbeSettings.EthtoolSource.COMMAND, config.ethtool());
        assertTrue(config.debug());
        assertEquals(new ListenAddress("::1", 0), config.listen());
        assertEquals("[::1]:0", config.listen().toString());
        assertEquals(new ListenAddress("0.0.0.0", 9100), config.metricsListen());
        assertEquals(Duration.ofMillis(250), config.window());
    }

    @Test
    void errorsNameTheOffendingFlagAndTheAcceptedValues() {
        assertTrue(error(Map.of(), "--intervall", "5").startsWith("unknown option --intervall (known: --host-root,"));
        assertEquals("--ethtool: expected ioctl or command, got \"netlink\"", error(Map.of(), "--ethtool", "netlink"));
        assertEquals("--interval: expected a number of seconds from 0.001 to a week (604800), got \"0\"",
                error(Map.of(), "--interval", "0"));
        assertEquals("--grace needs a value: --grace SECONDS", error(Map.of(), "--grace"));
        assertEquals("--interval: expected a number of seconds from 0.001 to a week (604800), got \"0.0001\"",
                error(Map.of(), "--interval", "0.0001"), "below a millisecond would become a zero-length timer");
        assertEquals("--listen: expected HOST:PORT with a port from 0 to 65535, got \"localhost:99999\"",
                error(Map.of(), "--listen", "localhost:99999"));
        assertEquals("SRIOV_AGENT_DATAPATH_MIN_VF_SHARE: expected a number from 0 to 1, got \"1.5\"",
                error(Map.of("SRIOV_AGENT_DATAPATH_MIN_VF_SHARE", "1.5")));
        assertTrue(error(Map.of(), "--expect-vf", "eth0,,eth1").startsWith("--expect-vf: expected auto, all or"));
        assertEquals("unexpected argument \"extra\" (options start with --; see --help)", error(Map.of(), "extra"));
    }

    @Test
    void badConfigFilesAreErrorsThatNameTheFileAndKey() throws IOException {
        Path missing = dir.resolve("missing.json");
        Path garbled = Files.writeString(dir.resolve("garbled.json"), "{ interval: ");
        Path unknownKey = Files.writeString(dir.resolve("unknown.json"), "{\"intervall\": 5}");
        Path badValue = Files.writeString(dir.resolve("bad.json"), "{\"grace\": \"soon\"}");
        Path notObject = Files.writeString(dir.resolve("array.json"), "[1]");

        assertTrue(error(Map.of(), "--config", missing.toString())
                .startsWith("config file " + missing + ": cannot read it: NoSuchFile"));
        assertTrue(error(Map.of(), "--config", garbled.toString()).startsWith("config file " + garbled
                + ": cannot read it"));
        assertTrue(error(Map.of(), "--config", unknownKey.toString())
                .startsWith("config file " + unknownKey + ": key \"intervall\" is not an option (known: host-root,"));
        assertEquals("config file " + badValue + ": key \"grace\": expected a number of seconds from 0 to a week"
                + " (604800), got \"soon\"", error(Map.of(), "--config", badValue.toString()));
        assertEquals("config file " + notObject + ": expected a JSON object of option names to values",
                error(Map.of(), "--config", notObject.toString()));
    }

    @Test
    void jsonIsOnlyACheckFlag() throws UsageException {
        assertTrue(new ConfigResolver(Map.of()).resolve(List.of("--json"), true).flags().json());
        UsageException run = assertThrows(UsageException.class,
                () -> new ConfigResolver(Map.of()).resolve(List.of("--json"), false));
        assertTrue(run.getMessage().startsWith("unknown option --json"));
    }

    @Test
    void everyOptionHasItsEnvironmentVariable() {
        for (OptionSpec spec : OptionSpec.values()) {
            assertEquals("SRIOV_AGENT_" + spec.optionName().toUpperCase().replace('-', '_'),
                    spec.environmentVariable());
        }
        assertEquals("SRIOV_AGENT_HOST_ROOT", OptionSpec.HOST_ROOT.environmentVariable());
    }
}
