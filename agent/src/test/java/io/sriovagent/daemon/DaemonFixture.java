package io.sriovagent.daemon;

import io.sriovagent.AgentVersion;
import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.ExpectVf;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real daemon on loopback port 0, probing a scripted host on a manual clock. */
final class DaemonFixture implements AutoCloseable {

    /** Probes come only from the test ({@link Daemon#probeNow()}), never from the timer. */
    static final Duration NO_TICKS = Duration.ofHours(1);

    final ManualClock clock = new ManualClock();
    final ScriptedProbe probe;
    final Daemon daemon;
    final HttpAnswers http;

    DaemonFixture(TestHosts host) throws Exception {
        this(host, NO_TICKS, HttpLimits.DEFAULTS, 3, true);
    }

    DaemonFixture(TestHosts host, Duration interval, HttpLimits limits, int flapLimit, boolean metricsListener)
            throws Exception {
        probe = new ScriptedProbe(host, clock);
        DaemonSettings settings = new DaemonSettings(interval, Duration.ofSeconds(300), flapLimit, ExpectVf.AUTO,
                DatapathThresholds.DEFAULTS, new ListenAddress("127.0.0.1", 0),
                metricsListener ? new ListenAddress("127.0.0.1", 0) : null, limits, Duration.ofSeconds(5), clock,
                AgentVersion.current());
        daemon = new Daemon(settings, probe);
        daemon.start().get(20, TimeUnit.SECONDS);
        http = new HttpAnswers(daemon.port());
    }

    /** Moves the clock, changes nothing else, probes, and waits for the new state to be published. */
    PublishedState probeAfter(long seconds) throws Exception {
        clock.advanceSeconds(seconds);
        return daemon.probeNow().get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        daemon.stop();
    }
}
