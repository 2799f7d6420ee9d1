package io.sriovagent.linux.ethtool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EthtoolIoctlCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void countRequestAsksOnlyForTheStatisticsSet() {
        ByteBuffer request = EthtoolIoctlCodec.statisticsCountRequest(ByteOrder.LITTLE_ENDIAN);

        assertEquals("37000000" + "00000000" + "0200000000000000" + "00000000", HEX.formatHex(request.array()));
    }

    @Test
    void requestsFollowTheByteOrderGiven() {
        ByteBuffer request = EthtoolIoctlCodec.statisticsCountRequest(ByteOrder.BIG_ENDIAN);

        assertEquals("00000037" + "00000000" + "0000000000000002" + "00000000", HEX.formatHex(request.array()));
    }

    @Test
    void recordedCountReplyOfVirtioNic() {
        assertEquals(OptionalInt.of(20), EthtoolIoctlCodec.statisticsCount(HexBuffers.resource("virtio-eth0-gsset-info.hex")));
    }

    @Test
    void recordedLoopbackReplyClearsTheStatisticsBit() {
        assertEquals(OptionalInt.empty(), EthtoolIoctlCodec.statisticsCount(HexBuffers.resource("lo-gsset-info.hex")));
    }

    @Test
    void recordedDriverInfoCarriesTheSameCount() {
        assertEquals(20, EthtoolIoctlCodec.driverInfoStatisticsCount(HexBuffers.resource("virtio-eth0-gdrvinfo.hex")));
    }

    @Test
    void recordedNamesAndValuesMatchWhatEthtoolPrintedRightAfter() {
        ByteBuffer names = HexBuffers.resource("virtio-eth0-gstrings.hex");
        ByteBuffer values = HexBuffers.resource("virtio-eth0-gstats.hex");
        Map<String, Long> printed = EthtoolStatsParser.parse(HexBuffers.printed("virtio-eth0-ethtool-S.txt")).values();

        assertEquals(20, EthtoolIoctlCodec.statisticNamesCount(names));
        assertEquals(20, EthtoolIoctlCodec.statisticValuesCount(values));
        List<String> decodedNames = EthtoolIoctlCodec.statisticNames(names, 20);
        long[] decodedValues = EthtoolIoctlCodec.statisticValues(values, 20);
        assertEquals(List.copyOf(printed.keySet()), decodedNames);
        assertArrayEquals(printed.values().stream().mapToLong(Long::longValue).toArray(), decodedValues);
        // 0x1b4 and 0x8c4 in the recording: the non-zero counters prove the u64 offsets, not just the zeros.
        assertEquals(436L, decodedValues[decodedNames.indexOf("rx_kicks")]);
        assertEquals(2244L, decodedValues[decodedNames.indexOf("tx_kicks")]);
    }

    @Test
    void syntheticNetvscRepliesDecodeToTheSampleOutput() {
        ByteBuffer count = HexBuffers.resource("synthetic-netvsc-gsset-info.hex");
        ByteBuffer names = HexBuffers.resource("synthetic-netvsc-gstrings.hex");
        ByteBuffer values = HexBuffers.resource("synthetic-netvsc-gstats.hex");
        Map<String, Long> printed = EthtoolStatsParser.parse(HexBuffers.printed("netvsc-wsl2-ethtool-S.txt")).values();

        int n = EthtoolIoctlCodec.statisticsCount(count).getAsInt();
        assertEquals(printed.size(), n);
        assertEquals(List.copyOf(printed.keySet()), EthtoolIoctlCodec.statisticNames(names, n));
        assertArrayEquals(printed.values().stream().mapToLong(Long::longValue).toArray(),
                EthtoolIoctlCodec.statisticValues(values, n));
    }

    @Test
    void namesRequestLeavesRoomBeyondTheCount() {
        ByteBuffer request = EthtoolIoctlCodec.statisticNamesRequest(20, ByteOrder.LITTLE_ENDIAN);

        assertEquals(EthtoolIoctlCodec.ETHTOOL_GSTRINGS, request.getInt(0));
        assertEquals(EthtoolIoctlCodec.ETH_SS_STATS, request.getInt(4));
        assertEquals(20, request.getInt(8));
        assertEquals(12 + EthtoolIoctlCodec.capacityFor(20) * 32, request.capacity());
        assertTrue(EthtoolIoctlCodec.capacityFor(20) >= 2 * 20);
    }

    @Test
    void valuesRequestLeavesRoomBeyondTheCount() {
        ByteBuffer request = EthtoolIoctlCodec.statisticValuesRequest(3000, ByteOrder.LITTLE_ENDIAN);

        assertEquals(EthtoolIoctlCodec.ETHTOOL_GSTATS, request.getInt(0));
        assertEquals(3000, request.getInt(4));
        assertEquals(8 + EthtoolIoctlCodec.capacityFor(3000) * 8, request.capacity());
    }

    @Test
    void aNameFillingAll32BytesHasNoTerminator() {
        String longest = "rx_queue_63_xdp_redirect_packets";
        assertEquals(32, longest.length());
        ByteBuffer reply = ByteBuffer.allocate(12 + 2 * 32).order(ByteOrder.LITTLE_ENDIAN);
        reply.put(12, longest.getBytes(StandardCharsets.US_ASCII));
        reply.put(44, "tx_busy".getBytes(StandardCharsets.US_ASCII));

        assertEquals(List.of(longest, "tx_busy"), EthtoolIoctlCodec.statisticNames(reply, 2));
    }

    @Test
    void valuesAboveLongMaxKeepTheirBits() {
        ByteBuffer reply = ByteBuffer.allocate(8 + 8).order(ByteOrder.LITTLE_ENDIAN);
        reply.putLong(8, 0xFFFF_FFFF_FFFF_FFFFL);

        assertEquals("18446744073709551615", Long.toUnsignedString(EthtoolIoctlCodec.statisticValues(reply, 1)[0]));
    }

    @Test
    void decodingMoreEntriesThanTheReplyHoldsIsRefused() {
        ByteBuffer names = HexBuffers.resource("virtio-eth0-gstrings.hex");
        ByteBuffer values = HexBuffers.resource("virtio-eth0-gstats.hex");

        assertThrows(IllegalArgumentException.class, () -> EthtoolIoctlCodec.statisticNames(names, 21));
        assertThrows(IllegalArgumentException.class, () -> EthtoolIoctlCodec.statisticValues(values, 21));
    }

    @Test
    void implausibleCountsAreRefusedBeforeAllocating() {
        assertThrows(IllegalArgumentException.class,
                () -> EthtoolIoctlCodec.statisticNamesRequest(EthtoolIoctlCodec.MAX_STATISTICS + 1, ByteOrder.LITTLE_ENDIAN));
        assertThrows(IllegalArgumentException.class,
                () -> EthtoolIoctlCodec.statisticValuesRequest(-1, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void interfaceRequestHoldsTheNameThenTheDataPointer() {
        byte[] ifreq = EthtoolIoctlCodec.interfaceRequest("enP31819s1", 0x00007f12_3456_7890L, 8, ByteOrder.LITTLE_ENDIAN);

        assertEquals(40, ifreq.length);
        byte[] name = Arrays.copyOf("enP31819s1".getBytes(StandardCharsets.US_ASCII), 16);
        assertArrayEquals(name, Arrays.copyOfRange(ifreq, 0, 16));
        assertEquals("90785634127f0000", HEX.formatHex(ifreq, 16, 24));
        assertArrayEquals(new byte[16], Arrays.copyOfRange(ifreq, 24, 40));
    }

    @Test
    void interfaceRequestOn32BitSystems() {
        byte[] ifreq = EthtoolIoctlCodec.interfaceRequest("eth0", 0x12345678L, 4, ByteOrder.LITTLE_ENDIAN);

        assertEquals("78563412" + "00000000", HEX.formatHex(ifreq, 16, 24));
    }

    @Test
    void interfaceRequestKeepsRoomForTheTerminator() {
        EthtoolIoctlCodec.interfaceRequest("abcdefghijklmno", 1, 8, ByteOrder.LITTLE_ENDIAN);

        assertThrows(IllegalArgumentException.class,
                () -> EthtoolIoctlCodec.interfaceRequest("abcdefghijklmnop", 1, 8, ByteOrder.LITTLE_ENDIAN));
    }
}
