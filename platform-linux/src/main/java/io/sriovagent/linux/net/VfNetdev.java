package io.sriovagent.linux.net;

import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.linux.pci.PciDevice;
import java.util.List;
import java.util.Objects;

/**
 * A network interface on an SR-IOV Ethernet VF PCI function, as sysfs shows it.
 *
 * @param name        interface name (any form: {@code enP31819s1}, {@code eth8}, {@code rename6}...)
 * @param mac         lower-case MAC, null when unreadable
 * @param mtu         MTU, -1 when unreadable
 * @param operState   {@code operstate}, null when unreadable
 * @param flags       the {@code flags} attribute (IFF_*), null when unreadable
 * @param upperNames  the interfaces it is linked under: its {@code master} and {@code upper_*} links
 * @param pci         the PCI function behind it
 * @param own         its own interface statistics, null when unreadable
 */
public record VfNetdev(
        String name, String mac, int mtu, String operState, Long flags, List<String> upperNames, PciDevice pci,
        InterfaceCounters own) {

    /** IFF_SLAVE: set on a device enslaved to a master, which netvsc does to its VF. */
    public static final long IFF_SLAVE = 0x800;

    public VfNetdev {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pci, "pci");
        upperNames = List.copyOf(upperNames);
    }

    /** True when the flags could be read and carry IFF_SLAVE. */
    public boolean slaveFlag() {
        return flags != null && (flags & IFF_SLAVE) != 0;
    }
}
