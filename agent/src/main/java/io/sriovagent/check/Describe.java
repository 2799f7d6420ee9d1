package io.sriovagent.check;

import io.sriovagent.host.PciFunction;
import io.sriovagent.host.VfInterface;

/** Short evidence phrases shared by check messages, so every message names a VF the same way. */
final class Describe {

    private Describe() {
    }

    /** {@code enP31819s1 (7c4b:00:02.0, ConnectX-4 Lx Virtual Function, mlx5_core)} */
    static String vf(VfInterface vf) {
        PciFunction pci = vf.pci();
        if (pci == null) {
            return vf.name();
        }
        StringBuilder text = new StringBuilder(vf.name()).append(" (").append(pci.address());
        if (pci.model() != null) {
            text.append(", ").append(pci.model());
        }
        if (pci.driver().driver() != null) {
            text.append(", ").append(pci.driver().driver());
        }
        return text.append(')').toString();
    }

    /** {@code 7c4b:00:02.0 (15b3:1016 ConnectX-4 Lx Virtual Function)} */
    static String function(PciFunction pci) {
        String ids = pci.vendorId() + ":" + pci.deviceId();
        return pci.address() + " (" + ids + (pci.model() == null ? "" : " " + pci.model()) + ")";
    }

    static String packets(long count) {
        return String.format(java.util.Locale.ROOT, "%,d", count);
    }

    static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    static String seconds(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
    }
}
