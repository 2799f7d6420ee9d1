package io.sriovagent.windows.device;

import java.util.Objects;

/** A device node below a VF bus device (the adapters of {@code mlx4_bus} and of the MANA bus). */
public record ChildDevice(String instanceId, DevNodeStatus status) {
    public ChildDevice {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(status, "status");
    }
}
