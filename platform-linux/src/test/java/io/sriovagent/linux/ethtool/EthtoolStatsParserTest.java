package io.sriovagent.linux.ethtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EthtoolStatsParserTest {

    /** Layout of hv_netvsc on 5.10 (shared/samples/linux/blog-wsl2-hv_netvsc-ethtool-i-and-full-ethtool-S.txt). */
    private static final String NETVSC_5_10 = """
            NIC statistics:
                 tx_scattered: 0
                 tx_no_memory: 0
                 tx_no_space: 0
                 tx_too_big: 0
                 tx_busy: 0
                 tx_send_full: 0
                 rx_comp_busy: 0
                 rx_no_memory: 0
                 stop_queue: 0
                 wake_queue: 0
                 vlan_error: 0
                 vf_rx_packets: 0
                 vf_rx_bytes: 0
                 vf_tx_packets: 0
                 vf_tx_bytes: 0
                 vf_tx_dropped: 0
                 tx_queue_0_packets: 12301
                 tx_queue_0_bytes: 889622
                 rx_queue_0_packets: 207
                 rx_queue_0_bytes: 57056
                 rx_queue_0_xdp_drop: 0
                 cpu0_rx_packets: 0
                 cpu0_vf_rx_packets: 0
            """;

    @Test
    void parsesNetvscLayoutInOrder() {
        NicStatistics stats = EthtoolStatsParser.parse(NETVSC_5_10);

        assertEquals(NicStatistics.Outcome.READ, stats.outcome());
        assertEquals(12301L, stats.value("tx_queue_0_packets").getAsLong());
        assertEquals(207L, stats.value("rx_queue_0_packets").getAsLong());
        assertEquals(0L, stats.value("vf_tx_dropped").getAsLong());
        assertEquals(23, stats.values().size());
        assertEquals("tx_scattered", List.copyOf(stats.values().keySet()).get(0));
        assertNull(stats.detail());
    }

    @Test
    void grepOutputWithoutHeaderAndTrailingSpaces() {
        // shared/samples/linux/azuredocs-ethtool-S-grep-vf-ubuntu1804.txt keeps trailing spaces
        NicStatistics stats = EthtoolStatsParser.parse(" vf_rx_packets: 111180 \n vf_tx_packets: 9107646 \n");

        assertEquals(111180L, stats.value("vf_rx_packets").getAsLong());
        assertEquals(9107646L, stats.value("vf_tx_packets").getAsLong());
    }

    @Test
    void noStatsAvailableIsNotSupportedNotFailure() {
        NicStatistics stats = EthtoolStatsParser.parse("no stats available\n");

        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, stats.outcome());
        assertTrue(stats.values().isEmpty());
    }

    @Test
    void oddNamesKeepEverythingBeforeTheLastColon() {
        NicStatistics stats = EthtoolStatsParser.parse("NIC statistics:\n     [0]: rx_ucast_packets: 5\n     tx timeout: 2\n");

        assertEquals(5L, stats.value("[0]: rx_ucast_packets").getAsLong());
        assertEquals(2L, stats.value("tx timeout").getAsLong());
    }

    @Test
    void unsignedCountersAboveLongMaxAreKeptAsTheirBits() {
        NicStatistics stats = EthtoolStatsParser.parse("rx: 18446744073709551615\n");

        assertEquals(-1L, stats.value("rx").getAsLong());
    }

    @Test
    void garbageLinesAreSkippedAndCounted() {
        NicStatistics stats = EthtoolStatsParser.parse("NIC statistics:\n vf_rx_packets: 12\n %%% garbage\n x: -3\n");

        assertEquals(NicStatistics.Outcome.READ, stats.outcome());
        assertEquals(1, stats.values().size());
        assertTrue(stats.detail().startsWith("skipped 2 unparseable line(s)"), stats.detail());
    }

    @Test
    void onlyAsciiDigitsAreCounters() {
        NicStatistics stats = EthtoolStatsParser.parse("rx: 12\ntx: \u0661\u0662\n");

        assertEquals(1, stats.values().size());
        assertTrue(stats.detail().startsWith("skipped 1 unparseable line(s)"), stats.detail());
    }

    @Test
    void reportedLinesAreMadePrintable() {
        NicStatistics garbage = EthtoolStatsParser.parse("\u001b[31mSegmentation fault\u0007\n");

        assertEquals("ethtool output has no statistics; first lines: ?[31mSegmentation fault?", garbage.detail());
    }

    @Test
    void outputWithNoStatisticIsAFailure() {
        NicStatistics garbage = EthtoolStatsParser.parse("Segmentation fault\n\u0000\u0001binary");
        NicStatistics empty = EthtoolStatsParser.parse("");

        assertEquals(NicStatistics.Outcome.FAILED, garbage.outcome());
        assertTrue(garbage.detail().contains("Segmentation fault"), garbage.detail());
        assertEquals(NicStatistics.Outcome.FAILED, empty.outcome());
    }
}
