package io.sriovagent.windows.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link PendingProgress} on a daemon timer thread. Ticks stop after {@code limit}: a start or stop that hangs
 * must end up reported as hung by the SCM rather than look busy forever.
 */
final class ScheduledProgress implements PendingProgress, AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sriov-agent-service-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration interval;
    private final int maxTicks;

    ScheduledProgress(Duration interval, Duration limit) {
        this.interval = interval;
        this.maxTicks = (int) Math.max(1, limit.toMillis() / interval.toMillis());
    }

    @Override
    public Ticking every(Runnable tick) {
        AtomicInteger ticks = new AtomicInteger();
        AtomicReference<ScheduledFuture<?>> future = new AtomicReference<>();
        future.set(timer.scheduleAtFixedRate(() -> {
            if (ticks.incrementAndGet() > maxTicks) {
                ScheduledFuture<?> self = future.get();
                if (self != null) {
                    self.cancel(false);
                }
                return;
            }
            tick.run();
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
        return () -> future.get().cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
