package io.sriovagent.linux.ethtool;

import static io.sriovagent.linux.ethtool.EthtoolScripts.replaying;
import static io.sriovagent.linux.ethtool.EthtoolScripts.script;
import static io.sriovagent.linux.ethtool.EthtoolScripts.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.probe.ProbeSettings.EthtoolSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ethtool -S} run for real, with scripts standing in for ethtool. */
class CommandStatisticsSourceTest {

    @TempDir
    Path dir;

    private NicStatistics run(Path ethtool, String iface) {
        try (CommandStatisticsSource source = new CommandStatisticsSource(
                settings(EthtoolSource.COMMAND, ethtool, Duration.ofSeconds(10)))) {
            return source.read(iface);
        }
    }

    @Test
    void replaysTheNetvscSample() {
        String sample = HexBuffers.printed("netvsc-wsl2-ethtool-S.txt");

        NicStatistics stats = run(replaying(dir, "eth0", sample), "eth0");

        assertEquals(NicStatistics.Outcome.READ, stats.outcome(), stats.detail());
        assertEquals(EthtoolStatsParser.parse(sample).values(), stats.values());
        assertEquals(12301L, stats.value("tx_queue_0_packets").getAsLong());
        assertEquals(0L, stats.value("vf_tx_dropped").getAsLong());
    }

    @Test
    void anAbsentExecutableFails() {
        NicStatistics stats = run(dir.resolve("no-such-ethtool"), "eth0");

        assertEquals(NicStatistics.Outcome.FAILED, stats.outcome());
        assertTrue(stats.detail().contains("no-such-ethtool is not installed or cannot be run"), stats.detail());
        assertFalse(stats.detail().contains("\n"), stats.detail());
    }

    @Test
    void aHangingCommandIsStoppedAtTheSettingsTimeout() {
        Path hanging = script(dir, "ethtool", "exec sleep 60");
        CommandStatisticsSource source = new CommandStatisticsSource(
                settings(EthtoolSource.COMMAND, hanging, Duration.ofMillis(300)));

        NicStatistics stats = source.read("eth0");

        assertEquals(NicStatistics.Outcome.FAILED, stats.outcome());
        assertEquals(hanging + " did not finish in time and was stopped", stats.detail());
    }

    @Test
    void garbageFails() {
        Path garbage = script(dir, "ethtool", "printf 'Segmentation fault\\n\\001\\002\\033[0m binary\\n'");

        NicStatistics stats = run(garbage, "eth0");

        assertEquals(NicStatistics.Outcome.FAILED, stats.outcome());
        assertTrue(stats.detail().startsWith("ethtool output has no statistics"), stats.detail());
        assertFalse(stats.detail().chars().anyMatch(Character::isISOControl), stats.detail());
    }

    @Test
    void noStatsAvailableIsNotSupported() {
        // what ethtool does for lo: message on stderr, exit status 94
        Path noStats = script(dir, "ethtool", "echo 'no stats available' >&2; exit 94");

        NicStatistics stats = run(noStats, "lo");

        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, stats.outcome());
        assertEquals("the driver has no statistics (ethtool: no stats available)", stats.detail());
    }

    @Test
    void noStatsAvailableOnStandardOutputIsNotSupportedToo() {
        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED,
                run(script(dir, "ethtool", "echo 'no stats available'"), "lo").outcome());
    }

    @Test
    void operationNotSupportedIsNotSupported() {
        Path unsupported = script(dir, "ethtool",
                "echo 'Cannot get stats information: Operation not supported' >&2; exit 95");

        NicStatistics stats = run(unsupported, "eth0");

        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, stats.outcome());
        assertTrue(stats.detail().contains("Operation not supported"), stats.detail());
    }

    @Test
    void noSuchDeviceFails() {
        Path vanished = script(dir, "ethtool",
                "echo 'Cannot get stats strings information: No such device' >&2; exit 1");

        NicStatistics stats = run(vanished, "enP31819s1");

        assertEquals(NicStatistics.Outcome.FAILED, stats.outcome());
        assertEquals("interface vanished: " + vanished
                + " exited with status 1: Cannot get stats strings information: No such device", stats.detail());
    }

    @Test
    void otherNonZeroExitsFailWithTheirMessage() {
        Path failing = script(dir, "ethtool", "echo 'Cannot get driver information: Input/output error' >&2; exit 71");

        NicStatistics stats = run(failing, "eth0");

        assertEquals(NicStatistics.Outcome.FAILED, stats.outcome());
        assertTrue(stats.detail().endsWith("exited with status 71: Cannot get driver information: Input/output error"),
                stats.detail());
    }

    @Test
    void anInvalidInterfaceNameIsNeverPassedToTheCommand() {
        Path marker = dir.resolve("ran");
        Path recording = script(dir, "ethtool", "touch '" + marker + "'");

        NicStatistics stats = run(recording, "eth0 --flash");

        assertEquals(NicStatistics.Outcome.FAILED, stats.outcome());
        assertTrue(stats.detail().contains("contains '/', ':', NUL or whitespace"), stats.detail());
        assertFalse(Files.exists(marker));
    }
}
