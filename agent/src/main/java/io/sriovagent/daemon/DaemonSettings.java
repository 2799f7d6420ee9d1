package io.sriovagent.daemon;

import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.ExpectVf;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What the daemon needs from the configuration.
 *
 * @param interval        time between probes (start to start)
 * @param grace           how long a transient datapath failure is tolerated before Unhealthy
 * @param flapLimit       VF removals per NIC within an hour above which {@code vf_flapping} fails
 * @param expectVf        which synthetic NICs must have a VF
 * @param thresholds      datapath thresholds
 * @param listen          the listener for every endpoint
 * @param metricsListen   an optional second listener serving only {@code /metrics}; null when none
 * @param limits          HTTP resource limits
 * @param shutdownTimeout how long stopping may take in all (in-flight requests drain within it)
 * @param monotonicNanos  the clock of the health policy
 * @param agentVersion    for {@code sriov_agent_build_info}
 */
public record DaemonSettings(
        Duration interval,
        Duration grace,
        int flapLimit,
        ExpectVf expectVf,
        DatapathThresholds thresholds,
        ListenAddress listen,
        ListenAddress metricsListen,
        HttpLimits limits,
        Duration shutdownTimeout,
        LongSupplier monotonicNanos,
        String agentVersion) {

    public DaemonSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(expectVf, "expectVf");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(monotonicNanos, "monotonicNanos");
        Objects.requireNonNull(agentVersion, "agentVersion");
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("interval must be at least 1 ms");
        }
    }
}
