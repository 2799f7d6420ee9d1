package io.sriovagent.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells systemd how the service is doing, the {@code sd_notify(3)} way: datagrams such as {@code READY=1} or
 * {@code WATCHDOG=1} sent to the socket named by {@code NOTIFY_SOCKET}.
 *
 * <ul>
 *   <li>Without {@code NOTIFY_SOCKET} the agent is not running under systemd (a terminal, Windows, a container):
 *       every method does nothing and returns {@code false}.</li>
 *   <li>Nothing here ever throws. A failure is logged once per distinct problem and the call returns
 *       {@code false}: a lost notification can cost a restart, a crash here would cost the verdict.</li>
 * </ul>
 *
 * <p>Child processes (lspci, ethtool) inherit {@code NOTIFY_SOCKET} because Java cannot unset a variable of its
 * own environment; the unit's {@code NotifyAccess=main} makes systemd ignore anything they might send.
 */
public final class SystemdNotifier {

    private static final Logger LOG = Logger.getLogger(SystemdNotifier.class.getName());

    private final Optional<NotifySocketAddress> socket;
    private final Optional<Duration> watchdogTimeout;
    private final DatagramSender sender;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** The notifier for this process, from its real environment. */
    public static SystemdNotifier fromEnvironment() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
    }

    /**
     * @param environment the variables systemd sets ({@code NOTIFY_SOCKET}, {@code WATCHDOG_USEC},
     *                    {@code WATCHDOG_PID})
     * @param ownPid      this process's id: a {@code WATCHDOG_PID} naming another process means the watchdog is
     *                    not ours to feed (a parent that exec'd us without clearing it)
     */
    public static SystemdNotifier fromEnvironment(Map<String, String> environment, long ownPid) {
        return new SystemdNotifier(environment.get("NOTIFY_SOCKET"),
                WatchdogTimeout.parse(environment.get("WATCHDOG_USEC"), environment.get("WATCHDOG_PID"), ownPid),
                LibcDatagramSender::new);
    }

    /** A notifier for the given socket ({@code /path} or {@code @abstract}), without a watchdog. */
    public static SystemdNotifier forSocket(String notifySocket) {
        return new SystemdNotifier(notifySocket, Optional.empty(), LibcDatagramSender::new);
    }

    SystemdNotifier(String notifySocket, Optional<Duration> watchdogTimeout, Supplier<DatagramSender> senders) {
        NotifySocketAddress.Parsed parsed = NotifySocketAddress.parse(notifySocket);
        parsed.problem().ifPresent(problem -> reportOnce("address", problem + "; systemd notifications are off"));
        DatagramSender created = null;
        if (parsed.address().isPresent()) {
            try {
                created = senders.get();
            } catch (RuntimeException | LinkageError e) {
                // JNA's native part missing or not loadable (e.g. a noexec temp directory): run without notify.
                reportOnce("sender", "cannot send systemd notifications (" + e + "); running without them");
            }
        }
        this.sender = created;
        this.socket = created == null ? Optional.empty() : parsed.address();
        this.watchdogTimeout = this.socket.isPresent() ? watchdogTimeout : Optional.empty();
    }

    /** Whether notifications go anywhere: started by systemd with a usable {@code NOTIFY_SOCKET}. */
    public boolean isActive() {
        return socket.isPresent();
    }

    /** {@code WATCHDOG_USEC}: how long systemd waits for a ping before it kills and restarts the service. */
    public Optional<Duration> watchdogTimeout() {
        return watchdogTimeout;
    }

    /** How often to send {@link #watchdog()}: half the timeout, as {@code sd_watchdog_enabled(3)} advises. */
    public Optional<Duration> watchdogPingInterval() {
        return watchdogTimeout.map(timeout -> timeout.dividedBy(2));
    }

    /** Start-up is complete (for the agent: the first verdict exists); {@code status} is shown by systemctl. */
    public boolean ready(String status) {
        return send("READY=1\nSTATUS=" + oneLine(status));
    }

    public boolean ready() {
        return send("READY=1");
    }

    /** The main loop is alive. */
    public boolean watchdog() {
        return send("WATCHDOG=1");
    }

    /** Shutdown has begun: systemd stops counting the watchdog and shows "deactivating". */
    public boolean stopping() {
        return send("STOPPING=1");
    }

    /** Free-form one-line status, shown by {@code systemctl status}. */
    public boolean status(String status) {
        return send("STATUS=" + oneLine(status));
    }

    private boolean send(String message) {
        if (socket.isEmpty()) {
            return false;
        }
        try {
            sender.send(socket.get(), message.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            reportOnce(String.valueOf(e.getMessage()), "systemd notification failed: " + e.getMessage()
                    + " (reported once per distinct error)");
            return false;
        }
    }

    /** The protocol is newline-separated assignments: a status with a newline would start a new one. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
    }

    private void reportOnce(String key, String message) {
        if (reported.add(key)) {
            LOG.log(Level.WARNING, message);
        }
    }

    /** Parsing of the watchdog variables, kept pure so its edge cases are testable. */
    static final class WatchdogTimeout {
        private WatchdogTimeout() {
        }

        static Optional<Duration> parse(String usec, String pid, long ownPid) {
            if (usec == null || usec.isBlank()) {
                return Optional.empty();
            }
            if (pid != null && !pid.isBlank() && !pid.strip().equals(Long.toString(ownPid))) {
                return Optional.empty();
            }
            try {
                long micros = Long.parseLong(usec.strip());
                return micros > 0 ? Optional.of(Duration.ofNanos(Math.multiplyExact(micros, 1000L)))
                        : Optional.empty();
            } catch (NumberFormatException | ArithmeticException e) {
                LOG.log(Level.WARNING, "WATCHDOG_USEC=" + usec + " is not a number of microseconds; "
                        + "running as if no watchdog were set");
                return Optional.empty();
            }
        }
    }
}
