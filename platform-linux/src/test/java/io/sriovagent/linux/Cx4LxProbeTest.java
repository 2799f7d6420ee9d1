package io.sriovagent.linux;

import static io.sriovagent.linux.Evaluations.errorSubjects;
import static io.sriovagent.linux.Evaluations.evaluate;
import static io.sriovagent.linux.Evaluations.result;
import static io.sriovagent.linux.Evaluations.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.check.Evaluation;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.OsSupport;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import io.sriovagent.host.VfPairing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ConnectX-4 Lx VM (Gen1) with two accelerated NICs, and the failure modes built on it. */
class Cx4LxProbeTest {

    private static final String BASE = "cx4lx-gen1-2nic.hosttree";

    @TempDir
    Path root;

    @Test
    void healthyHostPairsBothNicsByLowerLinksAndCountsTheDatapath() {
        FixtureHost host = FixtureHost.of(root, BASE);

        HostSnapshot first = host.probe();
        host.overlay("cx4lx-gen1-2nic.traffic.hosttree");
        HostSnapshot second = host.probe();

        assertEquals(List.of("eth0", "eth1"), first.nics().stream().map(SyntheticNic::name).toList());
        SyntheticNic eth0 = first.nic("eth0").orElseThrow();
        assertEquals("7c:1e:52:3e:f0:ce", eth0.mac());
        assertEquals(1500, eth0.mtu());
        assertEquals("hv_netvsc", eth0.driver());
        assertEquals("up", eth0.operState());
        VfInterface vf0 = eth0.vf();
        assertEquals("enP31819s1", vf0.name());
        assertEquals(VfPairing.LOWER_LINK, vf0.pairing());
        assertEquals("7c:1e:52:3e:f0:ce", vf0.mac());
        assertEquals(1500, vf0.mtu());
        assertTrue(vf0.up());
        assertEquals(new PciFunction("7c4b:00:02.0", "15b3", "1016", "ConnectX-4 Lx Virtual Function",
                DriverBinding.vfDriver("mlx5_core"), List.of("enP31819s1")), vf0.pci());
        assertEquals(new InterfaceCounters(111194, 9107649, 395461637, 2184786808L), vf0.ownCounters());
        assertEquals(new NicCounters(NicCounters.Source.NETVSC_ETHTOOL, 111180, 9107646, 395460237, 2184786508L, 0,
                4709, 1188), eth0.counters());
        SyntheticNic eth1 = first.nic("eth1").orElseThrow();
        assertEquals("enP41968s2", eth1.vf().name());
        assertEquals("a3f0:00:02.0", eth1.vf().pci().address());
        assertEquals(List.of("7c4b:00:02.0", "a3f0:00:02.0"),
                first.vfFunctions().stream().map(PciFunction::address).toList());
        assertEquals(List.of(), first.unpairedVfs());
        assertEquals(List.of(), first.readErrors());
        assertEquals(List.of(), second.readErrors());

        assertEquals("ubuntu", first.os().distro());
        assertEquals("20.04", first.os().distroVersion());
        assertEquals("5.15.0-1089-azure", first.os().kernel());
        assertEquals(OsSupport.Status.SUPPORTED, first.os().support().status());
        assertEquals("4.11.0-1013", first.os().support().minimum());
        assertEquals(FixtureHost.PROBE_INTERVAL.toNanos(), second.monotonicNanos() - first.monotonicNanos());
        assertEquals(123180, second.nic("eth0").orElseThrow().counters().vfRxPackets());
        assertEquals(1, host.lspci().runs(), "lspci runs again only when the VF functions change");

        Evaluation evaluation = evaluate(first, second);
        assertEquals(Map.ofEntries(
                Map.entry("datapath:eth0", "pass"), Map.entry("datapath:eth1", "pass"),
                Map.entry("kernel_version", "pass"),
                Map.entry("vf_driver_bound:7c4b:00:02.0", "pass"), Map.entry("vf_driver_bound:a3f0:00:02.0", "pass"),
                Map.entry("vf_link:eth0", "pass"), Map.entry("vf_link:eth1", "pass"),
                Map.entry("vf_mtu:eth0", "pass"), Map.entry("vf_mtu:eth1", "pass"),
                Map.entry("vf_present:eth0", "pass"), Map.entry("vf_present:eth1", "pass")), statuses(evaluation));
        assertTrue(evaluation.verdict().healthy());
        assertEquals(21000, evaluation.traffic().get("eth0").vfPackets());
        assertEquals(100, evaluation.traffic().get("eth0").syntheticPackets());
    }

    @Test
    void datapathNotSwitchedFailsOnTheNicWhoseVfCountersStayFlat() {
        FixtureHost host = FixtureHost.of(root, BASE);

        HostSnapshot first = host.probe();
        host.overlay("cx4lx-gen1-2nic.not-switched.hosttree");
        HostSnapshot second = host.probe();

        SyntheticNic eth0 = second.nic("eth0").orElseThrow();
        assertEquals(VfPairing.LOWER_LINK, eth0.vf().pairing());
        assertTrue(eth0.vf().up());
        assertEquals(first.nic("eth0").orElseThrow().counters().vfPackets(), eth0.counters().vfPackets());
        assertEquals(14709 + 5188, eth0.counters().syntheticPackets());
        assertEquals(List.of(), second.readErrors());

        Evaluation evaluation = evaluate(first, second);
        assertEquals("fail", statuses(evaluation).get("datapath:eth0"));
        assertEquals("pass", statuses(evaluation).get("datapath:eth1"));
        assertEquals("pass", statuses(evaluation).get("vf_link:eth0"));
        assertEquals(List.of("datapath:eth0"), evaluation.verdict().reasons());
        assertTrue(result(evaluation, "datapath:eth0").message().contains("VF +0, synthetic +14,000 packets"),
                result(evaluation, "datapath:eth0").message());
    }

    @Test
    void idleNicsAreNotJudged() {
        FixtureHost host = FixtureHost.of(root, BASE);

        HostSnapshot first = host.probe();
        host.overlay("cx4lx-gen1-2nic.idle.hosttree");
        HostSnapshot second = host.probe();

        Evaluation evaluation = evaluate(first, second);
        assertEquals(7, evaluation.traffic().get("eth0").totalPackets());
        assertEquals("skip", statuses(evaluation).get("datapath:eth0"));
        assertEquals("skip", statuses(evaluation).get("datapath:eth1"));
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void countersThatRestartBetweenProbesAreAResetNotTraffic() {
        FixtureHost host = FixtureHost.of(root, BASE);

        HostSnapshot first = host.probe();
        host.overlay("cx4lx-gen1-2nic.counter-reset.hosttree");
        HostSnapshot second = host.probe();

        NicCounters after = second.nic("eth0").orElseThrow().counters();
        assertEquals(new NicCounters(NicCounters.Source.NETVSC_ETHTOOL, 310, 122, 41200, 15300, 0, 46, 10), after);
        assertEquals(List.of(), second.readErrors());
        Evaluation evaluation = evaluate(first, second);
        assertTrue(evaluation.traffic().get("eth0").counterReset());
        assertEquals("skip", statuses(evaluation).get("datapath:eth0"));
        assertEquals("pass", statuses(evaluation).get("datapath:eth1"));
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void vfOperationallyDownFailsTheLinkAndTheDatapath() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx4lx-gen1-2nic.vf-down.hosttree");

        HostSnapshot first = host.probe();
        host.overlay("cx4lx-gen1-2nic.not-switched.hosttree");
        HostSnapshot second = host.probe();

        VfInterface vf = second.nic("eth0").orElseThrow().vf();
        assertEquals("down", vf.operState());
        assertFalse(vf.up());
        assertEquals(VfPairing.LOWER_LINK, vf.pairing(), "a down VF stays enslaved");
        assertEquals(List.of(), second.readErrors());
        Evaluation evaluation = evaluate(first, second);
        assertEquals("fail", statuses(evaluation).get("vf_link:eth0"));
        assertEquals("fail", statuses(evaluation).get("datapath:eth0"));
        assertEquals("pass", statuses(evaluation).get("vf_link:eth1"));
        assertEquals(List.of("vf_link:eth0", "datapath:eth0"), evaluation.verdict().reasons());
    }

    @Test
    void vfFunctionWithoutDriverIsListedWithoutInterface() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx4lx-gen1-2nic.no-driver.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertNull(second.nic("eth0").orElseThrow().vf());
        assertEquals("enP41968s2", second.nic("eth1").orElseThrow().vf().name());
        PciFunction orphan = second.vfFunctions().get(0);
        assertEquals("7c4b:00:02.0", orphan.address());
        assertEquals(DriverBinding.State.NO_DRIVER, orphan.driver().state());
        assertNull(orphan.driver().driver());
        assertEquals("mlx5_core is the driver for 15b3:1016", orphan.driver().detail());
        assertEquals(List.of(), orphan.interfaces());
        assertEquals("ConnectX-4 Lx Virtual Function", orphan.model());
        assertEquals(List.of(), first.unpairedVfs());
        assertEquals(List.of(), first.readErrors(), "lspci agrees: no Driver line for the function");

        Evaluation auto = evaluate(first, second);
        assertEquals("fail", statuses(auto).get("vf_driver_bound:7c4b:00:02.0"));
        assertEquals("pass", statuses(auto).get("vf_driver_bound:a3f0:00:02.0"));
        assertEquals("skip", statuses(auto).get("vf_present:eth0"), "auto: eth0 never had a VF");
        assertEquals(List.of("vf_driver_bound:7c4b:00:02.0"), auto.verdict().reasons());
        String message = result(auto, "vf_driver_bound:7c4b:00:02.0").message();
        assertTrue(message.contains("no driver bound") && message.contains("mlx5_core is the driver for 15b3:1016"),
                message);
        assertEquals("fail", statuses(evaluate(ExpectVf.ALL, first, second)).get("vf_present:eth0"));
    }

    @Test
    void vfWithdrawnByHostServicingLeavesTheNicWithoutVfAndRerunsLspci() {
        FixtureHost host = FixtureHost.of(root, BASE);

        HostSnapshot first = host.probe();
        host.overlay("cx4lx-gen1-2nic.vf-removed.hosttree");
        HostSnapshot second = host.probe();
        HostSnapshot third = host.probe();

        assertNull(second.nic("eth0").orElseThrow().vf());
        assertEquals(List.of("a3f0:00:02.0"), second.vfFunctions().stream().map(PciFunction::address).toList());
        assertEquals(NicCounters.Source.NETVSC_ETHTOOL, second.nic("eth0").orElseThrow().counters().source());
        assertEquals(List.of(), second.readErrors());
        assertEquals(2, host.lspci().runs(), "the VF functions changed once");
        assertEquals(List.of(), third.readErrors());

        Evaluation evaluation = evaluate(first, second);
        assertEquals("fail", statuses(evaluation).get("vf_present:eth0"), "eth0 had a VF in the previous probe");
        assertEquals("skip", statuses(evaluation).get("datapath:eth0"));
        assertEquals(List.of("vf_present:eth0"), evaluation.verdict().reasons());
    }

    @Test
    void oldKernelForItsDistributionIsAWarningOnly() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx4lx-gen1-2nic.sles12sp3-old-kernel.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        OsSupport support = second.os().support();
        assertEquals("sles", second.os().distro());
        assertEquals("12.3", second.os().distroVersion());
        assertEquals(OsSupport.Status.UNSUPPORTED, support.status());
        assertEquals("kernel_version", support.checkId());
        assertEquals("4.4.178-94.91.2", support.minimum());
        assertEquals("Kernel 4.4.92-6.18-default is older than 4.4.178-94.91.2, the documented minimum for "
                + "accelerated networking on SLES 12.3: upgrade the kernel to 4.4.178-94.91.2 or later and reboot.",
                support.message());
        Evaluation evaluation = evaluate(first, second);
        assertEquals("warn", statuses(evaluation).get("kernel_version"));
        assertTrue(evaluation.verdict().healthy());
        assertEquals(List.of(), errorSubjects(second));
    }
}
