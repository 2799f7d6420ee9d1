package io.sriovagent.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SystemdNotifierTest {

    private final List<String> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger(SystemdNotifier.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        logger.removeHandler(capture);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void sendsReadyWithStatusToAPathSocket(@TempDir Path dir) {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(parse(path))) {
            SystemdNotifier notifier = SystemdNotifier.forSocket(path);

            assertTrue(notifier.isActive());
            assertTrue(notifier.ready("Healthy: 1 NIC, VF enP31819s1 on eth0"));

            assertEquals("READY=1\nSTATUS=Healthy: 1 NIC, VF enP31819s1 on eth0", systemd.poll());
            assertNull(systemd.poll(), "exactly one datagram per call");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void sendsEveryMessageKindToAnAbstractSocket() {
        String name = "@sriov-agent-test-" + UUID.randomUUID();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(parse(name))) {
            SystemdNotifier notifier = SystemdNotifier.forSocket(name);

            assertTrue(notifier.ready());
            assertTrue(notifier.watchdog());
            assertTrue(notifier.status("Unhealthy: vf_present:eth0"));
            assertTrue(notifier.stopping());

            assertEquals("READY=1", systemd.poll());
            assertEquals("WATCHDOG=1", systemd.poll());
            assertEquals("STATUS=Unhealthy: vf_present:eth0", systemd.poll());
            assertEquals("STOPPING=1", systemd.poll());
            assertNull(systemd.poll());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void abstractNameIsNotTheSameAddressAsAPathWithThatName(@TempDir Path dir) {
        // "@x" must reach the abstract socket "\0x", never a file called "@x" in the working directory.
        String name = "@sriov-agent-test-" + UUID.randomUUID();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(parse(name))) {
            assertFalse(SystemdNotifier.forSocket(dir.resolve(name.substring(1)).toString()).ready());
            assertNull(systemd.poll());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aStatusCannotInjectASecondAssignment(@TempDir Path dir) {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(parse(path))) {
            SystemdNotifier.forSocket(path).status("two\nlines\r\nREADY=1");

            assertEquals("STATUS=two lines READY=1", systemd.poll());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aSocketNobodyListensOnFailsQuietlyAndIsLoggedOnce(@TempDir Path dir) {
        SystemdNotifier notifier = SystemdNotifier.forSocket(dir.resolve("gone").toString());

        assertFalse(notifier.watchdog());
        assertFalse(notifier.watchdog());
        assertFalse(notifier.ready());

        assertEquals(1, logged.size(), () -> "logged: " + logged);
        assertTrue(logged.get(0).contains("errno 2"), logged.get(0)); // ENOENT
    }

    @Test
    void withoutNotifySocketNothingIsSentAndNoNativeCodeIsLoaded() {
        SystemdNotifier notifier = new SystemdNotifier(null, Optional.of(Duration.ofSeconds(60)), () -> {
            fail("the sender must not be created outside systemd");
            return null;
        });

        assertFalse(notifier.isActive());
        assertFalse(notifier.ready("x"));
        assertFalse(notifier.watchdog());
        assertFalse(notifier.stopping());
        assertEquals(Optional.empty(), notifier.watchdogPingInterval(), "no watchdog to feed outside systemd");
        assertTrue(logged.isEmpty());
    }

    @Test
    void environmentWithoutNotifySocketIsInactive() {
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("WATCHDOG_USEC", "60000000"), 42);

        assertFalse(notifier.isActive());
        assertEquals(Optional.empty(), notifier.watchdogTimeout());
    }

    @Test
    void environmentGivesTheWatchdogTimeoutAndHalfOfItAsPingInterval() {
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(
                Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "60000000", "WATCHDOG_PID", "42"),
                42);

        assertTrue(notifier.isActive());
        assertEquals(Optional.of(Duration.ofSeconds(60)), notifier.watchdogTimeout());
        assertEquals(Optional.of(Duration.ofSeconds(30)), notifier.watchdogPingInterval());
    }

    @Test
    void aWatchdogMeantForAnotherProcessIsIgnored() {
        assertEquals(Optional.empty(), SystemdNotifier.WatchdogTimeout.parse("60000000", "41", 42));
        assertEquals(Optional.of(Duration.ofSeconds(60)), SystemdNotifier.WatchdogTimeout.parse("60000000", null, 42));
    }

    @Test
    void garbledOrZeroWatchdogMeansNone() {
        assertEquals(Optional.empty(), SystemdNotifier.WatchdogTimeout.parse("soon", null, 1));
        assertEquals(Optional.empty(), SystemdNotifier.WatchdogTimeout.parse("0", null, 1));
        assertEquals(Optional.empty(), SystemdNotifier.WatchdogTimeout.parse("-5", null, 1));
        assertEquals(Optional.empty(), SystemdNotifier.WatchdogTimeout.parse("99999999999999999999", null, 1));
        assertEquals(Optional.of(Duration.ofMillis(1500)), SystemdNotifier.WatchdogTimeout.parse(" 1500000 ", "", 1));
    }

    @Test
    void anUnusableAddressTurnsNotificationsOffWithOneWarning() {
        SystemdNotifier notifier = new SystemdNotifier("vsock:2:1234", Optional.empty(), () -> {
            fail("no sender for an unusable address");
            return null;
        });

        assertFalse(notifier.isActive());
        assertFalse(notifier.ready());
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).contains("vsock:2:1234"), logged.get(0));
    }

    @Test
    void aSenderThatCannotLoadTurnsNotificationsOff() {
        SystemdNotifier notifier = new SystemdNotifier("/run/systemd/notify", Optional.of(Duration.ofSeconds(60)),
                () -> {
                    throw new UnsatisfiedLinkError("libjnidispatch.so: failed to map segment");
                });

        assertFalse(notifier.isActive());
        assertFalse(notifier.watchdog());
        assertEquals(Optional.empty(), notifier.watchdogPingInterval(), "a watchdog we cannot feed is not offered");
        assertEquals(1, logged.size());
    }

    @Test
    void aSenderFailingWithDifferentErrorsLogsEachOnce() {
        List<String> errors = new ArrayList<>(List.of("errno 111", "errno 111", "errno 11", "errno 111"));
        SystemdNotifier notifier = new SystemdNotifier("@x", Optional.empty(), () -> (to, payload) -> {
            throw new IOException(errors.remove(0));
        });

        for (int i = 0; i < 4; i++) {
            assertFalse(notifier.watchdog());
        }

        assertEquals(2, logged.size(), () -> "logged: " + logged);
    }

    @Test
    void aSenderThrowingUncheckedIsContained() {
        SystemdNotifier notifier = new SystemdNotifier("@x", Optional.empty(), () -> (to, payload) -> {
            throw new IllegalStateException("boom");
        });

        assertFalse(notifier.ready());
        assertEquals(1, logged.size());
    }

    private static NotifySocketAddress parse(String value) {
        return NotifySocketAddress.parse(value).address().orElseThrow();
    }
}
