package io.sriovagent.windows.device;

import java.util.List;
import java.util.Objects;

/**
 * A present device as SetupAPI and CfgMgr32 describe it.
 *
 * @param instanceId       the device instance ID ({@code PCI\VEN_15B3&DEV_1016&...\...})
 * @param hardwareIds      its hardware IDs, most specific first; empty when unreadable
 * @param service          the driver service ({@code netvsc}, {@code mlx4_bus}...), null when none or unreadable
 * @param description      the device description, null when unreadable
 * @param friendlyName     the friendly name ({@code Microsoft Hyper-V Network Adapter #3}), null when none
 * @param netCfgInstanceId network adapters: the NetCfgInstanceId GUID from the driver key, lower case with
 *                         braces; null for other devices or when unreadable
 * @param status           its device node status
 */
public record DeviceNode(
        String instanceId, List<String> hardwareIds, String service, String description, String friendlyName,
        String netCfgInstanceId, DevNodeStatus status) {

    public DeviceNode {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(status, "status");
        hardwareIds = List.copyOf(hardwareIds);
    }

    /** The name a person recognises: friendly name, else description, else the instance ID. */
    public String displayName() {
        return friendlyName != null ? friendlyName : description != null ? description : instanceId;
    }
}
