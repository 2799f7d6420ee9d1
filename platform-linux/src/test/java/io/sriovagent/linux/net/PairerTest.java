package io.sriovagent.linux.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sriovagent.host.DriverBinding;
import io.sriovagent.host.VfPairing;
import io.sriovagent.linux.pci.PciDevice;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PairerTest {

    private static final String MAC0 = "7c:1e:52:3e:f0:ce";
    private static final String MAC1 = "7c:1e:52:3e:f6:cb";
    private static final long UP_SLAVE = 0x1803;
    private static final long UP = 0x1003;

    @Test
    void pairsByLowerLinkOrMasterLinkWhateverTheNames() {
        Pairer.Pairs pairs = Pairer.pair(
                List.of(synthetic("eth4", MAC0, "eth8"), synthetic("eth7", MAC1)),
                List.of(vf("eth8", MAC0, UP_SLAVE), vf("vf_eth0", MAC1, UP_SLAVE, "eth7")));

        assertEquals(Map.of("eth4", "eth8 LOWER_LINK", "eth7", "vf_eth0 LOWER_LINK"), describe(pairs));
        assertEquals(List.of(), pairs.unpaired());
    }

    @Test
    void fallsBackToMacAndSlaveFlagOnlyWithoutAnyLink() {
        Pairer.Pairs pairs = Pairer.pair(
                List.of(synthetic("eth0", MAC0), synthetic("eth1", MAC1)),
                List.of(vf("enP1p0s2", MAC0, UP_SLAVE), vf("rename6", MAC1, UP)));

        assertEquals(Map.of("eth0", "enP1p0s2 MAC_AND_SLAVE_FLAG"), describe(pairs));
        assertEquals(List.of("rename6"), pairs.unpaired().stream().map(VfNetdev::name).toList());
    }

    @Test
    void vfEnslavedToSomethingElseIsNotPairedByMac() {
        Pairer.Pairs pairs = Pairer.pair(List.of(synthetic("eth0", MAC0)), List.of(vf("enP2s1", MAC0, UP_SLAVE, "bond0")));

        assertEquals(Map.of(), describe(pairs));
        assertEquals(List.of("enP2s1"), pairs.unpaired().stream().map(VfNetdev::name).toList());
    }

    @Test
    void unreadableFlagsOrMacDoNotPairByFallback() {
        Pairer.Pairs pairs = Pairer.pair(List.of(synthetic("eth0", MAC0), synthetic("eth1", null)),
                List.of(vf("a", MAC0, null), vf("b", null, UP_SLAVE)));

        assertEquals(Map.of(), describe(pairs));
        assertEquals(2, pairs.unpaired().size());
    }

    @Test
    void aVfIsPairedOnce() {
        Pairer.Pairs pairs = Pairer.pair(
                List.of(synthetic("eth0", MAC0, "x"), synthetic("eth1", MAC0)),
                List.of(vf("x", MAC0, UP_SLAVE, "eth0")));

        assertEquals(Map.of("eth0", "x LOWER_LINK"), describe(pairs));
    }

    private static Map<String, String> describe(Pairer.Pairs pairs) {
        Map<String, String> described = new TreeMap<>();
        pairs.bySynthetic().forEach((nic, pair) -> described.put(nic, pair.vf().name() + " " + pair.evidence()));
        return described;
    }

    private static SyntheticNetdev synthetic(String name, String mac, String... lowers) {
        return new SyntheticNetdev(name, mac, 1500, "up", List.of(lowers), null);
    }

    private static VfNetdev vf(String name, String mac, Long flags, String... uppers) {
        return new VfNetdev(name, mac, 1500, "up", flags, List.of(uppers),
                new PciDevice("7c4b:00:02.0", "15b3", "1016", 0x020000, DriverBinding.vfDriver("mlx5_core")), null);
    }

    @Test
    void evidenceNamesTheEnum() {
        assertEquals(VfPairing.MAC_AND_SLAVE_FLAG, Pairer.pair(List.of(synthetic("eth0", MAC0)),
                List.of(vf("v", MAC0, UP_SLAVE))).bySynthetic().get("eth0").evidence());
    }
}
