package io.sriovagent.daemon;

import static io.sriovagent.host.Snapshots.ETH0_MAC;
import static io.sriovagent.host.Snapshots.ETH1_MAC;
import static io.sriovagent.host.Snapshots.counters;
import static io.sriovagent.host.Snapshots.cx4;
import static io.sriovagent.host.Snapshots.host;
import static io.sriovagent.host.Snapshots.nic;
import static io.sriovagent.host.Snapshots.vf;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.ReadError;
import io.sriovagent.host.Snapshots;
import io.sriovagent.host.VfInterface;
import io.sriovagent.host.VfPairing;

/**
 * A two-NIC host whose parts the test changes probe by probe. Synthetic: names, MACs and PCI addresses follow the
 * ConnectX-4 Lx 2-NIC capture (shared/samples/linux/lisa-sysfs-lower-links-lspci-nks-cx4lx-2nic.txt) through
 * {@link Snapshots}; the counter values are made up per scenario.
 */
final class TestHosts {

    static final PciFunction ETH0_PCI = cx4("7c4b:00:02.0", "enP31819s1");
    static final PciFunction ETH1_PCI = cx4("a3f0:00:02.0", "enP41968s2");

    private long eth0Vf;
    private long eth0Syn;
    private long eth1Vf;
    private long eth1Syn;
    private boolean eth0HasVf = true;
    private boolean eth1HasVf = true;
    private String eth0VfState = "up";
    private VfInterface eth0Replacement;
    private ReadError error;

    static TestHosts twoNics() {
        return new TestHosts();
    }

    TestHosts traffic(long eth0VfPackets, long eth0SyntheticPackets, long eth1VfPackets, long eth1SyntheticPackets) {
        eth0Vf += eth0VfPackets;
        eth0Syn += eth0SyntheticPackets;
        eth1Vf += eth1VfPackets;
        eth1Syn += eth1SyntheticPackets;
        return this;
    }

    /** Sets eth0's cumulative counters outright (a reset when lower than before). */
    TestHosts eth0Counters(long vfPackets, long syntheticPackets) {
        eth0Vf = vfPackets;
        eth0Syn = syntheticPackets;
        return this;
    }

    TestHosts eth0Vf(boolean present) {
        eth0HasVf = present;
        return this;
    }

    TestHosts eth1Vf(boolean present) {
        eth1HasVf = present;
        return this;
    }

    TestHosts eth0VfState(String operState) {
        eth0VfState = operState;
        return this;
    }

    /** eth0's VF comes back as another function (host moved it), named after its PCI domain as Linux does. */
    TestHosts eth0VfReplacedBy(int pciDomain) {
        String address = String.format("%04x:00:02.0", pciDomain);
        String name = "enP" + pciDomain + "s1";
        eth0Replacement = vf(name, ETH0_MAC, cx4(address, name));
        return this;
    }

    TestHosts readError(ReadError value) {
        error = value;
        return this;
    }

    HostSnapshot at(long seconds) {
        VfInterface eth0 = eth0Replacement != null ? eth0Replacement
                : vf("enP31819s1", ETH0_MAC, ETH0_PCI, eth0VfState, 1500, VfPairing.LOWER_LINK,
                        new InterfaceCounters(eth0Vf / 2, eth0Vf - eth0Vf / 2, eth0Vf * 700, eth0Vf * 300));
        Snapshots snapshot = host().at(seconds)
                .nic(nic("eth0", ETH0_MAC, eth0HasVf ? eth0 : null, counters(eth0Vf, eth0Syn)))
                .nic(nic("eth1", ETH1_MAC, eth1HasVf ? vf("enP41968s2", ETH1_MAC, ETH1_PCI) : null,
                        counters(eth1Vf, eth1Syn)));
        if (error != null) {
            snapshot.error(error);
        }
        return snapshot.build();
    }
}
