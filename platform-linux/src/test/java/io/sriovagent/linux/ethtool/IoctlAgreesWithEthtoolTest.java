package io.sriovagent.linux.ethtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sriovagent.linux.exec.CommandResult;
import io.sriovagent.linux.exec.CommandRunner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ioctl reader on this machine's real kernel, compared with the real {@code ethtool -S}: its NIC
 * {@code eth0} and a veth pair created for the test.
 */
class IoctlAgreesWithEthtoolTest {

    private static final CommandRunner RUNNER = new CommandRunner(Duration.ofSeconds(10));
    private static final long PID = ProcessHandle.current().pid();
    private static final String VETH = "sat" + PID + "a";
    private static final String VETH_PEER = "sat" + PID + "b";
    private static final String ABSENT = "satnone" + PID;

    private static IoctlStatisticsSource ioctl;
    private static Path ethtoolPath;
    private static String vethProblem;

    @BeforeAll
    static void openSources() {
        assumeTrue(Files.isDirectory(Path.of("/sys/class/net")), "needs a Linux kernel with sysfs");
        ioctl = new IoctlStatisticsSource();
        ethtoolPath = Stream.of("/usr/sbin/ethtool", "/sbin/ethtool").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        vethProblem = createVethPair();
    }

    @AfterAll
    static void cleanUp() {
        if (ioctl != null) {
            ioctl.close();
        }
        if (vethProblem == null) {
            RUNNER.run(List.of("ip", "link", "del", VETH));
        }
    }

    /** Null when the pair exists, else why it could not be made. */
    private static String createVethPair() {
        if (!isRoot()) {
            return "creating a veth pair needs root";
        }
        CommandResult created = RUNNER.run(List.of("ip", "link", "add", VETH, "type", "veth", "peer", "name", VETH_PEER));
        return created.succeeded() ? null : "cannot create a veth pair: " + created.describeFailure();
    }

    private static boolean isRoot() {
        try {
            // "Uid:" real, effective, saved, filesystem
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }

    private static NicStatistics ethtool(String iface) {
        assumeTrue(ethtoolPath != null, "ethtool is not installed (/usr/sbin/ethtool, /sbin/ethtool)");
        return new CommandStatisticsSource(ethtoolPath.toString(), RUNNER).read(iface);
    }

    @Test
    void eth0AgreesWithEthtoolBetweenTwoIoctlReads() {
        assumeTrue(Files.exists(Path.of("/sys/class/net/eth0")), "this machine has no eth0");
        NicStatistics before = ioctl.read("eth0");
        NicStatistics printed = ethtool("eth0");
        NicStatistics after = ioctl.read("eth0");

        assertEquals(NicStatistics.Outcome.READ, before.outcome(), before.detail());
        assertEquals(NicStatistics.Outcome.READ, printed.outcome(), printed.detail());
        assertEquals(NicStatistics.Outcome.READ, after.outcome(), after.detail());
        List<String> names = List.copyOf(before.values().keySet());
        assertEquals(names, List.copyOf(printed.values().keySet()), "same names in the same order");
        assertEquals(names, List.copyOf(after.values().keySet()));
        System.out.printf("eth0 (%s): %d statistics, ioctl before / ethtool -S / ioctl after%n",
                driverOf("eth0"), names.size());
        for (String name : names) {
            long first = before.values().get(name);
            long middle = printed.values().get(name);
            long last = after.values().get(name);
            System.out.printf("  %-24s %12s %12s %12s%n", name, Long.toUnsignedString(first),
                    Long.toUnsignedString(middle), Long.toUnsignedString(last));
            // Counters only grow: what ethtool printed lies between the two ioctl reads around it.
            assertTrue(Long.compareUnsigned(first, middle) <= 0 && Long.compareUnsigned(middle, last) <= 0,
                    name + ": ethtool printed " + middle + ", ioctl read " + first + " before and " + last + " after");
        }
    }

    @Test
    void vethAgreesWithEthtoolExactly() throws IOException {
        assumeTrue(vethProblem == null, vethProblem);
        // Both ends are down: nothing moves, so every value must be equal.
        NicStatistics read = ioctl.read(VETH);
        NicStatistics printed = ethtool(VETH);

        assertEquals(NicStatistics.Outcome.READ, read.outcome(), read.detail());
        assertEquals(List.copyOf(printed.values().keySet()), List.copyOf(read.values().keySet()));
        assertEquals(printed.values(), read.values());
        long peerIndex = Long.parseLong(Files.readString(Path.of("/sys/class/net", VETH_PEER, "ifindex")).strip());
        assertEquals(peerIndex, read.value("peer_ifindex").getAsLong(), "veth reports its peer's ifindex");
        System.out.println(VETH + " (veth): " + read.values());
    }

    @Test
    void loopbackHasNoStatisticsForBoth() {
        NicStatistics read = ioctl.read("lo");
        NicStatistics printed = ethtool("lo");

        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, read.outcome(), read.detail());
        assertEquals(NicStatistics.Outcome.NOT_SUPPORTED, printed.outcome(), printed.detail());
    }

    @Test
    void anAbsentInterfaceFailsForBoth() {
        NicStatistics read = ioctl.read(ABSENT);
        NicStatistics printed = ethtool(ABSENT);

        assertEquals(NicStatistics.Outcome.FAILED, read.outcome());
        assertEquals("interface vanished: no such device (ETHTOOL_GSSET_INFO on " + ABSENT + ": ENODEV (19))",
                read.detail());
        assertEquals(NicStatistics.Outcome.FAILED, printed.outcome());
        assertTrue(printed.detail().contains("No such device"), printed.detail());
    }

    @Test
    void theDriverInfoCountOfOldKernelsMatchesTheSetInfoCount() throws Exception {
        assumeTrue(Files.exists(Path.of("/sys/class/net/eth0")), "this machine has no eth0");
        try (LibcEthtoolChannel channel = new LibcEthtoolChannel(LinuxLibc::load)) {
            ByteBuffer setInfo = EthtoolIoctlCodec.statisticsCountRequest(ByteOrder.nativeOrder());
            ByteBuffer driverInfo = EthtoolIoctlCodec.driverInfoRequest(ByteOrder.nativeOrder());
            channel.exchange("eth0", setInfo);
            channel.exchange("eth0", driverInfo);

            assertEquals(EthtoolIoctlCodec.statisticsCount(setInfo).getAsInt(),
                    EthtoolIoctlCodec.driverInfoStatisticsCount(driverInfo));
        }
    }

    private static String driverOf(String iface) {
        try {
            return Files.readSymbolicLink(Path.of("/sys/class/net", iface, "device", "driver")).getFileName().toString();
        } catch (IOException e) {
            return "driver unknown";
        }
    }
}
