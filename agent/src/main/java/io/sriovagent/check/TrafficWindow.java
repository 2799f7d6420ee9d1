package io.sriovagent.check;

import io.sriovagent.host.NicCounters;

/**
 * What one synthetic NIC carried between two probes.
 *
 * @param windowSeconds     time between the probes
 * @param vfPackets         packets that went through the VF (rx + tx)
 * @param syntheticPackets  packets that took the synthetic path (rx + tx)
 * @param counterReset      a counter went backwards: the driver or VF was reset and the deltas are not traffic
 */
public record TrafficWindow(double windowSeconds, long vfPackets, long syntheticPackets, boolean counterReset) {

    /** Deltas of two cumulative readings; a counter that went backwards marks the window as reset. */
    public static TrafficWindow between(NicCounters earlier, NicCounters later, double windowSeconds) {
        boolean reset = later.vfRxPackets() < earlier.vfRxPackets() || later.vfTxPackets() < earlier.vfTxPackets()
                || later.syntheticRxPackets() < earlier.syntheticRxPackets()
                || later.syntheticTxPackets() < earlier.syntheticTxPackets();
        if (reset) {
            return new TrafficWindow(windowSeconds, 0, 0, true);
        }
        return new TrafficWindow(windowSeconds, later.vfPackets() - earlier.vfPackets(),
                later.syntheticPackets() - earlier.syntheticPackets(), false);
    }

    /** True when the window carried enough packets for its VF share to be judged (and reported as a share). */
    public boolean busy(DatapathThresholds thresholds) {
        long total = totalPackets();
        return !counterReset && total > 0 && total >= thresholds.minPackets(windowSeconds);
    }

    public long totalPackets() {
        return vfPackets + syntheticPackets;
    }

    /** Share of the window's packets that went through the VF; NaN when the window carried none or was reset. */
    public double vfShare() {
        long total = totalPackets();
        return counterReset || total == 0 ? Double.NaN : (double) vfPackets / total;
    }
}
