package io.sriovagent.linux.pci;

import io.sriovagent.host.DriverBinding;
import io.sriovagent.linux.os.VersionNumber;
import io.sriovagent.linux.support.ReadErrors;
import io.sriovagent.linux.sysfs.HostRoot;
import io.sriovagent.linux.sysfs.SysfsDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads PCI functions from their sysfs directories ({@code /sys/bus/pci/devices/ADDRESS}), keeping those of a
 * VF vendor. Each function is read once per probe even when several network interfaces hang off it (MANA).
 */
public final class PciDeviceReader {

    private static final Pattern ADDRESS = Pattern.compile("[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]");
    /** The kernel release that brought the mana driver; older kernels need a distribution backport. */
    private static final VersionNumber MANA_KERNEL = VersionNumber.parse("5.15").orElseThrow();

    private final HostRoot host;
    private final VersionNumber runningKernel;
    private final ReadErrors errors;
    private final Map<String, Optional<PciDevice>> read = new HashMap<>();

    /**
     * @param runningKernel the kernel, to explain a MANA function without driver; null when unknown
     * @param errors        where this probe's read errors go
     */
    public PciDeviceReader(HostRoot host, VersionNumber runningKernel, ReadErrors errors) {
        this.host = host;
        this.runningKernel = runningKernel;
        this.errors = errors;
    }

    /** True when a directory name is a PCI address: the way to tell a PCI function from a VMBus or virtio device. */
    public static boolean isPciAddress(String name) {
        return ADDRESS.matcher(name).matches();
    }

    /**
     * The function in {@code directory} (a resolved path named by its PCI address), or empty when it is not a
     * VF vendor's or its identity cannot be read (then a read error says why).
     */
    public Optional<PciDevice> read(Path directory) {
        String address = directory.getFileName().toString();
        return read.computeIfAbsent(address, key -> readUncached(directory, key));
    }

    private Optional<PciDevice> readUncached(Path directory, String address) {
        SysfsDir dir = new SysfsDir(host, directory, "/sys/bus/pci/devices/" + address, errors);
        OptionalLong vendor = dir.hex("vendor");
        if (vendor.isEmpty() || !VfRules.isVfVendor(hex4(vendor.getAsLong()))) {
            return Optional.empty();
        }
        OptionalLong device = dir.hex("device");
        OptionalLong classCode = dir.hex("class");
        if (device.isEmpty() || classCode.isEmpty()) {
            return Optional.empty();
        }
        String vendorId = hex4(vendor.getAsLong());
        String deviceId = hex4(device.getAsLong());
        return Optional.of(new PciDevice(address, vendorId, deviceId, classCode.getAsLong(),
                driver(dir, vendorId, deviceId)));
    }

    private DriverBinding driver(SysfsDir dir, String vendorId, String deviceId) {
        Optional<Path> driver;
        try {
            driver = dir.link("driver");
        } catch (IOException e) {
            String message = "cannot read the bound driver: " + SysfsDir.describe(e);
            dir.fail("driver", message);
            return new DriverBinding(DriverBinding.State.UNREADABLE, null, message);
        }
        if (driver.isEmpty()) {
            return new DriverBinding(DriverBinding.State.NO_DRIVER, null, noDriverDetail(vendorId, deviceId));
        }
        String name = driver.get().getFileName().toString();
        if (VfRules.VF_DRIVERS.contains(name)) {
            return DriverBinding.vfDriver(name);
        }
        String expected = VfModels.lookup(vendorId, deviceId).map(VfModels.VfModel::driver)
                .orElse(String.join(", ", VfRules.VF_DRIVERS.stream().sorted().toList()));
        return new DriverBinding(DriverBinding.State.OTHER_DRIVER, name,
                "bound to " + name + " instead of " + expected + ", so hv_netvsc cannot use it as its VF");
    }

    /** What a person needs to fix it: which driver the image lacks (the check says that none is bound). */
    private String noDriverDetail(String vendorId, String deviceId) {
        String detail = VfModels.lookup(vendorId, deviceId)
                .map(model -> model.driver() + " is the driver for " + vendorId + ":" + deviceId)
                .orElse("the driver for " + vendorId + ":" + deviceId + " would be one of "
                        + String.join(", ", VfRules.VF_DRIVERS.stream().sorted().toList()));
        if (VfRules.MICROSOFT.equals(vendorId) && runningKernel != null && runningKernel.compareTo(MANA_KERNEL) < 0) {
            detail += "; it arrived in kernel 5.15, so this kernel needs a distribution backport";
        }
        return detail;
    }

    private static String hex4(long value) {
        return String.format("%04x", value);
    }
}
