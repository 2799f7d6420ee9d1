package io.sriovagent.linux.net;

import io.sriovagent.host.InterfaceCounters;
import java.util.List;
import java.util.Objects;

/**
 * A network interface driven by hv_netvsc, as sysfs shows it.
 *
 * @param name       interface name
 * @param mac        lower-case MAC, null when unreadable
 * @param mtu        MTU, -1 when unreadable
 * @param operState  {@code operstate}, null when unreadable
 * @param lowerNames the interfaces named by its {@code lower_*} links (its enslaved VF)
 * @param totals     its interface statistics (VF traffic included), null when unreadable
 */
public record SyntheticNetdev(
        String name, String mac, int mtu, String operState, List<String> lowerNames, InterfaceCounters totals) {

    public SyntheticNetdev {
        Objects.requireNonNull(name, "name");
        lowerNames = List.copyOf(lowerNames);
    }
}
