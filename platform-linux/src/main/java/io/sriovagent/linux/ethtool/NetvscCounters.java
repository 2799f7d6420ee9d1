package io.sriovagent.linux.ethtool;

import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.host.NicCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a synthetic NIC's statistics into its datapath counters. Pure.
 *
 * <p>netvsc's ethtool statistics split the traffic exactly: {@code vf_*} is what went through the VF, the
 * per-queue {@code rx_queue_N_packets} / {@code tx_queue_N_packets} what went through VMBus. Kernels without them
 * ("no stats available", or no per-queue counters) fall back to interface statistics: the synthetic NIC's
 * {@code /sys/class/net/IF/statistics} already include the VF's traffic, so the synthetic path is the synthetic
 * total minus the VF's part, never the sum of both.
 */
public final class NetvscCounters {

    /**
     * The outcome of the mapping.
     *
     * @param counters       the counters, null when they cannot be known
     * @param fallbackReason why netvsc's statistics were not used, null when they were
     */
    public record Mapping(NicCounters counters, String fallbackReason) {
    }

    static final List<String> VF_STATISTICS =
            List.of("vf_rx_packets", "vf_tx_packets", "vf_rx_bytes", "vf_tx_bytes", "vf_tx_dropped");

    private static final Pattern QUEUE_PACKETS = Pattern.compile("(rx|tx)_queue_(\\d+)_packets");

    private NetvscCounters() {
    }

    /**
     * @param netvsc          what the statistics source read for the synthetic NIC
     * @param syntheticTotals the synthetic NIC's own interface statistics, null when unreadable
     * @param vfOwn           the paired VF's interface statistics; null when no VF is paired or they are unreadable
     * @param vfPaired        whether a VF is paired (its traffic is then part of the synthetic totals)
     */
    public static Mapping map(NicStatistics netvsc, InterfaceCounters syntheticTotals, InterfaceCounters vfOwn,
                              boolean vfPaired) {
        String missing = missingFromNetvsc(netvsc);
        if (missing == null) {
            return new Mapping(fromNetvsc(netvsc.values()), null);
        }
        return new Mapping(fromInterfaceStatistics(netvsc, syntheticTotals, vfOwn, vfPaired), missing);
    }

    /** Null when the statistics hold everything the exact split needs, else what is missing. */
    static String missingFromNetvsc(NicStatistics netvsc) {
        if (netvsc.outcome() != NicStatistics.Outcome.READ) {
            return "netvsc statistics " + (netvsc.outcome() == NicStatistics.Outcome.NOT_SUPPORTED
                    ? "are not supported" : "could not be read")
                    + (netvsc.detail() == null ? "" : " (" + netvsc.detail() + ")");
        }
        List<String> absent = new ArrayList<>();
        VF_STATISTICS.stream().filter(name -> !netvsc.values().containsKey(name)).forEach(absent::add);
        boolean rxQueue = false;
        boolean txQueue = false;
        for (String name : netvsc.values().keySet()) {
            Matcher matcher = QUEUE_PACKETS.matcher(name);
            if (matcher.matches()) {
                rxQueue |= matcher.group(1).equals("rx");
                txQueue |= matcher.group(1).equals("tx");
            }
        }
        if (!rxQueue) {
            absent.add("rx_queue_N_packets");
        }
        if (!txQueue) {
            absent.add("tx_queue_N_packets");
        }
        return absent.isEmpty() ? null : "netvsc statistics lack " + String.join(", ", absent);
    }

    private static NicCounters fromNetvsc(Map<String, Long> values) {
        long syntheticRx = 0;
        long syntheticTx = 0;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            Matcher matcher = QUEUE_PACKETS.matcher(entry.getKey());
            if (!matcher.matches()) {
                continue;
            }
            // Unsigned 64-bit counters: wrapping addition matches the kernel's arithmetic.
            if (matcher.group(1).equals("rx")) {
                syntheticRx += entry.getValue();
            } else {
                syntheticTx += entry.getValue();
            }
        }
        return new NicCounters(NicCounters.Source.NETVSC_ETHTOOL,
                values.get("vf_rx_packets"), values.get("vf_tx_packets"),
                values.get("vf_rx_bytes"), values.get("vf_tx_bytes"), values.get("vf_tx_dropped"),
                syntheticRx, syntheticTx);
    }

    /**
     * The VF part is netvsc's {@code vf_*} when those alone were printed (exact), else the VF interface's own
     * counters; without a paired VF it is zero. Interface statistics have no equivalent of
     * {@code vf_tx_dropped}, so it stays zero unless netvsc printed it. Null when the split cannot be made: a
     * guess of "all synthetic" for a NIC whose VF counters are unreadable would fail the datapath check falsely.
     */
    private static NicCounters fromInterfaceStatistics(NicStatistics netvsc, InterfaceCounters syntheticTotals,
                                                       InterfaceCounters vfOwn, boolean vfPaired) {
        if (syntheticTotals == null) {
            return null;
        }
        Map<String, Long> values = netvsc.outcome() == NicStatistics.Outcome.READ ? netvsc.values() : Map.of();
        boolean netvscVf = values.keySet().containsAll(VF_STATISTICS.subList(0, 4));
        InterfaceCounters vf;
        if (netvscVf) {
            vf = new InterfaceCounters(values.get("vf_rx_packets"), values.get("vf_tx_packets"),
                    values.get("vf_rx_bytes"), values.get("vf_tx_bytes"));
        } else if (!vfPaired) {
            vf = new InterfaceCounters(0, 0, 0, 0);
        } else if (vfOwn != null) {
            vf = vfOwn;
        } else {
            return null;
        }
        return new NicCounters(NicCounters.Source.INTERFACE_STATISTICS,
                vf.rxPackets(), vf.txPackets(), vf.rxBytes(), vf.txBytes(), values.getOrDefault("vf_tx_dropped", 0L),
                clampedDifference(syntheticTotals.rxPackets(), vf.rxPackets()),
                clampedDifference(syntheticTotals.txPackets(), vf.txPackets()));
    }

    /** The VF's own counters count a little differently from netvsc's totals (and reset when it is re-added). */
    private static long clampedDifference(long total, long part) {
        return Math.max(0, total - part);
    }
}
