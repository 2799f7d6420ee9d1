package io.sriovagent.linux;

import static io.sriovagent.linux.Evaluations.evaluate;
import static io.sriovagent.linux.Evaluations.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.check.Evaluation;
import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfPairing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ConnectX-3 VM with eight accelerated NICs, one VF left named eth8, before and after an Azure stop/start. */
class Cx3ProbeTest {

    @TempDir
    Path root;

    @Test
    void pairsEightNicsByLinksIncludingTheVfNamedEth8AndRepairsAfterStopStart() {
        FixtureHost host = FixtureHost.of(root, "cx3-8nic.hosttree");

        HostSnapshot before = host.probe();
        host.overlay("cx3-8nic.after-stop-start.hosttree");
        HostSnapshot after = host.probe();

        assertEquals(Map.of(
                "eth0", "enP46228s1 b494:00:02.0", "eth1", "enP13704s2 3588:00:02.0",
                "eth2", "enP38294s3 9596:00:02.0", "eth3", "enP34343s4 8627:00:02.0",
                "eth4", "eth8 3ce7:00:02.0", "eth5", "enP24914s6 6152:00:02.0",
                "eth6", "enP51894s7 cab6:00:02.0", "eth7", "enP36420s8 8e44:00:02.0"), pairs(before));
        assertEquals(Map.of(
                "eth0", "enP23891s1 5d53:00:02.0", "eth1", "enP54996s7 d6d4:00:02.0",
                "eth2", "enP53873s2 d271:00:02.0", "eth3", "enP18663s3 48e7:00:02.0",
                "eth4", "enP9946s4 26da:00:02.0", "eth5", "enP31438s5 7ace:00:02.0",
                "eth6", "enP10369s6 2881:00:02.0", "eth7", "eth8 f93a:00:02.0"), pairs(after));
        for (HostSnapshot snapshot : List.of(before, after)) {
            assertEquals(8, snapshot.vfFunctions().size());
            for (PciFunction function : snapshot.vfFunctions()) {
                assertEquals("1004", function.deviceId());
                assertEquals("ConnectX-3/ConnectX-3 Pro Virtual Function", function.model());
                assertEquals(DriverBinding.vfDriver("mlx4_core"), function.driver());
                assertEquals(1, function.interfaces().size());
            }
            assertTrue(snapshot.nics().stream().allMatch(nic -> nic.vf().pairing() == VfPairing.LOWER_LINK));
            assertEquals(List.of(), snapshot.unpairedVfs());
            assertEquals(List.of(), snapshot.readErrors());
        }
        assertEquals("7c:ed:8d:45:e0:37", after.nic("eth7").orElseThrow().mac());
        assertEquals("7c:ed:8d:45:e0:37", after.nic("eth7").orElseThrow().vf().mac());
        assertEquals(992956, before.nic("eth0").orElseThrow().counters().vfRxPackets());
        assertEquals(2, host.lspci().runs());

        Evaluation evaluation = evaluate(before, after);
        Map<String, String> statuses = statuses(evaluation);
        for (int i = 0; i < 8; i++) {
            assertEquals("pass", statuses.get("vf_present:eth" + i));
            assertEquals("skip", statuses.get("datapath:eth" + i), "counters restarted with the new boot");
        }
        assertTrue(evaluation.verdict().healthy());
    }

    private static Map<String, String> pairs(HostSnapshot snapshot) {
        Map<String, String> pairs = new TreeMap<>();
        for (SyntheticNic nic : snapshot.nics()) {
            pairs.put(nic.name(), nic.vf().name() + " " + nic.vf().pci().address());
        }
        return pairs;
    }
}
