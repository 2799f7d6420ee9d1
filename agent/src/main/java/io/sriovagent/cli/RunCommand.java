package io.sriovagent.cli;

import io.sriovagent.AgentVersion;
import io.sriovagent.check.Verdict;
import io.sriovagent.daemon.Daemon;
import io.sriovagent.daemon.DaemonSettings;
import io.sriovagent.daemon.HttpLimits;
import io.sriovagent.daemon.PublishedState;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.systemd.SystemdNotifier;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * {@code sriov-agent run}: starts the daemon and keeps it until SIGTERM/SIGINT, then stops it in order (probing
 * first, then the listeners after draining in-flight requests) and returns exit status 0. A listener that cannot
 * bind is a configuration problem: exit status 2 with one line naming the address. Under systemd
 * ({@code Type=notify}) it reports READY=1 once it serves, feeds the watchdog after every probe and keeps the
 * status line on the verdict.
 */
final class RunCommand {

    private static final Logger LOG = Logger.getLogger(RunCommand.class.getName());
    /** "Exit within a few seconds": systemd's default stop timeout is 90 s, the SCM's 20 s. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final ProbeOpener probes;
    private final Consumer<Runnable> stopRequests;
    private final SystemdNotifier systemd;

    /**
     * @param probes       opens the platform probe
     * @param stopRequests registers the action that asks the daemon to stop (signal handlers in the process)
     */
    RunCommand(ProbeOpener probes, Consumer<Runnable> stopRequests) {
        this(probes, stopRequests, SystemdNotifier.fromEnvironment());
    }

    /** @param systemd the service manager's notification channel (inactive outside systemd) */
    RunCommand(ProbeOpener probes, Consumer<Runnable> stopRequests, SystemdNotifier systemd) {
        this.probes = probes;
        this.stopRequests = stopRequests;
        this.systemd = systemd;
    }

    int run(AgentConfig config) throws UsageException, InterruptedException {
        PlatformProbe probe = probes.open(config.probeSettings());
        Daemon daemon = new Daemon(settings(config), probe);
        CountDownLatch stopRequested = new CountDownLatch(1);
        stopRequests.accept(stopRequested::countDown);
        Thread hook = new Thread(daemon::stop, "sriov-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        LOG.info("sriov-agent " + AgentVersion.current() + " probing " + config.hostRoot() + " every "
                + seconds(config.interval()) + " (grace " + seconds(config.grace()) + ", flap limit "
                + config.flapLimit() + " per hour, expect-vf " + config.expectVf() + ")");
        warnIfTheWatchdogIsShorterThanTheInterval(config.interval());
        ServiceStatus status = new ServiceStatus(systemd);
        daemon.afterEachCycle(status::afterCycle);
        CompletableFuture<Void> listening = daemon.start();
        // Off the event loop: the notification is a socket send, which could block when systemd is slow to read.
        listening.whenCompleteAsync((ignored, failure) -> {
            if (failure != null) {
                stopRequested.countDown();
            } else {
                status.ready(daemon.current(), "http://" + config.listen().withPort(daemon.port()));
            }
        });
        stopRequested.await();
        systemd.stopping();
        daemon.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook has run or runs the (idempotent) stop itself.
        }
        Daemon.ListenException bindFailure = bindFailure(listening);
        if (bindFailure != null) {
            throw new UsageException(bindFailure.getMessage());
        }
        LOG.info("stopped");
        return ExitCode.HEALTHY;
    }

    /** The reason the listeners could not open, or null when they did (or the stop came first). */
    private static Daemon.ListenException bindFailure(CompletableFuture<Void> listening) {
        try {
            listening.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Daemon.ListenException failure ? failure : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void warnIfTheWatchdogIsShorterThanTheInterval(Duration interval) {
        systemd.watchdogPingInterval().filter(ping -> ping.compareTo(interval) < 0).ifPresent(ping -> LOG.warning(
                "probing every " + seconds(interval) + ", but systemd's watchdog (WatchdogSec=) expects a sign of"
                        + " life every " + seconds(ping) + ": raise WatchdogSec to more than twice the interval"));
    }

    /**
     * What the service manager hears: READY=1 once the listeners serve, then a watchdog ping after every probe
     * cycle (the probe loop is alive), and the status line whenever the verdict changes.
     */
    static final class ServiceStatus {
        private final SystemdNotifier systemd;
        private volatile String where;
        private volatile String lastStatus;

        ServiceStatus(SystemdNotifier systemd) {
            this.systemd = systemd;
        }

        void ready(PublishedState state, String url) {
            where = url;
            lastStatus = text(state, url);
            systemd.ready(lastStatus);
        }

        void afterCycle(PublishedState state) {
            if (systemd.watchdogTimeout().isPresent()) {
                systemd.watchdog();
            }
            String url = where;
            if (state == null || url == null) {
                return;
            }
            String now = text(state, url);
            if (!now.equals(lastStatus)) {
                lastStatus = now;
                systemd.status(now);
            }
        }

        /** {@code Unhealthy (vf_present:eth1), serving http://127.0.0.1:9798} */
        static String text(PublishedState state, String url) {
            Verdict verdict = state.verdict();
            return verdict.applicationHealthState()
                    + (verdict.reasons().isEmpty() ? "" : " (" + String.join(", ", verdict.reasons()) + ")")
                    + ", serving " + url;
        }
    }

    static DaemonSettings settings(AgentConfig config) {
        return new DaemonSettings(config.interval(), config.grace(), config.flapLimit(), config.expectVf(),
                config.datapath(),
                config.listen(), config.metricsListen(),
                HttpLimits.DEFAULTS, SHUTDOWN_TIMEOUT, System::nanoTime, AgentVersion.current());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
