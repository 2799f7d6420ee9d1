package io.sriovagent.host;

import java.util.Objects;

/**
 * A synthetic (VMBus) NIC: the interface that owns the IP addresses and, with accelerated networking, enslaves a VF.
 *
 * @param name      interface name ({@code eth0}; on Windows the adapter's interface alias)
 * @param mac       lower-case colon-separated MAC, null when unreadable
 * @param mtu       MTU, or -1 when unreadable
 * @param driver    {@code hv_netvsc} on Linux, {@code netvsc} on Windows
 * @param operState operational state as the OS names it ({@code up}, {@code down}, ...), null when unreadable
 * @param vf        the VF paired with this NIC, or null when none is
 * @param counters  the NIC's datapath counters, or null when they could not be read (see the snapshot's read errors)
 */
public record SyntheticNic(
        String name, String mac, int mtu, String driver, String operState, VfInterface vf, NicCounters counters) {

    public SyntheticNic {
        Objects.requireNonNull(name, "name");
    }

    public boolean hasVf() {
        return vf != null;
    }
}
