package io.sriovagent.windows.device;

import java.util.List;

/**
 * The present devices that matter: every network adapter (synthetic, VF, and anything else) and every VF PCI
 * device with its children.
 */
public record DeviceInventory(List<DeviceNode> netAdapters, List<VfDevice> vfDevices) {
    public DeviceInventory {
        netAdapters = List.copyOf(netAdapters);
        vfDevices = List.copyOf(vfDevices);
    }
}
