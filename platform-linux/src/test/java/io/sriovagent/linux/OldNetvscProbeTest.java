package io.sriovagent.linux;

import static io.sriovagent.linux.Evaluations.evaluate;
import static io.sriovagent.linux.Evaluations.result;
import static io.sriovagent.linux.Evaluations.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.check.Evaluation;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.OsSupport;
import io.sriovagent.host.VfInterface;
import io.sriovagent.host.VfPairing;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An older netvsc: ethtool says "no stats available" and there are no adjacency links, so the VF is paired by
 * MAC + IFF_SLAVE and the datapath counters are derived from interface statistics.
 */
class OldNetvscProbeTest {

    @TempDir
    Path root;

    @Test
    void pairsByMacAndSlaveFlagAndDerivesCountersFromInterfaceStatistics() {
        FixtureHost host = FixtureHost.of(root, "ubuntu1604-old-netvsc.hosttree");

        HostSnapshot first = host.probe();
        host.overlay("ubuntu1604-old-netvsc.traffic.hosttree");
        HostSnapshot second = host.probe();

        VfInterface vf = first.nic("eth0").orElseThrow().vf();
        assertEquals("enP53091s1np0", vf.name());
        assertEquals(VfPairing.MAC_AND_SLAVE_FLAG, vf.pairing());
        assertFalse(vf.enslaved());
        assertEquals("cf63:00:02.0", vf.pci().address());
        // eth0's totals include the VF's traffic; the VF's own TX count exceeds eth0's, so that part clamps at 0.
        assertEquals(new NicCounters(NicCounters.Source.INTERFACE_STATISTICS, 365849, 9447684, 413711297,
                2206536829L, 0, 8714212 - 365849, 0), first.nic("eth0").orElseThrow().counters());
        assertEquals(List.of(), first.readErrors(), "\"no stats available\" is not a failed read");
        assertEquals(List.of(), second.readErrors());
        assertEquals(OsSupport.Status.SUPPORTED, first.os().support().status(), "4.11.0-1013 is the minimum itself");

        Evaluation evaluation = evaluate(first, second);
        assertEquals(18000, evaluation.traffic().get("eth0").vfPackets());
        assertEquals(50, evaluation.traffic().get("eth0").syntheticPackets());
        assertEquals("pass", statuses(evaluation).get("datapath:eth0"));
        assertEquals("pass", statuses(evaluation).get("vf_present:eth0"));
        assertTrue(result(evaluation, "vf_present:eth0").message().contains("enslavement not confirmed"));
        assertTrue(evaluation.verdict().healthy());
    }
}
