package io.sriovagent.daemon;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A change of the VF paired with one synthetic NIC between two consecutive probes.
 *
 * @param nic    the synthetic NIC
 * @param kind   what happened
 * @param before the VF paired on the earlier probe, null when none was
 * @param after  the VF paired on the later probe, null when none is
 */
public record VfChange(String nic, Kind kind, VfInterface before, VfInterface after) {

    public enum Kind {
        /** The NIC had a VF and now has none (host servicing, hot-unplug, driver unbind). */
        REMOVED,
        /** The NIC had no VF and now has one. */
        ADDED,
        /** The NIC now has a different VF than before (another PCI function): the old one went away. */
        REPLACED
    }

    public VfChange {
        Objects.requireNonNull(nic, "nic");
        Objects.requireNonNull(kind, "kind");
    }

    /** True when the earlier VF went away: a removal for {@code vf_flapping} and {@code sriov_vf_removals_total}. */
    public boolean isRemoval() {
        return kind != Kind.ADDED;
    }

    /** The changes from {@code previous} to {@code current}, by NIC name; none when there is no previous probe. */
    public static List<VfChange> between(HostSnapshot previous, HostSnapshot current) {
        List<VfChange> changes = new ArrayList<>();
        if (previous == null) {
            return changes;
        }
        TreeSet<String> names = new TreeSet<>();
        previous.nics().forEach(nic -> names.add(nic.name()));
        current.nics().forEach(nic -> names.add(nic.name()));
        for (String name : names) {
            VfInterface before = previous.nic(name).map(SyntheticNic::vf).orElse(null);
            VfInterface after = current.nic(name).map(SyntheticNic::vf).orElse(null);
            if (before != null && after == null) {
                changes.add(new VfChange(name, Kind.REMOVED, before, null));
            } else if (before == null && after != null) {
                changes.add(new VfChange(name, Kind.ADDED, null, after));
            } else if (before != null && !before.sameVfAs(after)) {
                changes.add(new VfChange(name, Kind.REPLACED, before, after));
            }
        }
        return changes;
    }

}
