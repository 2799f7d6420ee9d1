package io.sriovagent.linux;

import static io.sriovagent.linux.Evaluations.evaluate;
import static io.sriovagent.linux.Evaluations.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.check.Evaluation;
import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.VfInterface;
import io.sriovagent.host.VfPairing;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MANA: one PCI function carrying the VF interfaces of two vNICs. */
class ManaProbeTest {

    @TempDir
    Path root;

    @Test
    void onePciFunctionCarriesTheVfOfEachVnic() {
        FixtureHost host = FixtureHost.of(root, "mana-2vport.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        assertEquals(List.of(new PciFunction("7870:00:00.0", "1414", "00ba", "MANA Virtual Function",
                DriverBinding.vfDriver("mana"), List.of("enP30832p0s0", "eth2"))), second.vfFunctions());
        VfInterface vf0 = second.nic("eth0").orElseThrow().vf();
        VfInterface vf1 = second.nic("eth1").orElseThrow().vf();
        assertEquals("enP30832p0s0", vf0.name());
        assertEquals("eth2", vf1.name());
        assertEquals(VfPairing.LOWER_LINK, vf1.pairing());
        assertSame(second.vfFunctions().get(0), vf0.pci());
        assertSame(second.vfFunctions().get(0), vf1.pci());
        assertEquals(226418, second.nic("eth0").orElseThrow().counters().vfRxPackets());
        assertEquals(300422, second.nic("eth0").orElseThrow().counters().vfTxPackets());
        assertEquals(List.of(), first.readErrors(), "lspci's \"Device [00ba]\" is no name, not a disagreement");

        Evaluation evaluation = evaluate(first, second);
        assertEquals("pass", statuses(evaluation).get("vf_driver_bound:7870:00:00.0"));
        assertEquals("pass", statuses(evaluation).get("vf_present:eth0"));
        assertEquals("pass", statuses(evaluation).get("vf_present:eth1"));
        assertTrue(evaluation.verdict().healthy());
    }

    @Test
    void manaFunctionWithoutDriverOnAKernelOlderThanManaSaysWhy() {
        FixtureHost host = FixtureHost.of(root, "mana-2vport.hosttree", "mana-2vport.no-driver-old-kernel.hosttree");

        HostSnapshot first = host.probe();
        HostSnapshot second = host.probe();

        PciFunction mana = second.vfFunctions().get(0);
        assertEquals(new DriverBinding(DriverBinding.State.NO_DRIVER, null, "mana is the driver for 1414:00ba; it "
                + "arrived in kernel 5.15, so this kernel needs a distribution backport"), mana.driver());
        assertEquals(List.of(), mana.interfaces());
        assertEquals(List.of(), first.readErrors());
        Evaluation evaluation = evaluate(first, second);
        assertEquals(List.of("vf_present", "vf_driver_bound:7870:00:00.0"), evaluation.verdict().reasons());
    }
}
