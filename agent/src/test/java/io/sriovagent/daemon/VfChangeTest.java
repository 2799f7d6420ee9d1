package io.sriovagent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class VfChangeTest {

    @Test
    void noPreviousProbeMeansNoChange() {
        assertEquals(List.of(), VfChange.between(null, TestHosts.twoNics().at(0)));
    }

    @Test
    void sameVfWithNewCountersIsNoChange() {
        TestHosts host = TestHosts.twoNics();
        HostSnapshot before = host.at(0);

        assertEquals(List.of(), VfChange.between(before, host.traffic(100, 1, 100, 1).at(5)));
    }

    @Test
    void removedAddedAndReplacedPerNic() {
        TestHosts host = TestHosts.twoNics();
        HostSnapshot both = host.at(0);
        HostSnapshot eth1Gone = host.eth1Vf(false).at(5);
        HostSnapshot eth1BackEth0Moved = host.eth1Vf(true).eth0VfReplacedBy(0x1234).at(10);

        List<VfChange> removal = VfChange.between(both, eth1Gone);
        List<VfChange> back = VfChange.between(eth1Gone, eth1BackEth0Moved);

        assertEquals(1, removal.size());
        assertEquals(new VfChange("eth1", VfChange.Kind.REMOVED, both.nic("eth1").orElseThrow().vf(), null),
                removal.get(0));
        assertTrue(removal.get(0).isRemoval());
        assertEquals(List.of("eth0:REPLACED", "eth1:ADDED"),
                back.stream().map(change -> change.nic() + ":" + change.kind()).toList());
        assertEquals("enP4660s1", back.get(0).after().name());
        assertTrue(back.get(0).isRemoval(), "the old VF went away");
        assertFalse(back.get(1).isRemoval());
    }

    @Test
    void aRenameOrAMomentarilyUnreadablePciFunctionIsTheSameVf() {
        HostSnapshot before = TestHosts.twoNics().at(0);
        io.sriovagent.host.SyntheticNic eth0 = before.nic("eth0").orElseThrow();
        io.sriovagent.host.VfInterface vf = eth0.vf();
        io.sriovagent.host.VfInterface renamed = new io.sriovagent.host.VfInterface("rename6", vf.mac(), vf.mtu(),
                vf.operState(), vf.pairing(), vf.pci(), vf.ownCounters());
        io.sriovagent.host.VfInterface pciUnread = new io.sriovagent.host.VfInterface(vf.name(), vf.mac(), vf.mtu(),
                vf.operState(), vf.pairing(), null, vf.ownCounters());

        for (io.sriovagent.host.VfInterface same : List.of(renamed, pciUnread)) {
            HostSnapshot after = Snapshots.host().at(5).nic(new io.sriovagent.host.SyntheticNic(eth0.name(),
                    eth0.mac(), eth0.mtu(), eth0.driver(), eth0.operState(), same, eth0.counters()))
                    .nic(before.nic("eth1").orElseThrow()).build();
            assertEquals(List.of(), VfChange.between(before, after), same.toString());
        }
    }

    @Test
    void aNicThatDisappearsTakesItsVfWithIt() {
        HostSnapshot before = TestHosts.twoNics().at(0);
        HostSnapshot after = Snapshots.host().at(5).nic(before.nic("eth0").orElseThrow()).build();

        assertEquals(List.of("eth1:REMOVED"),
                VfChange.between(before, after).stream().map(c -> c.nic() + ":" + c.kind()).toList());
    }
}
