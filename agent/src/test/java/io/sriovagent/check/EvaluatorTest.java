package io.sriovagent.check;

import static io.sriovagent.host.Snapshots.ETH0_MAC;
import static io.sriovagent.host.Snapshots.ETH1_MAC;
import static io.sriovagent.host.Snapshots.counters;
import static io.sriovagent.host.Snapshots.cx4;
import static io.sriovagent.host.Snapshots.host;
import static io.sriovagent.host.Snapshots.nic;
import static io.sriovagent.host.Snapshots.vf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.OsSupport;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.Snapshots;
import io.sriovagent.host.VfPairing;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final PciFunction ETH0_VF_PCI = cx4("7c4b:00:02.0", "enP31819s1");
    private static final PciFunction ETH1_VF_PCI = cx4("a3f0:00:02.0", "enP41968s2");

    private final Evaluator evaluator = new Evaluator(ExpectVf.AUTO, DatapathThresholds.DEFAULTS);

    /** Two NICs, both VFs enslaved and up; the window moves the given packet counts. */
    private static HostSnapshot twoNics(long seconds, long eth0Vf, long eth0Syn, long eth1Vf, long eth1Syn) {
        return host().at(seconds)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI), counters(eth0Vf, eth0Syn)))
                .nic(nic("eth1", ETH1_MAC, vf("enP41968s2", ETH1_MAC, ETH1_VF_PCI), counters(eth1Vf, eth1Syn)))
                .build();
    }

    private static CheckResult result(Evaluation evaluation, CheckId id, String subject) {
        return evaluation.checks().stream()
                .filter(c -> c.id() == id && java.util.Objects.equals(c.subject(), subject))
                .findFirst().orElseThrow(() -> new AssertionError("no " + id + " result for " + subject
                        + " in " + evaluation.checks()));
    }

    @Test
    void healthyTwoNicHostPassesEveryCheck() {
        Evaluation evaluation = evaluator.evaluate(
                twoNics(0, 1000, 10, 5000, 3), twoNics(5, 11000, 30, 9000, 5), Set.of());

        assertTrue(evaluation.verdict().healthy(), evaluation.checks().toString());
        assertEquals(List.of(), evaluation.verdict().reasons());
        for (String nic : List.of("eth0", "eth1")) {
            for (CheckId id : List.of(CheckId.VF_PRESENT, CheckId.VF_LINK, CheckId.VF_MTU, CheckId.DATAPATH)) {
                assertEquals(CheckStatus.PASS, result(evaluation, id, nic).status(), id + " " + nic);
            }
        }
        assertEquals(CheckStatus.PASS, result(evaluation, CheckId.VF_DRIVER_BOUND, "7c4b:00:02.0").status());
        assertEquals(CheckStatus.PASS, result(evaluation, CheckId.KERNEL_VERSION, null).status());
        assertEquals("VF enP31819s1 (7c4b:00:02.0, ConnectX-4 Lx Virtual Function, mlx5_core) is enslaved to eth0",
                result(evaluation, CheckId.VF_PRESENT, "eth0").message());
        TrafficWindow eth0 = evaluation.traffic().get("eth0");
        assertEquals(10000, eth0.vfPackets());
        assertEquals(20, eth0.syntheticPackets());
        assertEquals(5.0, eth0.windowSeconds(), 1e-9);
        assertTrue(result(evaluation, CheckId.DATAPATH, "eth0").message().startsWith("99.8% of eth0's packets"),
                result(evaluation, CheckId.DATAPATH, "eth0").message());
    }

    @Test
    void checksAreOrderedByIdThenSubject() {
        Evaluation evaluation = evaluator.evaluate(twoNics(0, 0, 0, 0, 0), twoNics(5, 0, 0, 0, 0), Set.of());

        List<String> keys = evaluation.checks().stream().map(CheckResult::key).toList();
        assertEquals(List.of("kernel_version", "vf_present:eth0", "vf_present:eth1", "vf_driver_bound:7c4b:00:02.0",
                "vf_driver_bound:a3f0:00:02.0", "vf_link:eth0", "vf_link:eth1", "vf_mtu:eth0", "vf_mtu:eth1",
                "datapath:eth0", "datapath:eth1"), keys);
    }

    @Test
    void firstProbeLeavesDatapathPendingAndHealthy() {
        Evaluation evaluation = evaluator.evaluate(null, twoNics(0, 0, 0, 0, 0), Set.of());

        assertEquals(CheckStatus.PENDING, result(evaluation, CheckId.DATAPATH, "eth0").status());
        assertTrue(evaluation.verdict().healthy());
        assertTrue(evaluation.traffic().isEmpty());
    }

    @Test
    void datapathNotSwitchedFailsWhenQueuesCarryTheTraffic() {
        // failure mode 10: VF enslaved and up, vf_* flat while the queue counters grow
        Evaluation evaluation = evaluator.evaluate(
                twoNics(0, 5000, 100, 0, 0), twoNics(5, 5000, 4100, 0, 0), Set.of());

        CheckResult datapath = result(evaluation, CheckId.DATAPATH, "eth0");
        assertEquals(CheckStatus.FAIL, datapath.status());
        assertTrue(datapath.message().startsWith("only 0.0% of eth0's packets went through VF enP31819s1"),
                datapath.message());
        assertTrue(datapath.message().contains("VF +0, synthetic +4,000 packets in 5.0 s"), datapath.message());
        assertEquals(List.of("datapath:eth0"), evaluation.verdict().reasons());
        assertEquals(CheckStatus.SKIP, result(evaluation, CheckId.DATAPATH, "eth1").status(), "eth1 is idle");
    }

    @Test
    void windowInWhichTheVfArrivedIsNotJudged() {
        // host servicing re-added the VF mid-window: the packets went synthetic while it was away
        HostSnapshot before = host().at(0).nic(nic("eth0", ETH0_MAC, null, counters(0, 100))).build();
        HostSnapshot after = host().at(5)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI), counters(200, 9000))).build();

        Evaluation evaluation = evaluator.evaluate(before, after, Set.of());

        CheckResult datapath = result(evaluation, CheckId.DATAPATH, "eth0");
        assertEquals(CheckStatus.SKIP, datapath.status());
        assertTrue(datapath.message().contains("arrived or changed during the window"), datapath.message());
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void idleWindowIsNotJudgedAndSaysSo() {
        Evaluation evaluation = evaluator.evaluate(twoNics(0, 100, 10, 0, 0), twoNics(5, 100, 60, 0, 0), Set.of());

        CheckResult datapath = result(evaluation, CheckId.DATAPATH, "eth0");
        assertEquals(CheckStatus.SKIP, datapath.status());
        assertTrue(datapath.message().startsWith("idle: 50 packets in 5.0 s (fewer than 500)"), datapath.message());
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void counterResetIsNotTraffic() {
        Evaluation evaluation = evaluator.evaluate(
                twoNics(0, 900_000, 100, 0, 0), twoNics(5, 300, 4000, 0, 0), Set.of());

        CheckResult datapath = result(evaluation, CheckId.DATAPATH, "eth0");
        assertEquals(CheckStatus.SKIP, datapath.status());
        assertTrue(datapath.message().contains("went backwards"), datapath.message());
        assertTrue(evaluation.traffic().get("eth0").counterReset());
        assertTrue(Double.isNaN(evaluation.traffic().get("eth0").vfShare()));
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void nicThatLostItsVfFailsWithEvidenceOfAbsence() {
        HostSnapshot before = twoNics(0, 0, 0, 0, 0);
        HostSnapshot after = host().at(5)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI), counters(0, 0)))
                .nic(nic("eth1", ETH1_MAC, null, counters(0, 0)))
                .build();

        Evaluation evaluation = evaluator.evaluate(before, after, Set.of());

        CheckResult present = result(evaluation, CheckId.VF_PRESENT, "eth1");
        assertEquals(CheckStatus.FAIL, present.status());
        assertTrue(present.message().startsWith("no VF is paired with eth1: no VF PCI device is present"),
                present.message());
        assertEquals(CheckStatus.SKIP, result(evaluation, CheckId.VF_LINK, "eth1").status());
        assertEquals(List.of("vf_present:eth1"), evaluation.verdict().reasons());
    }

    @Test
    void autoSkipsNicsThatNeverHadAVf() {
        HostSnapshot snapshot = host().at(0)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI), counters(0, 0)))
                .nic(nic("eth1", ETH1_MAC, null, counters(0, 0)))
                .build();

        Evaluation auto = evaluator.evaluate(null, snapshot, Set.of());
        Evaluation all = new Evaluator(ExpectVf.ALL, DatapathThresholds.DEFAULTS).evaluate(null, snapshot, Set.of());
        Evaluation remembered = evaluator.evaluate(null, snapshot, Set.of("eth1"));

        assertEquals(CheckStatus.SKIP, result(auto, CheckId.VF_PRESENT, "eth1").status());
        assertTrue(auto.verdict().healthy());
        assertEquals(CheckStatus.FAIL, result(all, CheckId.VF_PRESENT, "eth1").status());
        assertEquals(CheckStatus.FAIL, result(remembered, CheckId.VF_PRESENT, "eth1").status());
    }

    @Test
    void autoRequiresAtLeastOneVfOnTheHost() {
        // failure mode 3: AN enabled in the portal, no VF in the guest
        HostSnapshot snapshot = host().at(0)
                .nic(nic("eth0", ETH0_MAC, null, counters(0, 0)))
                .nic(nic("eth1", ETH1_MAC, null, counters(0, 0)))
                .build();

        Evaluation evaluation = evaluator.evaluate(null, snapshot, Set.of());

        CheckResult host = result(evaluation, CheckId.VF_PRESENT, null);
        assertEquals(CheckStatus.FAIL, host.status());
        assertTrue(host.message().startsWith("none of the 2 synthetic NICs has a VF"), host.message());
        assertEquals(List.of("vf_present"), evaluation.verdict().reasons());
        assertEquals(CheckStatus.SKIP, result(evaluation, CheckId.VF_DRIVER_BOUND, null).status());
    }

    @Test
    void hostWithoutSyntheticNicsIsUnhealthyWithOneClearReason() {
        Evaluation evaluation = evaluator.evaluate(null, host().build(), Set.of());

        assertEquals(List.of("vf_present"), evaluation.verdict().reasons());
        assertTrue(result(evaluation, CheckId.VF_PRESENT, null).message()
                .startsWith("no Hyper-V synthetic NIC found: this is not an Azure VM"));
    }

    @Test
    void noNicBecauseNothingCouldBeReadSaysSoInsteadOfBlamingTheVm() {
        HostSnapshot unreadable = host().error(new io.sriovagent.host.ReadError("sysfs", "/sys/class/net",
                "cannot list: permission denied")).build();

        CheckResult present = result(evaluator.evaluate(null, unreadable, Set.of()), CheckId.VF_PRESENT, null);

        assertEquals("no Hyper-V synthetic NIC could be read: sysfs: /sys/class/net: cannot list: permission denied",
                present.message());
    }

    @Test
    void explicitListFailsForListedNicThatDoesNotExist() {
        Evaluator listed = new Evaluator(ExpectVf.parse("eth0,eth7"), DatapathThresholds.DEFAULTS);

        Evaluation evaluation = listed.evaluate(null, twoNics(0, 0, 0, 0, 0), Set.of());

        assertEquals(CheckStatus.FAIL, result(evaluation, CheckId.VF_PRESENT, "eth7").status());
        assertEquals(CheckStatus.PASS, result(evaluation, CheckId.VF_PRESENT, "eth1").status(),
                "a NIC with a VF passes even when not listed");
        assertEquals(List.of("vf_present:eth7"), evaluation.verdict().reasons());
    }

    @Test
    void vfDownFailsLinkAndMtuMismatchOnlyWarns() {
        HostSnapshot snapshot = host().at(0)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI, "down", 1500, VfPairing.LOWER_LINK,
                        null), counters(0, 0)))
                .nic(nic("eth1", ETH1_MAC, vf("enP41968s2", ETH1_MAC, ETH1_VF_PCI, "up", 9000, VfPairing.LOWER_LINK,
                        null), counters(0, 0)))
                .build();

        Evaluation evaluation = evaluator.evaluate(null, snapshot, Set.of());

        CheckResult link = result(evaluation, CheckId.VF_LINK, "eth0");
        assertEquals(CheckStatus.FAIL, link.status());
        assertTrue(link.message().contains("is down: eth0 sends through the synthetic path"), link.message());
        CheckResult mtu = result(evaluation, CheckId.VF_MTU, "eth1");
        assertEquals(CheckStatus.WARN, mtu.status());
        assertEquals(Severity.WARNING, mtu.severity());
        assertTrue(mtu.message().startsWith("VF enP41968s2 has MTU 9000 but eth1 has MTU 1500"), mtu.message());
        assertEquals(List.of("vf_link:eth0"), evaluation.verdict().reasons());
    }

    @Test
    void unknownOperationalStateIsNotJudged() {
        HostSnapshot snapshot = host().at(0)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI, "unknown", 1500,
                        VfPairing.LOWER_LINK, null), counters(0, 0)))
                .build();

        Evaluation evaluation = evaluator.evaluate(null, snapshot, Set.of());

        CheckResult link = result(evaluation, CheckId.VF_LINK, "eth0");
        assertEquals(CheckStatus.SKIP, link.status());
        assertTrue(link.message().contains("reports its operational state as unknown"), link.message());
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void vfPairedOnlyByMacAndSlaveFlagPassesButSaysSo() {
        HostSnapshot snapshot = host().at(0)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI, "up", 1500,
                        VfPairing.MAC_AND_SLAVE_FLAG, null), counters(0, 0)))
                .build();

        CheckResult present = result(evaluator.evaluate(null, snapshot, Set.of()), CheckId.VF_PRESENT, "eth0");

        assertEquals(CheckStatus.PASS, present.status());
        assertTrue(present.message().contains("enslavement not confirmed"), present.message());
    }

    @Test
    void unenslavedVfWithTheNicsMacIsNamedInTheFailure() {
        // failure mode 5: VF netdev present but not enslaved, stuck with a temporary name
        PciFunction pci = cx4("7c4b:00:02.0", "rename6");
        HostSnapshot snapshot = host().at(0)
                .nic(nic("eth0", ETH0_MAC, null, counters(0, 0)))
                .unpaired(vf("rename6", ETH0_MAC, pci, "down", 1500, VfPairing.NONE, null))
                .build();

        CheckResult present = result(evaluator.evaluate(null, snapshot, Set.of("eth0")), CheckId.VF_PRESENT, "eth0");

        assertEquals(CheckStatus.FAIL, present.status());
        assertTrue(present.message().contains("VF interface rename6 (7c4b:00:02.0, ConnectX-4 Lx Virtual Function,"
                + " mlx5_core) carries its MAC but is not enslaved to it"), present.message());
    }

    @Test
    void vfFunctionWithoutDriverFailsDriverBoundAndExplainsTheMissingVf() {
        // failure mode 4: the PCI device arrived, no driver bound (MANA on an old kernel)
        PciFunction mana = Snapshots.function("7870:00:00.0", "1414", "00ba", DriverBinding.noDriver());
        HostSnapshot snapshot = host().at(0).nic(nic("eth0", ETH0_MAC, null, counters(0, 0))).function(mana).build();

        Evaluation evaluation = evaluator.evaluate(null, snapshot, Set.of());

        CheckResult bound = result(evaluation, CheckId.VF_DRIVER_BOUND, "7870:00:00.0");
        assertEquals(CheckStatus.FAIL, bound.status());
        assertEquals(CheckResult.Scope.DEVICE, bound.scope());
        assertTrue(bound.message().startsWith("7870:00:00.0 (1414:00ba) has no driver bound"), bound.message());
        assertTrue(result(evaluation, CheckId.VF_PRESENT, null).message()
                .contains("7870:00:00.0 (1414:00ba) with no driver bound (see vf_driver_bound)"));
        assertEquals(List.of("vf_present", "vf_driver_bound:7870:00:00.0"), evaluation.verdict().reasons());
    }

    @Test
    void driverStatesOtherThanAVfDriver() {
        PciFunction mlx4WithoutEn = Snapshots.function("0002:00:02.0", "15b3", "1004",
                DriverBinding.vfDriver("mlx4_core"));
        PciFunction vfio = Snapshots.function("0003:00:02.0", "15b3", "1016",
                new DriverBinding(DriverBinding.State.OTHER_DRIVER, "vfio-pci", "bound for user-space I/O"));
        PciFunction unreadable = Snapshots.function("0004:00:02.0", "15b3", "1016",
                new DriverBinding(DriverBinding.State.UNREADABLE, null, "driver link unreadable"));
        HostSnapshot snapshot = host().at(0).nic(nic("eth0", ETH0_MAC, null, null))
                .function(mlx4WithoutEn).function(vfio).function(unreadable).build();

        Evaluation evaluation = evaluator.evaluate(null, snapshot, Set.of());

        assertTrue(result(evaluation, CheckId.VF_DRIVER_BOUND, "0002:00:02.0").message()
                .endsWith("has mlx4_core bound but no network interface (ConnectX-3 also needs mlx4_en)"));
        CheckResult other = result(evaluation, CheckId.VF_DRIVER_BOUND, "0003:00:02.0");
        assertEquals(CheckStatus.FAIL, other.status());
        assertTrue(other.message().contains("vfio-pci, which is not a VF network driver: bound for user-space I/O"));
        assertEquals(CheckStatus.SKIP, result(evaluation, CheckId.VF_DRIVER_BOUND, "0004:00:02.0").status());
    }

    @Test
    void oldKernelWarnsWithoutMakingTheHostUnhealthy() {
        HostSnapshot snapshot = host().at(0).os(Snapshots.ubuntu(OsSupport.Status.UNSUPPORTED))
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI), counters(0, 0))).build();

        Evaluation evaluation = evaluator.evaluate(null, snapshot, Set.of());

        CheckResult kernel = result(evaluation, CheckId.KERNEL_VERSION, null);
        assertEquals(CheckStatus.WARN, kernel.status());
        assertTrue(evaluation.verdict().healthy());
        CheckResult unknown = result(evaluator.evaluate(null, host().os(Snapshots.ubuntu(OsSupport.Status.UNKNOWN))
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI), counters(0, 0))).build(),
                Set.of()), CheckId.KERNEL_VERSION, null);
        assertEquals(CheckStatus.SKIP, unknown.status());
    }

    @Test
    void unreadableCountersSkipDatapathRatherThanGuess() {
        HostSnapshot before = host().at(0)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI), null)).build();
        HostSnapshot after = host().at(5)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI), null)).build();

        Evaluation evaluation = evaluator.evaluate(before, after, Set.of());

        assertEquals(CheckStatus.SKIP, result(evaluation, CheckId.DATAPATH, "eth0").status());
        assertNull(evaluation.traffic().get("eth0"));
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void countersFromDifferentSourcesAreNotSubtracted() {
        NicCounters viaSysfs = new NicCounters(NicCounters.Source.INTERFACE_STATISTICS, 1, 1, 1, 1, 0, 1, 1);
        HostSnapshot before = host().at(0)
                .nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI), viaSysfs)).build();

        Evaluation evaluation = evaluator.evaluate(before, twoNics(5, 10, 10, 0, 0), Set.of());

        assertFalse(evaluation.traffic().containsKey("eth0"));
        assertEquals(CheckStatus.PENDING, result(evaluation, CheckId.DATAPATH, "eth0").status());
    }

    @Test
    void vfOwnCountersCorroborateTheDatapath() {
        HostSnapshot before = host().at(0).nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI, "up",
                1500, VfPairing.LOWER_LINK, new InterfaceCounters(100, 100, 0, 0)), counters(1000, 0))).build();
        HostSnapshot after = host().at(5).nic(nic("eth0", ETH0_MAC, vf("enP31819s1", ETH0_MAC, ETH0_VF_PCI, "up",
                1500, VfPairing.LOWER_LINK, new InterfaceCounters(1100, 1100, 0, 0)), counters(3000, 5))).build();

        CheckResult datapath = result(evaluator.evaluate(before, after, Set.of()), CheckId.DATAPATH, "eth0");

        assertTrue(datapath.message().endsWith("; VF interface's own counters +2,000)"), datapath.message());
    }
}
