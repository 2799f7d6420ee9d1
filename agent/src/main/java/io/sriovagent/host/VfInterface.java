package io.sriovagent.host;

import java.util.Objects;

/**
 * The network interface of an SR-IOV virtual function.
 *
 * @param name         interface name ({@code enP31819s1}, {@code eth8}, {@code rename6}, ...)
 * @param mac          lower-case colon-separated MAC, null when unreadable
 * @param mtu          MTU, or -1 when unreadable
 * @param operState    operational state ({@code up}, {@code down}, {@code lowerlayerdown}...), null when unreadable
 * @param pairing      how this VF was found to belong to its synthetic NIC; {@link VfPairing#NONE} when it does not
 * @param pci          the PCI function behind it (on Windows: the device the adapter hangs off), null when unknown
 * @param ownCounters  the VF interface's own packet counters (corroboration; they reset when the VF is re-added),
 *                     null when unreadable
 */
public record VfInterface(
        String name, String mac, int mtu, String operState, VfPairing pairing, PciFunction pci,
        InterfaceCounters ownCounters) {

    public VfInterface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pairing, "pairing");
    }

    /** True when the OS links this VF to its synthetic NIC as a lower/slave device (the datapath can use it). */
    public boolean enslaved() {
        return pairing == VfPairing.LOWER_LINK;
    }

    /**
     * True when {@code other} is this same VF seen again: the same PCI function when both probes could read it
     * (a rename such as {@code eth1} to {@code enP31819s1} is still the same VF), else the same interface name.
     */
    public boolean sameVfAs(VfInterface other) {
        if (other == null) {
            return false;
        }
        if (pci != null && other.pci() != null) {
            return pci.address().equals(other.pci().address());
        }
        return name.equals(other.name());
    }

    public boolean up() {
        return "up".equalsIgnoreCase(operState);
    }
}
