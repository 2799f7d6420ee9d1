package io.sriovagent.cli;

import io.sriovagent.check.DatapathThresholds;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.daemon.ListenAddress;
import io.sriovagent.probe.ProbeSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The agent's resolved configuration (flags over environment over config file over defaults).
 *
 * @param hostRoot        root of the host's file system
 * @param ethtool         how NIC statistics are read
 * @param ethtoolCommand  executable of the command source
 * @param lspciCommand    executable that names PCI devices
 * @param interval        daemon: time between probes
 * @param window          check: time between its two probes
 * @param grace           daemon: how long a transient datapath failure may last before the verdict turns Unhealthy
 * @param expectVf        which synthetic NICs must have a VF
 * @param listen          the HTTP listener for every endpoint
 * @param metricsListen   an optional second listener serving only /metrics; null when none
 * @param debug           verbose logs and stack traces
 * @param datapath        datapath thresholds
 * @param flapLimit       daemon: VF removals per NIC within an hour above which {@code vf_flapping} fails
 * @param commandTimeout  how long lspci/ethtool may run
 */
public record AgentConfig(
        Path hostRoot,
        ProbeSettings.EthtoolSource ethtool,
        String ethtoolCommand,
        String lspciCommand,
        Duration interval,
        Duration window,
        Duration grace,
        ExpectVf expectVf,
        ListenAddress listen,
        ListenAddress metricsListen,
        boolean debug,
        DatapathThresholds datapath,
        int flapLimit,
        Duration commandTimeout) {

    public ProbeSettings probeSettings() {
        return ProbeSettings.of(hostRoot, ethtool, ethtoolCommand, lspciCommand, commandTimeout);
    }
}
