package io.sriovagent.host;

import java.util.Objects;

/**
 * Cumulative datapath counters of one synthetic NIC, split by the path the packets took.
 *
 * <p>Linux: the VF part is netvsc's {@code vf_*} statistics, the synthetic part the sum of its per-queue counters
 * (which only count the VMBus path). Never add the two to the interface totals: those already include VF traffic.
 *
 * @param source             where the numbers came from
 * @param vfRxPackets        packets received through the VF
 * @param vfTxPackets        packets sent through the VF
 * @param vfRxBytes          bytes received through the VF
 * @param vfTxBytes          bytes sent through the VF
 * @param vfTxDropped        packets dropped on the way to the VF
 * @param syntheticRxPackets packets received through the synthetic (VMBus) path
 * @param syntheticTxPackets packets sent through the synthetic (VMBus) path
 */
public record NicCounters(
        Source source,
        long vfRxPackets, long vfTxPackets, long vfRxBytes, long vfTxBytes, long vfTxDropped,
        long syntheticRxPackets, long syntheticTxPackets) {

    public enum Source {
        /** netvsc's ethtool statistics ({@code vf_*} and per-queue counters). */
        NETVSC_ETHTOOL,
        /** Derived from interface statistics (synthetic NIC totals minus the VF's own counters): older kernels. */
        INTERFACE_STATISTICS,
        /** Windows IP Helper interface rows (VF row vs synthetic row). */
        IP_HELPER
    }

    public NicCounters {
        Objects.requireNonNull(source, "source");
    }

    public long vfPackets() {
        return vfRxPackets + vfTxPackets;
    }

    public long syntheticPackets() {
        return syntheticRxPackets + syntheticTxPackets;
    }
}
