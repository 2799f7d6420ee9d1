package io.sriovagent.linux.pci;

import java.util.Objects;

/**
 * One device record of {@code lspci -D -vmm -nn -k}.
 *
 * @param slot       domain:bus:slot.function, lower case ({@code 7c4b:00:02.0})
 * @param classId    four hex digits ({@code 0200}), null when not printed
 * @param className  {@code Ethernet controller}, null when not printed
 * @param vendorId   four hex digits, null when not printed
 * @param vendorName {@code Mellanox Technologies}, null when not printed
 * @param deviceId   four hex digits, null when not printed
 * @param deviceName {@code MT27710 Family [ConnectX-4 Lx Virtual Function]}; lspci prints {@code Device} when
 *                   its ID database has no name; null when not printed
 * @param driver     the {@code Driver:} line (the kernel driver in use), null when none is bound
 */
public record LspciDevice(
        String slot, String classId, String className, String vendorId, String vendorName,
        String deviceId, String deviceName, String driver) {

    public LspciDevice {
        Objects.requireNonNull(slot, "slot");
    }
}
