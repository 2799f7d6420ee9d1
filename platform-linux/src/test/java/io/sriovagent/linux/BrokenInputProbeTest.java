package io.sriovagent.linux;

import static io.sriovagent.linux.Evaluations.errorSubjects;
import static io.sriovagent.linux.Evaluations.evaluate;
import static io.sriovagent.linux.Evaluations.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.check.Evaluation;
import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.OsSupport;
import io.sriovagent.host.ReadError;
import io.sriovagent.host.VfPairing;
import io.sriovagent.hosttree.HostTreeArchive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable and garbled files, interfaces that vanish while read, a failing statistics source, no host at all. */
class BrokenInputProbeTest {

    private static final String BASE = "cx4lx-gen1-2nic.hosttree";
    private static final String VF1_DIR = "sys/devices/LNXSYSTM:00/LNXSYBUS:00/PNP0A03:00/device:07/VMBUS:01/"
            + "00000000-a3f0-0000-0000-000000000000";
    private static final String ETH1_STATISTICS = "sys/devices/LNXSYSTM:00/LNXSYBUS:00/PNP0A03:00/device:07/VMBUS:01/"
            + "7c1e523e-f6cb-7c1e-523e-f6cb7c1e523e/net/eth1/statistics";

    @TempDir
    Path root;

    @Test
    void unreadableAndGarbledFilesLeaveValuesUnknownAndSayWhichFile() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx4lx-gen1-2nic.broken-files.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertEquals(List.of(
                "os /proc/sys/kernel/osrelease",
                "sysfs /sys/bus/pci/devices/a3f0:00:02.0/driver",
                "sysfs /sys/class/net/enP31819s1/mtu",
                "sysfs /sys/class/net/enP41968s2/address",
                "sysfs /sys/class/net/enP41968s2/flags",
                "sysfs /sys/class/net/eth0/statistics/rx_packets",
                "sysfs /sys/class/net/eth1/mtu"), errorSubjects(second).stream().sorted().toList());
        assertEquals("not a number: \"abc\"", message(second, "/sys/class/net/enP31819s1/mtu"));
        assertEquals("not a hexadecimal value: \"zz\"", message(second, "/sys/class/net/enP41968s2/flags"));
        assertEquals("not a MAC address: \"7c:1e:52:3e:f6\"", message(second, "/sys/class/net/enP41968s2/address"));
        assertEquals(-1, second.nic("eth1").orElseThrow().mtu());
        assertEquals(-1, second.nic("eth0").orElseThrow().vf().mtu());
        assertNull(second.nic("eth1").orElseThrow().vf().mac());
        assertEquals(VfPairing.LOWER_LINK, second.nic("eth1").orElseThrow().vf().pairing(), "the links still pair it");
        assertEquals(DriverBinding.State.UNREADABLE, second.vfFunctions().get(1).driver().state());
        assertEquals(NicCounters.Source.NETVSC_ETHTOOL, second.nic("eth0").orElseThrow().counters().source());
        assertNull(second.os().kernel());
        assertEquals(OsSupport.Status.UNKNOWN, second.os().support().status());
        assertEquals(errorSubjects(first).stream().sorted().toList(), errorSubjects(second).stream().sorted().toList());

        Evaluation evaluation = evaluate(first, second);
        assertEquals("skip", statuses(evaluation).get("kernel_version"));
        assertEquals("skip", statuses(evaluation).get("vf_mtu:eth0"));
        assertEquals("skip", statuses(evaluation).get("vf_mtu:eth1"));
        assertEquals("skip", statuses(evaluation).get("vf_driver_bound:a3f0:00:02.0"));
        assertTrue(evaluation.verdict().healthy(), "unreadable is not broken: " + evaluation.verdict());
    }

    @Test
    void interfaceThatVanishesWhileReadIsDroppedWithoutErrors() {
        Path vfDir = root.resolve(VF1_DIR);
        FixtureHost host = FixtureHost.builder(root, BASE)
                .fileReader(file -> {
                    if (file.endsWith("enP41968s2/mtu") && Files.exists(vfDir)) {
                        deleteTree(vfDir); // host servicing withdraws the VF in the middle of the probe
                    }
                    return Files.readString(file, StandardCharsets.UTF_8);
                })
                .build();

        HostSnapshot snapshot = host.probe();

        assertNull(snapshot.nic("eth1").orElseThrow().vf());
        assertEquals("enP31819s1", snapshot.nic("eth0").orElseThrow().vf().name());
        assertEquals(List.of("7c4b:00:02.0"), snapshot.vfFunctions().stream().map(f -> f.address()).toList());
        assertEquals(List.of(), snapshot.unpairedVfs());
        assertEquals(List.of(), snapshot.readErrors());
    }

    @Test
    void listedInterfaceWhoseDirectoryIsAlreadyGoneIsSkipped() throws IOException {
        FixtureHost host = FixtureHost.of(root, BASE);
        HostTreeArchive.unpack("remove " + VF1_DIR + "/pcia3f0:00/a3f0:00:02.0/net\n", root);

        HostSnapshot snapshot = host.probe();

        assertNull(snapshot.nic("eth1").orElseThrow().vf());
        assertEquals(List.of(), snapshot.readErrors());
    }

    @Test
    void failingStatisticsSourceIsAReadErrorAndCountersComeFromInterfaceStatistics() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx4lx-gen1-2nic.ethtool-failing.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertEquals(List.of("ethtool eth0", "ethtool eth1"), errorSubjects(second));
        assertEquals("statistics source fixture: ENODEV", message(second, "eth0"));
        assertTrue(message(second, "eth1").startsWith("statistics source fixture: ethtool output has no statistics"),
                message(second, "eth1"));
        // eth0's VF interface counted 111194 rx / 9107649 tx of eth0's 115889 rx / 9108834 tx.
        assertEquals(new NicCounters(NicCounters.Source.INTERFACE_STATISTICS, 111194, 9107649, 395461637,
                2184786808L, 0, 115889 - 111194, 9108834 - 9107649), second.nic("eth0").orElseThrow().counters());

        Evaluation evaluation = evaluate(first, second);
        assertEquals("skip", statuses(evaluation).get("datapath:eth0"), "idle window");
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void nicWithNeitherStatisticsNorInterfaceCountersHasNoCounters() throws IOException {
        FixtureHost host = FixtureHost.of(root, BASE, "cx4lx-gen1-2nic.ethtool-failing.hosttree");
        HostTreeArchive.unpack("unreadable " + ETH1_STATISTICS + "/rx_packets\n", root);

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertNull(second.nic("eth1").orElseThrow().counters());
        assertEquals(List.of("ethtool eth0", "ethtool eth1", "sysfs /sys/class/net/eth1/statistics/rx_packets"),
                errorSubjects(second).stream().sorted().toList());
        assertEquals("skip", statuses(evaluate(first, second)).get("datapath:eth1"));
    }

    @Test
    void emptyHostRootYieldsReadErrorsNotExceptions() {
        FixtureHost host = FixtureHost.builder(root).build();

        HostSnapshot snapshot = host.probe();

        assertEquals(List.of(), snapshot.nics());
        assertEquals(List.of("os /etc/os-release", "os /proc/sys/kernel/osrelease", "sysfs /sys/class/net",
                "sysfs /sys/bus/pci/devices"), errorSubjects(snapshot), "no VF to name: lspci is not run");
        assertEquals(OsSupport.Status.UNKNOWN, snapshot.os().support().status());
    }

    private static String message(HostSnapshot snapshot, String subject) {
        return snapshot.readErrors().stream().filter(error -> error.subject().equals(subject))
                .map(ReadError::message).findFirst().orElseThrow();
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
