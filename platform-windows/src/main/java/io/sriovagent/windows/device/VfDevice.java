package io.sriovagent.windows.device;

import java.util.List;
import java.util.Objects;

/**
 * A present SR-IOV VF PCI device.
 *
 * @param node             the PCI device
 * @param hardware         what its hardware ID says it is
 * @param children         its child device nodes (the network adapters of a bus device)
 * @param childrenReadable false when the device tree below it could not be walked
 */
public record VfDevice(DeviceNode node, VfHardware hardware, List<ChildDevice> children, boolean childrenReadable) {
    public VfDevice {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(hardware, "hardware");
        children = List.copyOf(children);
    }

    public boolean hasChild(String instanceId) {
        return children.stream().anyMatch(child -> child.instanceId().equalsIgnoreCase(instanceId));
    }
}
