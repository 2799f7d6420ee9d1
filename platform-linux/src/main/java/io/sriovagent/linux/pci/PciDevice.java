package io.sriovagent.linux.pci;

import io.sriovagent.host.DriverBinding;
import java.util.Objects;

/**
 * A PCI function of a VF vendor as sysfs shows it.
 *
 * @param address   domain:bus:slot.function ({@code 7c4b:00:02.0})
 * @param vendorId  four lower-case hex digits
 * @param deviceId  four lower-case hex digits
 * @param classCode the {@code class} attribute (0x020000 Ethernet, 0x020700 InfiniBand)
 * @param driver    the driver bound to it, judged
 */
public record PciDevice(String address, String vendorId, String deviceId, long classCode, DriverBinding driver) {

    public PciDevice {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(driver, "driver");
    }

    /** An SR-IOV Ethernet VF: the kind that hv_netvsc enslaves. */
    public boolean isEthernetVf() {
        return VfRules.isEthernet(classCode);
    }
}
