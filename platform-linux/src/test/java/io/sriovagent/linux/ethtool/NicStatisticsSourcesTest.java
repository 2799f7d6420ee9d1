package io.sriovagent.linux.ethtool;

import static io.sriovagent.linux.ethtool.EthtoolScripts.replaying;
import static io.sriovagent.linux.ethtool.EthtoolScripts.script;
import static io.sriovagent.linux.ethtool.EthtoolScripts.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.sriovagent.probe.ProbeSettings;
import io.sriovagent.probe.ProbeSettings.EthtoolSource;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the source, and the one-time fall back from the ioctl to the command. */
class NicStatisticsSourcesTest {

    private static final String SAMPLE = HexBuffers.printed("netvsc-wsl2-ethtool-S.txt");

    @TempDir
    Path dir;

    private final Logger logger = Logger.getLogger(FallbackStatisticsSource.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean parentHandlers;

    @BeforeEach
    void captureLog() {
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(parentHandlers);
    }

    private List<LogRecord> warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
    }

    private ProbeSettings ioctlSettings(Path ethtool) {
        return settings(EthtoolSource.IOCTL, ethtool, Duration.ofSeconds(10));
    }

    /** A C library whose calls fail the way {@code socketErrno}/{@code ioctlErrno} say, recording closes. */
    private static final class FailingLibc implements LinuxLibc {
        final int socketErrno;
        final int ioctlErrno;
        final List<Integer> closed = new ArrayList<>();

        FailingLibc(int socketErrno, int ioctlErrno) {
            this.socketErrno = socketErrno;
            this.ioctlErrno = ioctlErrno;
        }

        @Override
        public int socket(int domain, int type, int protocol) {
            if (socketErrno != 0) {
                throw new LastErrorException(socketErrno);
            }
            return 9;
        }

        @Override
        public int ioctl(int fd, NativeLong request, Pointer argp) {
            throw new LastErrorException(ioctlErrno);
        }

        @Override
        public int close(int fd) {
            closed.add(fd);
            return 0;
        }
    }

    private void assertFellBackOnce(NicStatisticsSource source, String why) {
        for (int i = 0; i < 4; i++) {
            NicStatistics stats = source.read("eth0");
            assertEquals(NicStatistics.Outcome.READ, stats.outcome(), stats.detail());
            assertEquals(EthtoolStatsParser.parse(SAMPLE).values(), stats.values());
            assertEquals("command", source.name());
        }
        List<LogRecord> warnings = warnings();
        assertEquals(1, warnings.size(), "one warning over four reads: " + logged);
        String message = warnings.get(0).getMessage();
        assertTrue(message.contains(why), message);
        assertTrue(message.contains("'command' source"), message);
    }

    @Test
    void noCLibraryFallsBackToTheCommandOnce() {
        Supplier<LinuxLibc> noLibc = () -> {
            throw new UnsatisfiedLinkError("Unable to load library 'c'");
        };

        try (NicStatisticsSource source = NicStatisticsSources.open(ioctlSettings(replaying(dir, "eth0", SAMPLE)), noLibc)) {
            assertEquals("ioctl", source.name(), "nothing decided before the first read");
            assertFellBackOnce(source, "cannot load the C library through JNA");
        }
    }

    @Test
    void noSocketFallsBackToTheCommandOnce() {
        FailingLibc libc = new FailingLibc(Errno.EACCES, 0);

        try (NicStatisticsSource source = NicStatisticsSources.open(ioctlSettings(replaying(dir, "eth0", SAMPLE)),
                () -> libc)) {
            assertFellBackOnce(source, "cannot open an AF_INET socket for the ioctl: EACCES (13)");
        }
    }

    @Test
    void aKernelRefusingTheIoctlFallsBackAndReleasesTheSocket() {
        FailingLibc libc = new FailingLibc(0, Errno.ENOTTY);

        try (NicStatisticsSource source = NicStatisticsSources.open(ioctlSettings(replaying(dir, "eth0", SAMPLE)),
                () -> libc)) {
            assertFellBackOnce(source, "ENOTTY (25)");
            assertEquals(List.of(9), libc.closed, "the ioctl socket is closed when the command takes over");
        }
    }

    @Test
    void perInterfaceErrorsOfTheRealIoctlDoNotFallBack() {
        assumeTrue(Files.exists(Path.of("/sys/class/net/lo")), "needs a Linux kernel");
        Path marker = dir.resolve("ethtool-ran");
        Path ethtool = script(dir, "ethtool", "touch '" + marker + "'; exit 1");

        try (NicStatisticsSource source = NicStatisticsSources.open(ioctlSettings(ethtool))) {
            assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, source.read("lo").outcome());
            NicStatistics absent = source.read("satnone0");
            assertEquals(NicStatistics.Outcome.FAILED, absent.outcome());
            assertTrue(absent.detail().startsWith("interface vanished"), absent.detail());
            assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, source.read("lo").outcome());
            assertEquals("ioctl", source.name());
        }
        assertFalse(Files.exists(marker), "the command was never run");
        assertTrue(logged.isEmpty(), logged.toString());
    }

    @Test
    void aRefusalAfterTheIoctlHasWorkedIsThatReadsFailure() {
        ScriptedChannel kernel = new ScriptedChannel()
                .reply(HexBuffers.resource("virtio-eth0-gsset-info.hex"))
                .reply(HexBuffers.resource("virtio-eth0-gstrings.hex"))
                .reply(HexBuffers.resource("virtio-eth0-gstats.hex"))
                .fail(Errno.EPERM);
        List<String> fallbacksMade = new ArrayList<>();
        FallbackStatisticsSource source = new FallbackStatisticsSource(
                new IoctlStatisticsSource(kernel, ByteOrder.LITTLE_ENDIAN), () -> {
                    fallbacksMade.add("command");
                    return new CommandStatisticsSource(settings(EthtoolSource.COMMAND, dir.resolve("none"),
                            Duration.ofSeconds(1)));
                });

        assertEquals(NicStatistics.Outcome.READ, source.read("eth0").outcome());
        NicStatistics refused = source.read("eth0");

        assertEquals(NicStatistics.Outcome.FAILED, refused.outcome());
        assertTrue(refused.detail().contains("EPERM (1)"), refused.detail());
        assertEquals("ioctl", source.name());
        assertTrue(fallbacksMade.isEmpty());
        assertTrue(logged.isEmpty(), logged.toString());
    }

    @Test
    void theCommandSettingUsesTheCommandOnly() {
        ProbeSettings settings = settings(EthtoolSource.COMMAND, replaying(dir, "eth0", SAMPLE), Duration.ofSeconds(10));

        try (NicStatisticsSource source = NicStatisticsSources.open(settings)) {
            assertInstanceOf(CommandStatisticsSource.class, source);
            assertEquals("command", source.name());
            assertEquals(12301L, source.read("eth0").value("tx_queue_0_packets").getAsLong());
        }
    }
}
