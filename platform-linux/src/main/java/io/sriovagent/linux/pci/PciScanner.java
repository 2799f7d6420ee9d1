package io.sriovagent.linux.pci;

import io.sriovagent.linux.support.ReadErrors;
import io.sriovagent.linux.sysfs.HostRoot;
import io.sriovagent.linux.sysfs.SysfsDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks {@code /sys/bus/pci/devices} for the VF functions that have no network interface: no driver bound,
 * or a driver that made none. Functions of other vendors cost one read of {@code vendor} each.
 */
public final class PciScanner {

    static final String PCI_DEVICES = "/sys/bus/pci/devices";

    private final HostRoot host;

    public PciScanner(HostRoot host) {
        this.host = host;
    }

    /** Every function of a VF vendor (Ethernet and InfiniBand alike), in address order. */
    public List<PciDevice> scan(PciDeviceReader reader, ReadErrors errors) {
        List<String> addresses;
        try {
            Optional<Path> devices = host.resolve(PCI_DEVICES);
            if (devices.isEmpty()) {
                errors.add(SysfsDir.SOURCE, PCI_DEVICES, "does not exist");
                return List.of();
            }
            addresses = host.list(devices.get());
        } catch (IOException e) {
            errors.add(SysfsDir.SOURCE, PCI_DEVICES, "cannot list: " + SysfsDir.describe(e));
            return List.of();
        }
        List<PciDevice> found = new ArrayList<>();
        for (String address : addresses) {
            if (!PciDeviceReader.isPciAddress(address)) {
                continue;
            }
            String hostPath = PCI_DEVICES + "/" + address;
            try {
                // A function removed since the listing (host servicing) simply is no longer there.
                host.resolve(hostPath).flatMap(reader::read).ifPresent(found::add);
            } catch (IOException e) {
                errors.add(SysfsDir.SOURCE, hostPath, SysfsDir.describe(e));
            }
        }
        return found;
    }
}
