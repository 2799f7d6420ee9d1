package io.sriovagent.cli;

import static io.sriovagent.host.Snapshots.ETH0_MAC;
import static io.sriovagent.host.Snapshots.counters;
import static io.sriovagent.host.Snapshots.cx4;
import static io.sriovagent.host.Snapshots.host;
import static io.sriovagent.host.Snapshots.nic;
import static io.sriovagent.host.Snapshots.vf;

import io.sriovagent.probe.PlatformProbe;

/**
 * {@code sriov-agent} as a process, with a fixed one-NIC host (synthetic, named after the ConnectX-4 Lx capture
 * through {@link io.sriovagent.host.Snapshots}) in place of the platform probe: for tests that need a real process
 * and real signals.
 */
public final class FixtureDaemonMain {

    private FixtureDaemonMain() {
    }

    public static void main(String[] args) {
        PlatformProbe probe = () -> host()
                .at(System.nanoTime() / 1_000_000_000L)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, cx4("7c4b:00:02.0", "enP31819s1")),
                        counters(0, 0)))
                .build();
        Cli cli = new Cli(System.out, System.err, System.getenv(), settings -> probe, duration -> { });
        System.exit(cli.execute(args));
    }
}
