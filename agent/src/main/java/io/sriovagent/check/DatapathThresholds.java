package io.sriovagent.check;

/**
 * When a traffic window is judged and what it must show.
 *
 * <p>Even a working VF leaves some packets on the synthetic path (incoming TCP SYNs, broadcast and multicast), so
 * the datapath is judged by the share of packets that went through the VF, and only when the window carried
 * enough packets for that share to mean something.
 *
 * @param minPacketsPerSecond below this rate (VF + synthetic packets) the window is idle and not judged
 * @param minVfShare          the lowest acceptable share of the window's packets that went through the VF
 */
public record DatapathThresholds(double minPacketsPerSecond, double minVfShare) {

    /** 100 packets/s: a few hundred packets per default 5 s window, well above ARP/ND/DHCP background chatter. */
    public static final double DEFAULT_MIN_PACKETS_PER_SECOND = 100;
    /** Half: a switched datapath shows well above 90 % on any real load; a failed switch shows about 0 %. */
    public static final double DEFAULT_MIN_VF_SHARE = 0.5;

    public static final DatapathThresholds DEFAULTS =
            new DatapathThresholds(DEFAULT_MIN_PACKETS_PER_SECOND, DEFAULT_MIN_VF_SHARE);

    public DatapathThresholds {
        if (!(minPacketsPerSecond >= 0) || Double.isInfinite(minPacketsPerSecond)) {
            throw new IllegalArgumentException("minimum packets per second must be a finite number >= 0");
        }
        if (!(minVfShare >= 0 && minVfShare <= 1)) {
            throw new IllegalArgumentException("minimum VF share must be between 0 and 1");
        }
    }

    public long minPackets(double windowSeconds) {
        return (long) Math.ceil(minPacketsPerSecond * windowSeconds);
    }
}
