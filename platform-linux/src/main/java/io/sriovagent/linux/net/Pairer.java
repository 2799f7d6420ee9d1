package io.sriovagent.linux.net;

import io.sriovagent.host.VfPairing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs synthetic NICs with VF interfaces by the kernel's links, never by name. Pure.
 *
 * <p>A VF belongs to a synthetic NIC when the NIC has {@code lower_<vf>} or the VF has {@code master} /
 * {@code upper_<nic>}: netvsc made it its lower device ({@link VfPairing#LOWER_LINK}). Only when a VF has no such
 * link at all does the fallback apply: same MAC and the IFF_SLAVE flag ({@link VfPairing#MAC_AND_SLAVE_FLAG},
 * paired but not confirmed as enslaved). A VF linked under something else (a bond, a bridge) or matching
 * nothing stays unpaired.
 */
public final class Pairer {

    /** A VF and the evidence tying it to its synthetic NIC. */
    public record Pair(VfNetdev vf, VfPairing evidence) {
        public Pair {
            Objects.requireNonNull(vf, "vf");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    /**
     * @param bySynthetic the pair of each synthetic NIC that has one, by its name
     * @param unpaired    VF interfaces no synthetic NIC claims, sorted by name
     */
    public record Pairs(Map<String, Pair> bySynthetic, List<VfNetdev> unpaired) {
        public Pairs {
            bySynthetic = Map.copyOf(bySynthetic);
            unpaired = List.copyOf(unpaired);
        }
    }

    private Pairer() {
    }

    public static Pairs pair(List<SyntheticNetdev> synthetic, List<VfNetdev> vfs) {
        List<SyntheticNetdev> nics = synthetic.stream().sorted(Comparator.comparing(SyntheticNetdev::name)).toList();
        List<VfNetdev> candidates = vfs.stream().sorted(Comparator.comparing(VfNetdev::name)).toList();
        Map<String, Pair> pairs = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (SyntheticNetdev nic : nics) {
            candidates.stream()
                    .filter(vf -> !taken.contains(vf.name()))
                    .filter(vf -> nic.lowerNames().contains(vf.name()) || vf.upperNames().contains(nic.name()))
                    .findFirst()
                    .ifPresent(vf -> {
                        pairs.put(nic.name(), new Pair(vf, VfPairing.LOWER_LINK));
                        taken.add(vf.name());
                    });
        }
        for (SyntheticNetdev nic : nics) {
            if (pairs.containsKey(nic.name()) || !nic.lowerNames().isEmpty()) {
                continue;
            }
            Optional<VfNetdev> byMac = candidates.stream()
                    .filter(vf -> !taken.contains(vf.name()))
                    .filter(vf -> vf.upperNames().isEmpty() && vf.slaveFlag())
                    .filter(vf -> vf.mac() != null && vf.mac().equals(nic.mac()))
                    .findFirst();
            byMac.ifPresent(vf -> {
                pairs.put(nic.name(), new Pair(vf, VfPairing.MAC_AND_SLAVE_FLAG));
                taken.add(vf.name());
            });
        }
        List<VfNetdev> unpaired = new ArrayList<>();
        candidates.stream().filter(vf -> !taken.contains(vf.name())).forEach(unpaired::add);
        return new Pairs(pairs, unpaired);
    }
}
