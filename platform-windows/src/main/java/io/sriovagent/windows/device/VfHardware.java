package io.sriovagent.windows.device;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An SR-IOV Ethernet VF recognised by its PCI hardware ID ({@code PCI\VEN_15B3&DEV_1016&...}).
 *
 * @param vendorId four lower-case hex digits
 * @param deviceId four lower-case hex digits
 * @param model    the family's name, for when Windows gives no description
 * @param bus      true for the VFs whose driver is a bus driver with one child network adapter per port
 *                 (ConnectX-3 {@code mlx4_bus}; MANA, one adapter per vNIC)
 */
public record VfHardware(String vendorId, String deviceId, String model, boolean bus) {

    private record Known(String model, boolean bus) {
    }

    /** The VF IDs Azure passes into guests; names are not matched, only IDs. */
    private static final Map<String, Known> KNOWN = Map.of(
            "15b3:1004", new Known("ConnectX-3 Virtual Function", true),
            "15b3:1014", new Known("ConnectX-4 Virtual Function", false),
            "15b3:1016", new Known("ConnectX-4 Lx Virtual Function", false),
            "15b3:1018", new Known("ConnectX-5 Virtual Function", false),
            "15b3:101a", new Known("ConnectX-5 Ex Virtual Function", false),
            "15b3:101c", new Known("ConnectX-6 Virtual Function", false),
            "15b3:101e", new Known("ConnectX mlx5Gen Virtual Function", false),
            "1414:00ba", new Known("MANA Virtual Function", true));

    /** PCI class 02 07: InfiniBand. HPC sizes add such VFs; they are not accelerated-networking VFs. */
    private static final String INFINIBAND_CLASS = "0207";
    /** PCI class 02 00: Ethernet. */
    private static final String ETHERNET_CLASS = "0200";
    /** Mellanox and Microsoft: the vendors whose Ethernet functions Azure passes into guests as VFs. */
    private static final List<String> VF_VENDORS = List.of("15b3", "1414");

    public boolean mana() {
        return vendorId.equals("1414") && deviceId.equals("00ba");
    }

    /**
     * The VF that the hardware IDs name, or empty when they name another device or an InfiniBand function.
     * Every ID is looked at: Windows lists the most specific ({@code &SUBSYS_...&REV_..}) first and adds
     * {@code &CC_xxxx} (class code) variants. A Mellanox or Microsoft Ethernet-class function whose ID is not in the
     * list is a VF too (a stop/deallocate can move the VM onto a newer VF generation): the list only names them.
     */
    public static Optional<VfHardware> match(List<String> hardwareIds) {
        String vendor = null;
        String device = null;
        boolean ethernet = false;
        for (String id : hardwareIds) {
            String upper = id.toUpperCase(Locale.ROOT);
            if (!upper.startsWith("PCI\\")) {
                continue;
            }
            for (String part : upper.substring(4).split("&")) {
                if (part.startsWith("VEN_") && part.length() == 8 && vendor == null) {
                    vendor = part.substring(4).toLowerCase(Locale.ROOT);
                } else if (part.startsWith("DEV_") && part.length() == 8 && device == null) {
                    device = part.substring(4).toLowerCase(Locale.ROOT);
                } else if (part.startsWith("CC_") && part.substring(3).startsWith(INFINIBAND_CLASS)) {
                    return Optional.empty();
                } else if (part.startsWith("CC_") && part.substring(3).startsWith(ETHERNET_CLASS)) {
                    ethernet = true;
                }
            }
        }
        if (vendor == null || device == null) {
            return Optional.empty();
        }
        Known known = KNOWN.get(vendor + ":" + device);
        if (known != null) {
            return Optional.of(new VfHardware(vendor, device, known.model(), known.bus()));
        }
        if (ethernet && VF_VENDORS.contains(vendor)) {
            // Microsoft's VFs (MANA) are bus devices with one adapter per vNIC; Mellanox's since ConnectX-4 are not.
            return Optional.of(new VfHardware(vendor, device, "Ethernet Virtual Function " + vendor + ":" + device,
                    vendor.equals("1414")));
        }
        return Optional.empty();
    }
}
