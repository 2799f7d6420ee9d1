package io.sriovagent.linux.ethtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.host.NicCounters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetvscCountersTest {

    private static final InterfaceCounters TOTALS = new InterfaceCounters(120_000, 90_000, 80_000_000, 30_000_000);
    private static final InterfaceCounters VF_OWN = new InterfaceCounters(100_000, 85_000, 70_000_000, 28_000_000);

    @Test
    void splitsByNameWhateverTheOrderAndNumberOfQueues() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("tx_queue_10_packets", 7L);
        values.put("rx_queue_2_packets", 100L);
        values.put("vf_tx_dropped", 3L);
        values.put("rx_queue_0_packets", 20L);
        values.put("vf_rx_packets", 111180L);
        values.put("rx_queue_2_bytes", 999_999L);
        values.put("tx_queue_0_packets", 5L);
        values.put("cpu0_rx_packets", 555L);
        values.put("vf_rx_bytes", 395460237L);
        values.put("vf_tx_packets", 9107646L);
        values.put("vf_tx_bytes", 2184786508L);
        values.put("rx_queue_2_xdp_drop", 4L);

        NetvscCounters.Mapping mapping = NetvscCounters.map(NicStatistics.read(values), TOTALS, VF_OWN, true);

        assertNull(mapping.fallbackReason());
        assertEquals(new NicCounters(NicCounters.Source.NETVSC_ETHTOOL, 111180, 9107646, 395460237, 2184786508L, 3,
                120, 12), mapping.counters());
    }

    @Test
    void noStatsAvailableDerivesFromInterfaceStatistics() {
        NetvscCounters.Mapping mapping = NetvscCounters.map(
                NicStatistics.notSupported("the driver reports no statistics"), TOTALS, VF_OWN, true);

        assertEquals("netvsc statistics are not supported (the driver reports no statistics)",
                mapping.fallbackReason());
        assertEquals(new NicCounters(NicCounters.Source.INTERFACE_STATISTICS, 100_000, 85_000, 70_000_000,
                28_000_000, 0, 20_000, 5_000), mapping.counters());
    }

    @Test
    void vfCountersAboveTheTotalsClampTheSyntheticPathAtZero() {
        InterfaceCounters bigVf = new InterfaceCounters(130_000, 85_000, 0, 0);

        NicCounters counters = NetvscCounters.map(NicStatistics.failed("ENODEV"), TOTALS, bigVf, true).counters();

        assertEquals(0, counters.syntheticRxPackets());
        assertEquals(5_000, counters.syntheticTxPackets());
    }

    @Test
    void missingQueueCountersUseNetvscVfTotalsAgainstTheInterfaceTotals() {
        NetvscCounters.Mapping mapping = NetvscCounters.map(NicStatistics.read(Map.of(
                "vf_rx_packets", 110_000L, "vf_tx_packets", 88_000L, "vf_rx_bytes", 1L, "vf_tx_bytes", 2L,
                "vf_tx_dropped", 9L)), TOTALS, VF_OWN, true);

        assertEquals("netvsc statistics lack rx_queue_N_packets, tx_queue_N_packets", mapping.fallbackReason());
        assertEquals(new NicCounters(NicCounters.Source.INTERFACE_STATISTICS, 110_000, 88_000, 1, 2, 9, 10_000, 2_000),
                mapping.counters());
    }

    @Test
    void withoutPairedVfTheWholeTotalIsSynthetic() {
        NicCounters counters = NetvscCounters.map(NicStatistics.notSupported(null), TOTALS, null, false).counters();

        assertEquals(new NicCounters(NicCounters.Source.INTERFACE_STATISTICS, 0, 0, 0, 0, 0, 120_000, 90_000),
                counters);
    }

    @Test
    void unknownVfShareOrTotalsGiveNoCounters() {
        assertNull(NetvscCounters.map(NicStatistics.notSupported(null), TOTALS, null, true).counters(),
                "guessing 'all synthetic' would fail the datapath check falsely");
        assertNull(NetvscCounters.map(NicStatistics.failed("timeout"), null, VF_OWN, true).counters());
        assertEquals("netvsc statistics could not be read (timeout)",
                NetvscCounters.map(NicStatistics.failed("timeout"), null, VF_OWN, true).fallbackReason());
    }

    @Test
    void partialVfStatisticsAreNotTrusted() {
        NetvscCounters.Mapping mapping = NetvscCounters.map(NicStatistics.read(Map.of(
                "vf_rx_packets", 1L, "rx_queue_0_packets", 2L, "tx_queue_0_packets", 3L)), TOTALS, VF_OWN, true);

        assertEquals("netvsc statistics lack vf_tx_packets, vf_rx_bytes, vf_tx_bytes, vf_tx_dropped",
                mapping.fallbackReason());
        assertEquals(NicCounters.Source.INTERFACE_STATISTICS, mapping.counters().source());
        assertEquals(100_000, mapping.counters().vfRxPackets());
    }
}
