package io.sriovagent.linux.ethtool;

import static io.sriovagent.linux.ethtool.EthtoolIoctlCodec.ETHTOOL_GDRVINFO;
import static io.sriovagent.linux.ethtool.EthtoolIoctlCodec.ETHTOOL_GSSET_INFO;
import static io.sriovagent.linux.ethtool.EthtoolIoctlCodec.ETHTOOL_GSTATS;
import static io.sriovagent.linux.ethtool.EthtoolIoctlCodec.ETHTOOL_GSTRINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read sequence against recorded and scripted kernel replies. */
class IoctlStatisticsSourceTest {

    private static final ByteBuffer ETH0_COUNT = HexBuffers.resource("virtio-eth0-gsset-info.hex");
    private static final ByteBuffer ETH0_NAMES = HexBuffers.resource("virtio-eth0-gstrings.hex");
    private static final ByteBuffer ETH0_VALUES = HexBuffers.resource("virtio-eth0-gstats.hex");

    private final ScriptedChannel kernel = new ScriptedChannel();
    private final IoctlStatisticsSource source = new IoctlStatisticsSource(kernel, ByteOrder.LITTLE_ENDIAN);

    @Test
    void recordedVirtioRepliesGiveWhatEthtoolPrinted() {
        kernel.reply(ETH0_COUNT).reply(ETH0_NAMES).reply(ETH0_VALUES);

        IoctlReading reading = source.readReporting("eth0");

        assertEquals(NicStatistics.Outcome.READ, reading.statistics().outcome());
        assertFalse(reading.mechanismUnavailable());
        assertEquals(EthtoolStatsParser.parse(HexBuffers.printed("virtio-eth0-ethtool-S.txt")).values(),
                reading.statistics().values());
        assertEquals(List.copyOf(EthtoolStatsParser.parse(HexBuffers.printed("virtio-eth0-ethtool-S.txt")).values().keySet()),
                List.copyOf(reading.statistics().values().keySet()));
        assertEquals(List.of(ETHTOOL_GSSET_INFO, ETHTOOL_GSTRINGS, ETHTOOL_GSTATS), kernel.commandsSent);
        assertEquals(List.of("eth0", "eth0", "eth0"), kernel.interfacesAsked);
    }

    @Test
    void syntheticNetvscRepliesGiveTheVfCounters() {
        kernel.reply(HexBuffers.resource("synthetic-netvsc-gsset-info.hex"))
                .reply(HexBuffers.resource("synthetic-netvsc-gstrings.hex"))
                .reply(HexBuffers.resource("synthetic-netvsc-gstats.hex"));

        NicStatistics stats = source.read("eth0");

        assertEquals(EthtoolStatsParser.parse(HexBuffers.printed("netvsc-wsl2-ethtool-S.txt")).values(), stats.values());
        assertEquals(12301L, stats.value("tx_queue_0_packets").getAsLong());
        assertEquals(280126441L, stats.value("rx_queue_7_bytes").getAsLong());
        assertEquals(0L, stats.value("vf_rx_packets").getAsLong());
    }

    @Test
    void aDriverWithoutTheStatisticsSetIsNotSupported() {
        kernel.reply(HexBuffers.resource("lo-gsset-info.hex"));

        IoctlReading reading = source.readReporting("lo");

        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, reading.statistics().outcome());
        assertFalse(reading.mechanismUnavailable());
        assertEquals(List.of(ETHTOOL_GSSET_INFO), kernel.commandsSent);
    }

    @Test
    void zeroStatisticsIsNotSupported() {
        kernel.reply(ScriptedChannel.withInt(ETH0_COUNT, 16, 0));

        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, source.read("eth0").outcome());
    }

    @Test
    void kernelsWithoutSetInfoGiveTheCountInTheDriverInfo() {
        kernel.fail(Errno.EOPNOTSUPP)
                .reply(HexBuffers.resource("virtio-eth0-gdrvinfo.hex"))
                .reply(ETH0_NAMES)
                .reply(ETH0_VALUES);

        NicStatistics stats = source.read("eth0");

        assertEquals(NicStatistics.Outcome.READ, stats.outcome(), stats.detail());
        assertEquals(20, stats.values().size());
        assertEquals(List.of(ETHTOOL_GSSET_INFO, ETHTOOL_GDRVINFO, ETHTOOL_GSTRINGS, ETHTOOL_GSTATS), kernel.commandsSent);
    }

    @Test
    void noSetInfoAndNoDriverInfoIsNotSupported() {
        kernel.fail(Errno.EOPNOTSUPP).fail(Errno.EOPNOTSUPP);

        NicStatistics stats = source.read("eth0");

        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, stats.outcome());
        assertTrue(stats.detail().contains("ETHTOOL_GDRVINFO on eth0: EOPNOTSUPP (95)"), stats.detail());
    }

    @Test
    void aCountThatChangesOnceIsReadAgain() {
        // synthetic: the count said 19, then the driver had 20 names (it re-registered in between)
        kernel.reply(ScriptedChannel.withInt(ETH0_COUNT, 16, 19)).reply(ETH0_NAMES)
                .reply(ETH0_COUNT).reply(ETH0_NAMES).reply(ETH0_VALUES);

        NicStatistics stats = source.read("eth0");

        assertEquals(NicStatistics.Outcome.READ, stats.outcome(), stats.detail());
        assertEquals(20, stats.values().size());
        assertTrue(kernel.exhausted());
    }

    @Test
    void aValueCountThatDiffersFromTheNamesIsReadAgain() {
        // synthetic: 20 names, then 24 values (channels were added between the two calls)
        kernel.reply(ETH0_COUNT).reply(ETH0_NAMES).reply(ScriptedChannel.withInt(ETH0_VALUES, 4, 24))
                .reply(ETH0_COUNT).reply(ETH0_NAMES).reply(ETH0_VALUES);

        assertEquals(NicStatistics.Outcome.READ, source.read("eth0").outcome());
        assertTrue(kernel.exhausted());
    }

    @Test
    void aCountThatKeepsChangingFailsInsteadOfPairingWrongNames() {
        kernel.reply(ScriptedChannel.withInt(ETH0_COUNT, 16, 19)).reply(ETH0_NAMES)
                .reply(ScriptedChannel.withInt(ETH0_COUNT, 16, 18)).reply(ETH0_NAMES);

        IoctlReading reading = source.readReporting("eth0");

        assertEquals(NicStatistics.Outcome.FAILED, reading.statistics().outcome());
        assertTrue(reading.statistics().detail().contains("changed during the read"), reading.statistics().detail());
        assertTrue(reading.statistics().detail().contains("19 counted, then 20 names"), reading.statistics().detail());
        assertFalse(reading.mechanismUnavailable());
        assertTrue(kernel.exhausted());
    }

    @Test
    void anImplausibleCountFails() {
        kernel.reply(ScriptedChannel.withInt(ETH0_COUNT, 16, -1));

        NicStatistics stats = source.read("eth0");

        assertEquals(NicStatistics.Outcome.FAILED, stats.outcome());
        assertTrue(stats.detail().contains("4294967295"), stats.detail());
    }

    @Test
    void namesAreTrimmedLikeThePrintedOnes() {
        ByteBuffer names = ScriptedChannel.withInt(ETH0_NAMES, 8, 20);
        names.put(12, "  rx_drops  \0\0".getBytes(StandardCharsets.US_ASCII));
        kernel.reply(ETH0_COUNT).reply(names).reply(ETH0_VALUES);

        Map<String, Long> values = source.read("eth0").values();

        assertEquals("rx_drops", values.keySet().iterator().next());
    }

    @Test
    void notSupportedByTheDriverIsNotAFailure() {
        kernel.reply(ETH0_COUNT).fail(Errno.EOPNOTSUPP);

        IoctlReading reading = source.readReporting("eth0");

        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, reading.statistics().outcome());
        assertTrue(reading.statistics().detail().contains("ETHTOOL_GSTRINGS on eth0: EOPNOTSUPP (95)"),
                reading.statistics().detail());
        assertFalse(reading.mechanismUnavailable());
    }

    @Test
    void anInterfaceVanishingMidReadFailsThatReadOnly() {
        kernel.reply(ETH0_COUNT).reply(ETH0_NAMES).fail(Errno.ENODEV);

        IoctlReading reading = source.readReporting("enP31819s1");

        assertEquals(NicStatistics.Outcome.FAILED, reading.statistics().outcome());
        assertEquals("interface vanished: no such device (ETHTOOL_GSTATS on enP31819s1: ENODEV (19))",
                reading.statistics().detail());
        assertFalse(reading.mechanismUnavailable());
    }

    @ParameterizedTest
    @ValueSource(ints = {Errno.EPERM, Errno.EACCES})
    void aRefusedIoctlSaysTheMechanismIsBlocked(int errno) {
        kernel.fail(errno);

        IoctlReading reading = source.readReporting("eth0");

        assertEquals(NicStatistics.Outcome.FAILED, reading.statistics().outcome());
        assertTrue(reading.statistics().detail().startsWith("the kernel refused the ethtool ioctl (ETHTOOL_GSSET_INFO"),
                reading.statistics().detail());
        assertTrue(reading.statistics().detail().contains(Errno.describe(errno)), reading.statistics().detail());
        assertTrue(reading.mechanismUnavailable());
    }

    @Test
    void anIoctlTheKernelDoesNotKnowSaysTheMechanismIsMissing() {
        kernel.fail(Errno.ENOTTY);

        IoctlReading reading = source.readReporting("eth0");

        assertTrue(reading.mechanismUnavailable());
        assertTrue(reading.statistics().detail().contains("ENOTTY (25)"), reading.statistics().detail());
    }

    @Test
    void otherErrorsNameTheStepAndTheErrno() {
        kernel.reply(ETH0_COUNT).reply(ETH0_NAMES).fail(22);

        IoctlReading reading = source.readReporting("eth0");

        assertEquals("ETHTOOL_GSTATS on eth0 failed: EINVAL (22)", reading.statistics().detail());
        assertFalse(reading.mechanismUnavailable());
    }

    @Test
    void anUnknownErrnoKeepsItsNumber() {
        kernel.fail(200);

        assertEquals("ETHTOOL_GSSET_INFO on eth0 failed: errno 200", source.read("eth0").detail());
    }

    @Test
    void anUnavailableChannelSaysSo() {
        kernel.unavailable("cannot open an AF_INET socket for the ioctl: EAFNOSUPPORT (97)");

        IoctlReading reading = source.readReporting("eth0");

        assertEquals(NicStatistics.Outcome.FAILED, reading.statistics().outcome());
        assertEquals("the ethtool ioctl is unavailable: cannot open an AF_INET socket for the ioctl: EAFNOSUPPORT (97)",
                reading.statistics().detail());
        assertTrue(reading.mechanismUnavailable());
    }

    @Test
    void anInvalidNameNeverReachesTheKernel() {
        NicStatistics stats = source.read("eth0:1");

        assertEquals(NicStatistics.Outcome.FAILED, stats.outcome());
        assertTrue(kernel.commandsSent.isEmpty());
    }

    @Test
    void closeClosesTheChannel() {
        source.close();

        assertEquals(1, kernel.closes);
        assertEquals("ioctl", source.name());
    }
}
