package io.sriovagent.host;

import java.util.List;
import java.util.Objects;

/**
 * An SR-IOV Ethernet virtual function as a PCI device.
 *
 * @param address    Linux: domain:bus:slot.function ({@code 7c4b:00:02.0}); Windows: the device instance ID
 * @param vendorId   four lower-case hex digits ({@code 15b3}, {@code 1414})
 * @param deviceId   four lower-case hex digits ({@code 1016}, {@code 00ba})
 * @param model      a human name ({@code ConnectX-4 Lx Virtual Function}), null when no source names it
 * @param driver     what the OS says about the driver behind it
 * @param interfaces names of the network interfaces this function carries (MANA: several; none when no driver)
 */
public record PciFunction(
        String address, String vendorId, String deviceId, String model, DriverBinding driver, List<String> interfaces) {

    public PciFunction {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(driver, "driver");
        interfaces = List.copyOf(interfaces);
    }
}
