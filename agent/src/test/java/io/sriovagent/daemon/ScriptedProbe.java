package io.sriovagent.daemon;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.probe.PlatformProbe;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A platform probe whose host the test changes while the daemon runs: each probe returns the scripted host as it is
 * at the clock's time. It can also hang (a stuck read) until the test releases it.
 */
final class ScriptedProbe implements PlatformProbe {

    private final LongSupplier clock;
    private volatile TestHosts host;
    private volatile CountDownLatch hang;
    private volatile RuntimeException failure;
    private final AtomicInteger probes = new AtomicInteger();
    private volatile boolean closed;

    ScriptedProbe(TestHosts host, LongSupplier clock) {
        this.host = host;
        this.clock = clock;
    }

    void host(TestHosts value) {
        host = value;
    }

    /** Makes the next probes block until {@link #release()}. */
    void hang() {
        hang = new CountDownLatch(1);
    }

    void release() {
        CountDownLatch latch = hang;
        hang = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Makes the next probes throw (a probe bug), or stop throwing with null. */
    void fail(RuntimeException value) {
        failure = value;
    }

    int probes() {
        return probes.get();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public HostSnapshot probe() {
        CountDownLatch latch = hang;
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("probe interrupted", e);
            }
        }
        probes.incrementAndGet();
        RuntimeException thrown = failure;
        if (thrown != null) {
            throw thrown;
        }
        return host.at(clock.getAsLong() / 1_000_000_000L);
    }

    @Override
    public void close() {
        closed = true;
    }
}
