package io.sriovagent.linux.net;

import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.linux.pci.PciDevice;
import io.sriovagent.linux.pci.PciDeviceReader;
import io.sriovagent.linux.pci.VfRules;
import io.sriovagent.linux.support.ReadErrors;
import io.sriovagent.linux.sysfs.HostRoot;
import io.sriovagent.linux.sysfs.SysfsDir;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Walks {@code /sys/class/net} and reads the interfaces that matter: hv_netvsc's synthetic NICs and the network
 * interfaces of SR-IOV Ethernet VFs. Others (loopback, bridges, virtio, InfiniBand VFs) are skipped without
 * reading their own attributes (a PCI NIC costs one read of its function's {@code vendor}), so normal interfaces
 * of other kinds cause no read errors.
 *
 * <p>An interface can vanish while it is read (a VF removed by host servicing): when its directory is gone
 * after the read, it is dropped with whatever errors its reading caused.
 */
public final class NetdevScanner {

    static final String CLASS_NET = "/sys/class/net";
    static final String SYNTHETIC_DRIVER = "hv_netvsc";

    /**
     * What the walk found.
     *
     * @param synthetic           hv_netvsc interfaces
     * @param vfs                 interfaces of Ethernet VF functions
     * @param infinibandFunctions addresses of Ethernet-class VF functions whose interface is InfiniBand (type 32):
     *                            InfiniBand VFs too, whatever their class says
     */
    public record Scan(List<SyntheticNetdev> synthetic, List<VfNetdev> vfs, Set<String> infinibandFunctions) {
        public Scan {
            synthetic = List.copyOf(synthetic);
            vfs = List.copyOf(vfs);
            infinibandFunctions = Set.copyOf(infinibandFunctions);
        }
    }

    private final HostRoot host;

    public NetdevScanner(HostRoot host) {
        this.host = host;
    }

    public Scan scan(PciDeviceReader pciReader, ReadErrors errors) {
        List<SyntheticNetdev> synthetic = new ArrayList<>();
        List<VfNetdev> vfs = new ArrayList<>();
        Set<String> infiniband = new HashSet<>();
        List<String> names;
        try {
            Optional<Path> classNet = host.resolve(CLASS_NET);
            if (classNet.isEmpty()) {
                errors.add(SysfsDir.SOURCE, CLASS_NET, "does not exist");
                return new Scan(synthetic, vfs, infiniband);
            }
            names = host.list(classNet.get());
        } catch (IOException e) {
            errors.add(SysfsDir.SOURCE, CLASS_NET, "cannot list: " + SysfsDir.describe(e));
            return new Scan(synthetic, vfs, infiniband);
        }
        for (String name : names) {
            ReadErrors own = new ReadErrors();
            Optional<SysfsDir> dir = Optional.empty();
            try {
                dir = open(name, own);
                dir.ifPresent(d -> readInterface(name, d, pciReader, synthetic, vfs, infiniband));
            } catch (RuntimeException e) {
                own.add(SysfsDir.SOURCE, CLASS_NET + "/" + name, "unexpected failure: " + e);
            }
            boolean vanished = dir.isPresent() && !dir.get().exists();
            if (vanished) {
                synthetic.removeIf(nic -> nic.name().equals(name));
                vfs.removeIf(vf -> vf.name().equals(name));
            } else {
                errors.addAll(own);
            }
        }
        return new Scan(synthetic, vfs, infiniband);
    }

    private Optional<SysfsDir> open(String name, ReadErrors errors) {
        String hostPath = CLASS_NET + "/" + name;
        try {
            // A dangling entry is an interface being removed right now: nothing to read.
            return host.resolve(hostPath).map(path -> new SysfsDir(host, path, hostPath, errors));
        } catch (IOException e) {
            errors.add(SysfsDir.SOURCE, hostPath, SysfsDir.describe(e));
            return Optional.empty();
        }
    }

    private void readInterface(String name, SysfsDir dir, PciDeviceReader pciReader,
                               List<SyntheticNetdev> synthetic, List<VfNetdev> vfs, Set<String> infiniband) {
        Optional<Path> device = link(dir, "device");
        if (device.isEmpty()) {
            return;
        }
        if (PciDeviceReader.isPciAddress(device.get().getFileName().toString())) {
            // A PCI function is never a synthetic NIC; its driver is judged (and any read error recorded) there.
            Optional<PciDevice> pci = pciReader.read(device.get()).filter(PciDevice::isEthernetVf);
            if (pci.isPresent() && isInfiniband(dir)) {
                infiniband.add(pci.get().address());
            } else {
                pci.ifPresent(function -> vfs.add(readVf(name, dir, function)));
            }
            return;
        }
        Optional<Path> driver;
        try {
            driver = host.resolveLink(device.get(), "driver");
        } catch (IOException e) {
            dir.fail("device/driver", SysfsDir.describe(e));
            return;
        }
        if (driver.isPresent() && driver.get().getFileName().toString().equals(SYNTHETIC_DRIVER)) {
            synthetic.add(readSynthetic(name, dir));
        }
    }

    /** An InfiniBand interface on an Ethernet-class function: type says so (unreadable counts as Ethernet). */
    private static boolean isInfiniband(SysfsDir dir) {
        OptionalInt type = dir.integer("type");
        return type.isPresent() && type.getAsInt() == VfRules.ARPHRD_INFINIBAND;
    }

    private SyntheticNetdev readSynthetic(String name, SysfsDir dir) {
        List<String> lowers = dir.entriesStartingWith("lower_").stream()
                .map(entry -> entry.substring("lower_".length())).toList();
        return new SyntheticNetdev(name, mac(dir), dir.integer("mtu").orElse(-1), dir.text("operstate").orElse(null),
                lowers, counters(dir));
    }

    private VfNetdev readVf(String name, SysfsDir dir, PciDevice pci) {
        List<String> uppers = new ArrayList<>();
        link(dir, "master").ifPresent(master -> uppers.add(master.getFileName().toString()));
        dir.entriesStartingWith("upper_").stream()
                .map(entry -> entry.substring("upper_".length()))
                .filter(upper -> !uppers.contains(upper))
                .forEach(uppers::add);
        OptionalLong flags = dir.hex("flags");
        return new VfNetdev(name, mac(dir), dir.integer("mtu").orElse(-1), dir.text("operstate").orElse(null),
                flags.isPresent() ? flags.getAsLong() : null, uppers, pci, counters(dir));
    }

    /** A link that may legitimately be absent; one that dangles belongs to a device going away: also absent. */
    private static Optional<Path> link(SysfsDir dir, String name) {
        try {
            return dir.link(name);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            dir.fail(name, SysfsDir.describe(e));
            return Optional.empty();
        }
    }

    private static String mac(SysfsDir dir) {
        Optional<String> address = dir.text("address");
        if (address.isEmpty()) {
            return null;
        }
        String mac = address.get().toLowerCase(Locale.ROOT);
        if (!mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
            dir.fail("address", "not a MAC address: \"" + address.get() + "\"");
            return null;
        }
        return mac;
    }

    /** All four or nothing: a partial set would make a false delta. */
    private static InterfaceCounters counters(SysfsDir dir) {
        SysfsDir statistics = dir.child("statistics");
        OptionalLong rxPackets = statistics.counter("rx_packets");
        OptionalLong txPackets = statistics.counter("tx_packets");
        OptionalLong rxBytes = statistics.counter("rx_bytes");
        OptionalLong txBytes = statistics.counter("tx_bytes");
        if (rxPackets.isEmpty() || txPackets.isEmpty() || rxBytes.isEmpty() || txBytes.isEmpty()) {
            return null;
        }
        return new InterfaceCounters(rxPackets.getAsLong(), txPackets.getAsLong(), rxBytes.getAsLong(),
                txBytes.getAsLong());
    }
}
