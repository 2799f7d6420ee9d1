package io.sriovagent.daemon;

import io.sriovagent.check.Evaluator;
import io.sriovagent.metrics.SriovMetrics;
import io.sriovagent.probe.PlatformProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code sriov-agent run}: probes every interval on a dedicated thread, publishes one immutable state per probe, and
 * serves it over HTTP from a single Vert.x event loop.
 *
 * <p>The probe runs on its own thread ({@code sriov-probe}), never on the event loop nor on a shared worker pool, so
 * a slow or hung probe (a stuck sysfs read, an ethtool that never returns) cannot delay an HTTP answer: handlers only
 * read the last published state. A tick that finds the previous probe still running is skipped. The listeners open
 * after the first probe is published, so {@code /health} is never answered without a verdict.
 */
public final class Daemon {

    private static final Logger LOG = Logger.getLogger(Daemon.class.getName());

    private final DaemonSettings settings;
    private final PlatformProbe probe;
    private final ProbeCycle cycle;
    private final SriovMetrics metrics;
    private final AtomicReference<PublishedState> published = new AtomicReference<>();
    private final CompletableFuture<Void> listening = new CompletableFuture<>();
    private final AtomicBoolean cycleRunning = new AtomicBoolean();
    private final AtomicBoolean overrunReported = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean listenersRequested = new AtomicBoolean();
    /** The failure last logged by the probe thread, so a failure repeating every probe is logged once. */
    private String lastCycleFailure;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService probeThread;
    private final Vertx vertx;
    private volatile long cycleStartedNanos;
    private volatile long timerId = -1;
    private volatile Consumer<PublishedState> afterEachCycle = state -> { };

    public Daemon(DaemonSettings settings, PlatformProbe probe) {
        this.settings = settings;
        this.probe = probe;
        this.metrics = new SriovMetrics(settings.agentVersion(), settings.thresholds());
        this.cycle = new ProbeCycle(probe, new Evaluator(settings.expectVf(), settings.thresholds()),
                new HealthPolicy(settings.grace(), settings.flapLimit(), settings.monotonicNanos()), metrics,
                settings.monotonicNanos());
        this.probeThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sriov-probe");
            // A probe stuck in a read must not keep the JVM alive once shutdown has given up on it.
            thread.setDaemon(true);
            return thread;
        });
        // One event loop serves every connection; the probe has its own thread, so Vert.x needs next to no workers.
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setBlockedThreadCheckInterval(5_000));
    }

    /**
     * Probes once at once and then every interval; the listeners open when the first probe is published.
     *
     * @return completes when every listener is bound, or exceptionally when one cannot bind
     */
    public CompletableFuture<Void> start() {
        startCycle();
        timerId = vertx.setPeriodic(settings.interval().toMillis(), id -> tick());
        return listening;
    }

    /** Probes now, queued behind a running probe; completes with the state it published. */
    public CompletableFuture<PublishedState> probeNow() {
        return CompletableFuture.supplyAsync(() -> {
            runCycle();
            return published.get();
        }, probeThread);
    }

    /**
     * Called on the probe thread after every probe cycle, whether it published a new state or failed and kept the
     * previous one, with the current state (null until the first probe has been published): the probe loop is
     * alive. For the service manager's watchdog and status line. Set it before {@link #start()}.
     */
    public void afterEachCycle(Consumer<PublishedState> listener) {
        this.afterEachCycle = Objects.requireNonNull(listener, "listener");
    }

    /** The last published state; null before the first probe. */
    public PublishedState current() {
        return published.get();
    }

    /** The bound port of the main listener (useful with port 0); -1 before it listens. */
    public int port() {
        synchronized (servers) {
            return servers.isEmpty() ? -1 : servers.get(0).actualPort();
        }
    }

    /** The bound port of the {@code /metrics}-only listener; -1 when there is none. */
    public int metricsPort() {
        synchronized (servers) {
            return servers.size() < 2 ? -1 : servers.get(1).actualPort();
        }
    }

    /** Meters in the registry, for leak checks. */
    public int meterCount() {
        return metrics.meterCount();
    }

    /**
     * Stops probing, lets in-flight requests finish, closes the listeners and the event loop, within the configured
     * shutdown timeout. Idempotent.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        probeThread.shutdownNow();
        List<Future<Void>> drains = new ArrayList<>();
        synchronized (servers) {
            long drainMillis = Math.max(1, settings.shutdownTimeout().toMillis() / 2);
            servers.forEach(server -> drains.add(server.shutdown(drainMillis, TimeUnit.MILLISECONDS)));
        }
        awaitAll(Future.join(drains), deadline, "draining HTTP requests");
        try {
            if (!probeThread.awaitTermination(remainingMillis(deadline) / 2, TimeUnit.MILLISECONDS)) {
                LOG.warning("the running probe did not stop in time; leaving it behind");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitAll(vertx.close(), deadline, "closing the event loop");
        try {
            probe.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing the probe failed", e);
        }
        listening.completeExceptionally(new IllegalStateException("stopped before listening"));
    }

    private void tick() {
        if (stopped.get()) {
            return;
        }
        if (cycleRunning.get()) {
            if (overrunReported.compareAndSet(false, true)) {
                double runningFor = (System.nanoTime() - cycleStartedNanos) / 1e9;
                LOG.warning(String.format(java.util.Locale.ROOT, "probe still running after %.1f s", runningFor)
                        + " (interval "
                        + settings.interval().toMillis() / 1000.0 + " s): skipping probes until it finishes"
                        + (published.get() == null ? "; the HTTP listeners open once the first probe is published"
                        : "; serving the last verdict meanwhile"));
            }
            return;
        }
        startCycle();
    }

    private void startCycle() {
        if (!cycleRunning.compareAndSet(false, true)) {
            return;
        }
        try {
            probeThread.execute(() -> {
                try {
                    runCycle();
                } finally {
                    cycleRunning.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            cycleRunning.set(false);
        }
    }

    /** Runs on the probe thread only. */
    private void runCycle() {
        try {
            publishOneProbe();
        } finally {
            try {
                afterEachCycle.accept(published.get());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "after-probe listener failed", e);
            }
        }
    }

    private void publishOneProbe() {
        cycleStartedNanos = System.nanoTime();
        PublishedState state;
        try {
            state = cycle.run();
        } catch (RuntimeException e) {
            // A probe must record read errors rather than throw; if one throws anyway, keep serving the last state.
            String failure = e.getClass().getName() + ": " + e.getMessage();
            if (!failure.equals(lastCycleFailure)) {
                lastCycleFailure = failure;
                LOG.log(Level.SEVERE, "probe failed, keeping the previous verdict", e);
            }
            return;
        }
        lastCycleFailure = null;
        published.set(state);
        if (overrunReported.compareAndSet(true, false)) {
            LOG.info("probe finished after " + (System.nanoTime() - cycleStartedNanos) / 1_000_000 + " ms; probing every "
                    + settings.interval().toMillis() / 1000.0 + " s again");
        }
        // A first probe that outlived stop() must not bind listeners on a closing event loop.
        if (!stopped.get() && listenersRequested.compareAndSet(false, true)) {
            openListeners();
        }
    }

    private void openListeners() {
        // Each listener has its own cap: remote scrapers filling the --metrics-listen port must never keep the
        // health extension's local connection out.
        Future<HttpServer> main = listen(settings.listen(), false);
        Future<HttpServer> metricsOnly = settings.metricsListen() == null ? Future.succeededFuture()
                : listen(settings.metricsListen(), true);
        Future.all(main, metricsOnly).onComplete(result -> {
            if (result.failed()) {
                listening.completeExceptionally(result.cause());
                return;
            }
            synchronized (servers) {
                servers.add(main.result());
                if (metricsOnly.result() != null) {
                    servers.add(metricsOnly.result());
                }
            }
            LOG.info("serving /health /healthz /status /metrics on http://"
                    + settings.listen().withPort(main.result().actualPort())
                    + (metricsOnly.result() == null ? "" : " and /metrics on http://"
                    + settings.metricsListen().withPort(metricsOnly.result().actualPort())));
            listening.complete(null);
        });
    }

    private Future<HttpServer> listen(ListenAddress address, boolean metricsOnlyListener) {
        HttpLimits limits = settings.limits();
        ConnectionLimit limit = new ConnectionLimit(limits.maxConnections());
        HttpServerOptions options = new HttpServerOptions()
                .setHost(address.host())
                .setPort(address.port())
                .setMaxInitialLineLength(limits.maxInitialLineLength())
                .setMaxHeaderSize(limits.maxHeaderSize())
                .setIdleTimeout((int) Math.max(1, limits.idleTimeout().toSeconds()))
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setHttp2ClearTextEnabled(false)
                .setCompressionSupported(false)
                .setDecompressionSupported(false);
        return vertx.createHttpServer(options)
                .connectionHandler(limit)
                .requestHandler(new Endpoints(published::get, metricsOnlyListener))
                .listen()
                .recover(cause -> Future.failedFuture(new ListenException(address, cause)));
    }

    private static void awaitAll(Future<?> future, long deadline, String what) {
        try {
            future.toCompletionStage().toCompletableFuture().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warning(what + " did not finish in time: " + e);
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    /** A listener could not bind (address in use, no such address, no permission). */
    public static final class ListenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenException(ListenAddress address, Throwable cause) {
            super("cannot listen on " + address + ": " + cause.getMessage(), cause);
        }
    }
}
