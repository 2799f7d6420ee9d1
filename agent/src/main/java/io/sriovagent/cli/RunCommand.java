package io.sriovagent.cli;

import io.sriovagent.AgentVersion;
import io.sriovagent.daemon.Daemon;
import io.sriovagent.daemon.DaemonSettings;
import io.sriovagent.daemon.HttpLimits;
import io.sriovagent.daemon.ListenAddress;
import io.sriovagent.probe.PlatformProbe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * {@code sriov-agent run}: starts the daemon and keeps it until SIGTERM/SIGINT, then stops it in order (probing
 * first, then the listeners after draining in-flight requests) and returns exit status 0. A listener that cannot
 * bind is a configuration problem: exit status 2 with one line naming the address.
 */
final class RunCommand {

    private static final Logger LOG = Logger.getLogger(RunCommand.class.getName());
    /** "Exit within a few seconds": systemd's default stop timeout is 90 s, the SCM's 20 s. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final ProbeOpener probes;
    private final Consumer<Runnable> stopRequests;

    /**
     * @param probes       opens the platform probe
     * @param stopRequests registers the action that asks the daemon to stop (signal handlers in the process)
     */
    RunCommand(ProbeOpener probes, Consumer<Runnable> stopRequests) {
        this.probes = probes;
        this.stopRequests = stopRequests;
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
        CompletableFuture<Void> listening = daemon.start();
        listening.whenComplete((ignored, failure) -> {
            if (failure != null) {
                stopRequested.countDown();
            }
        });
        stopRequested.await();
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

    static DaemonSettings settings(AgentConfig config) {
        HostPort metrics = config.metricsListen();
        return new DaemonSettings(config.interval(), config.grace(), config.flapLimit(), config.expectVf(),
                config.datapath(),
                new ListenAddress(config.listen().host(), config.listen().port()),
                metrics == null ? null : new ListenAddress(metrics.host(), metrics.port()),
                HttpLimits.DEFAULTS, SHUTDOWN_TIMEOUT, System::nanoTime, AgentVersion.current());
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
