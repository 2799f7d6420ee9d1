package io.sriovagent.linux;

import static io.sriovagent.linux.Evaluations.evaluate;
import static io.sriovagent.linux.Evaluations.result;
import static io.sriovagent.linux.Evaluations.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.check.Evaluation;
import io.sriovagent.check.ExpectVf;
import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.VfInterface;
import io.sriovagent.host.VfPairing;
import io.sriovagent.hosttree.HostTreeArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ConnectX-5 VM (Gen2: the VFs are its only PCI devices) with two accelerated NICs, and variations. */
class Cx5ProbeTest {

    private static final String BASE = "cx5-gen2-2nic.hosttree";
    private static final String IB_FUNCTION = "sys/devices/LNXSYSTM:00/LNXSYBUS:00/PNP0A03:00/device:07/VMBUS:01/"
            + "00000000-0101-0000-0000-000000000000/pci0101:00/0101:00:00.0";

    @TempDir
    Path root;

    @Test
    void pairsBothNicsAndNamesTheConnectX5Functions() {
        FixtureHost host = FixtureHost.of(root, BASE);

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        VfInterface vf0 = second.nic("eth0").orElseThrow().vf();
        assertEquals("enP37498s1", vf0.name());
        assertEquals(VfPairing.LOWER_LINK, vf0.pairing());
        assertEquals(new PciFunction("927a:00:02.0", "15b3", "1018", "ConnectX-5 Virtual Function",
                DriverBinding.vfDriver("mlx5_core"), List.of("enP37498s1")), vf0.pci());
        assertEquals("enP6757s2", second.nic("eth1").orElseThrow().vf().name());
        assertEquals(List.of("1a65:00:02.0", "927a:00:02.0"),
                second.vfFunctions().stream().map(PciFunction::address).toList());
        assertEquals(new NicCounters(NicCounters.Source.NETVSC_ETHTOOL, 48211, 51230, 30114522, 9920144, 0,
                3181, 679), second.nic("eth0").orElseThrow().counters());
        assertEquals("6.8.0-1029-azure", second.os().kernel());
        assertEquals("22.04", second.os().distroVersion());
        assertEquals(List.of(), first.readErrors());
        assertEquals(List.of(), second.readErrors());

        Evaluation evaluation = evaluate(first, second);
        assertEquals(Map.ofEntries(
                Map.entry("datapath:eth0", "skip"), Map.entry("datapath:eth1", "skip"),
                Map.entry("kernel_version", "pass"),
                Map.entry("vf_driver_bound:1a65:00:02.0", "pass"), Map.entry("vf_driver_bound:927a:00:02.0", "pass"),
                Map.entry("vf_link:eth0", "pass"), Map.entry("vf_link:eth1", "pass"),
                Map.entry("vf_mtu:eth0", "pass"), Map.entry("vf_mtu:eth1", "pass"),
                Map.entry("vf_present:eth0", "pass"), Map.entry("vf_present:eth1", "pass")), statuses(evaluation));
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void mtuMismatchIsAWarning() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx5-gen2-2nic.mtu-mismatch.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertEquals(1500, second.nic("eth0").orElseThrow().mtu());
        assertEquals(9000, second.nic("eth0").orElseThrow().vf().mtu());
        Evaluation evaluation = evaluate(first, second);
        assertEquals("warn", statuses(evaluation).get("vf_mtu:eth0"));
        assertEquals("pass", statuses(evaluation).get("vf_mtu:eth1"));
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void nicWithAcceleratedNetworkingOffHasNoVfAndIsOnlyRequiredWhenAllAreExpected() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx5-gen2-2nic.an-off-eth1.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertNull(second.nic("eth1").orElseThrow().vf());
        assertEquals(0, second.nic("eth1").orElseThrow().counters().vfPackets());
        assertEquals(List.of("927a:00:02.0"), second.vfFunctions().stream().map(PciFunction::address).toList());
        assertEquals(List.of(), second.unpairedVfs());
        assertEquals(List.of(), second.readErrors());

        Evaluation auto = evaluate(first, second);
        assertEquals("skip", statuses(auto).get("vf_present:eth1"));
        assertEquals("pass", statuses(auto).get("vf_present:eth0"));
        assertTrue(auto.verdict().healthy());
        Evaluation all = evaluate(ExpectVf.ALL, first, second);
        assertEquals(List.of("vf_present:eth1"), all.verdict().reasons());
    }

    @Test
    void vfStuckAsRename6WithoutMasterIsUnpaired() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx5-gen2-2nic.rename6.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertNull(second.nic("eth1").orElseThrow().vf());
        assertEquals(1, second.unpairedVfs().size());
        VfInterface stray = second.unpairedVfs().get(0);
        assertEquals("rename6", stray.name());
        assertEquals(VfPairing.NONE, stray.pairing());
        assertEquals("7c:1e:52:25:5c:a6", stray.mac());
        assertEquals("down", stray.operState());
        assertEquals("1a65:00:02.0", stray.pci().address());
        assertEquals(List.of("rename6"), stray.pci().interfaces());
        assertEquals(List.of(), second.readErrors());

        Evaluation listed = evaluate(ExpectVf.parse("eth0,eth1"), first, second);
        assertEquals(List.of("vf_present:eth1"), listed.verdict().reasons());
        String message = result(listed, "vf_present:eth1").message();
        assertTrue(message.contains("rename6") && message.contains("not enslaved"), message);
    }

    @Test
    void infinibandVfIsNeitherAVfFunctionNorAnUnpairedVf() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx5-gen2-2nic.infiniband.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertEquals(List.of("1a65:00:02.0", "927a:00:02.0"),
                second.vfFunctions().stream().map(PciFunction::address).toList());
        assertEquals(List.of(), second.unpairedVfs());
        assertEquals("enP37498s1", second.nic("eth0").orElseThrow().vf().name());
        assertEquals(List.of(), first.readErrors());
        assertTrue(evaluate(first, second).verdict().healthy());
    }

    @Test
    void infinibandInterfaceMakesItsFunctionInfinibandWhateverItsClass() throws IOException {
        FixtureHost host = FixtureHost.of(root, BASE, "cx5-gen2-2nic.infiniband.hosttree");
        HostTreeArchive.unpack("""
                # synthetic: the IB function claims the Ethernet class; its interface ib0 is still of type 32
                file %s/class = 0x020000
                """.formatted(IB_FUNCTION), root);

        HostSnapshot snapshot = host.probe();

        assertEquals(List.of("1a65:00:02.0", "927a:00:02.0"),
                snapshot.vfFunctions().stream().map(PciFunction::address).toList());
        assertEquals(List.of(), snapshot.unpairedVfs());
    }

    @Test
    void vfFunctionBoundToAnotherDriverFailsDriverBound() {
        FixtureHost host = FixtureHost.of(root, BASE, "cx5-gen2-2nic.vfio.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        PciFunction vfio = second.vfFunctions().get(0);
        assertEquals("1a65:00:02.0", vfio.address());
        assertEquals(new DriverBinding(DriverBinding.State.OTHER_DRIVER, "vfio-pci",
                "bound to vfio-pci instead of mlx5_core, so hv_netvsc cannot use it as its VF"), vfio.driver());
        assertEquals(List.of(), vfio.interfaces());
        assertNull(second.nic("eth1").orElseThrow().vf());
        assertEquals(List.of(), first.readErrors(), "lspci shows vfio-pci too");

        Evaluation evaluation = evaluate(first, second);
        assertEquals(List.of("vf_driver_bound:1a65:00:02.0"), evaluation.verdict().reasons());
    }
}
