package io.sriovagent.linux.pci;

import java.util.Set;

/**
 * What makes a PCI function an accelerated-networking VF: the vendor (Mellanox or Microsoft) and the PCI
 * class (Ethernet), never the interface name or a device-ID list. InfiniBand VFs of HPC sizes (class 0x0207)
 * carry no synthetic NIC's traffic, so they are no VF here.
 */
public final class VfRules {

    public static final String MELLANOX = "15b3";
    public static final String MICROSOFT = "1414";

    /** The drivers that give hv_netvsc a VF (ConnectX-3: the PCI function is bound to mlx4_core, not mlx4_en). */
    public static final Set<String> VF_DRIVERS = Set.of("mlx4_core", "mlx5_core", "mana");

    /** {@code /sys/class/net/IF/type} of an InfiniBand interface (ARPHRD_INFINIBAND). */
    public static final int ARPHRD_INFINIBAND = 32;

    private static final int CLASS_ETHERNET = 0x0200;

    private VfRules() {
    }

    public static boolean isVfVendor(String vendorId) {
        return MELLANOX.equals(vendorId) || MICROSOFT.equals(vendorId);
    }

    /** {@code classCode} is the sysfs {@code class} value: base class, subclass, programming interface. */
    public static boolean isEthernet(long classCode) {
        return (classCode >> 8) == CLASS_ETHERNET;
    }
}
