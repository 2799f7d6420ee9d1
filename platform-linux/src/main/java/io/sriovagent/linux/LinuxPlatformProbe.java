package io.sriovagent.linux;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.OsInfo;
import io.sriovagent.host.OsSupport;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import io.sriovagent.host.VfPairing;
import io.sriovagent.linux.ethtool.NetvscCounters;
import io.sriovagent.linux.ethtool.NicStatistics;
import io.sriovagent.linux.ethtool.NicStatisticsSource;
import io.sriovagent.linux.net.NetdevScanner;
import io.sriovagent.linux.net.Pairer;
import io.sriovagent.linux.net.SyntheticNetdev;
import io.sriovagent.linux.net.VfNetdev;
import io.sriovagent.linux.os.KernelMinimums;
import io.sriovagent.linux.os.KernelPolicy;
import io.sriovagent.linux.os.OsReader;
import io.sriovagent.linux.pci.LspciCache;
import io.sriovagent.linux.pci.LspciDevice;
import io.sriovagent.linux.pci.LspciRunner;
import io.sriovagent.linux.pci.PciDevice;
import io.sriovagent.linux.pci.PciDeviceReader;
import io.sriovagent.linux.pci.PciScanner;
import io.sriovagent.linux.pci.VfModels;
import io.sriovagent.linux.support.OnceLog;
import io.sriovagent.linux.support.ReadErrors;
import io.sriovagent.linux.sysfs.HostRoot;
import io.sriovagent.probe.PlatformProbe;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Linux host probe: synthetic NICs and their VFs from sysfs, VF PCI functions (named with lspci's help),
 * netvsc datapath counters from the statistics source, and the kernel judged against its distribution's minimum.
 *
 * <p>Everything is read through the host root. Nothing throws out of {@link #probe()}: what cannot be read is
 * left unknown and recorded as a read error in the snapshot.
 */
public final class LinuxPlatformProbe implements PlatformProbe {

    static final String ETHTOOL_SOURCE = "ethtool";

    private static final Logger LOG = Logger.getLogger(LinuxPlatformProbe.class.getName());

    private final HostRoot host;
    private final NicStatisticsSource statistics;
    private final InstantSource wallClock;
    private final LongSupplier monotonicNanos;
    private final OnceLog log = new OnceLog(LOG);
    private final LspciCache lspci;
    private final OsReader osReader;
    private final NetdevScanner netdevs;
    private final PciScanner pciFunctions;

    /**
     * @param host           the host's file system (sysfs, procfs, os-release)
     * @param statistics     reads netvsc's statistics of a synthetic NIC
     * @param lspci          runs lspci (only when the set of VF functions changes)
     * @param wallClock      stamps snapshots for reports
     * @param monotonicNanos stamps snapshots for traffic windows
     */
    public LinuxPlatformProbe(HostRoot host, NicStatisticsSource statistics, LspciRunner lspci,
                              InstantSource wallClock, LongSupplier monotonicNanos) {
        this.host = host;
        this.statistics = statistics;
        this.wallClock = wallClock;
        this.monotonicNanos = monotonicNanos;
        this.lspci = new LspciCache(lspci, log);
        this.osReader = new OsReader(host, new KernelPolicy(KernelMinimums.load()));
        this.netdevs = new NetdevScanner(host);
        this.pciFunctions = new PciScanner(host);
    }

    @Override
    public HostSnapshot probe() {
        Instant takenAt = wallClock.instant();
        long monotonic = monotonicNanos.getAsLong();
        ReadErrors errors = new ReadErrors();
        OsReader.Reading os = readOs(errors);
        List<SyntheticNic> nics = new ArrayList<>();
        List<PciFunction> functions = new ArrayList<>();
        List<VfInterface> unpaired = new ArrayList<>();
        try {
            PciDeviceReader pciReader = new PciDeviceReader(host, os.kernel(), errors);
            NetdevScanner.Scan scan = netdevs.scan(pciReader, errors);
            Map<String, PciFunction> byAddress = vfFunctions(scan, pciFunctions.scan(pciReader, errors), errors);
            functions.addAll(byAddress.values());
            Pairer.Pairs pairs = Pairer.pair(scan.synthetic(), scan.vfs());
            for (SyntheticNetdev nic : scan.synthetic()) {
                nics.add(syntheticNic(nic, pairs.bySynthetic().get(nic.name()), byAddress, errors));
            }
            for (VfNetdev vf : pairs.unpaired()) {
                unpaired.add(vfInterface(vf, VfPairing.NONE, byAddress));
            }
        } catch (RuntimeException | LinkageError e) {
            // A defect must cost this probe's NIC data, not the agent: the read error makes it visible.
            errors.add("probe", "linux", "unexpected failure while reading network devices: " + e);
            log.log(Level.SEVERE, "probe-failure-" + e.getClass().getName(), "probe failed unexpectedly: " + e);
        }
        nics.sort(Comparator.comparing(SyntheticNic::name));
        unpaired.sort(Comparator.comparing(VfInterface::name));
        return new HostSnapshot(takenAt, monotonic, os.info(), nics, functions, unpaired, errors.toList());
    }

    private OsReader.Reading readOs(ReadErrors errors) {
        try {
            return osReader.read(errors);
        } catch (RuntimeException e) {
            errors.add(OsReader.SOURCE, "os", "unexpected failure: " + e);
            return new OsReader.Reading(new OsInfo("linux", null, null, null, new OsSupport(KernelPolicy.CHECK_ID,
                    OsSupport.Status.UNKNOWN, null, "The operating system could not be read, so the kernel was "
                    + "not judged.")), null);
        }
    }

    /** Every Ethernet VF function, from the interfaces and from the PCI bus walk, named, by address. */
    private Map<String, PciFunction> vfFunctions(NetdevScanner.Scan scan, List<PciDevice> onBus, ReadErrors errors) {
        Map<String, PciDevice> devices = new TreeMap<>();
        onBus.stream().filter(PciDevice::isEthernetVf)
                .filter(device -> !scan.infinibandFunctions().contains(device.address()))
                .forEach(device -> devices.put(device.address(), device));
        scan.vfs().forEach(vf -> devices.putIfAbsent(vf.pci().address(), vf.pci()));
        Map<String, LspciDevice> named = lspci.lookup(List.copyOf(devices.values()), errors);
        Map<String, PciFunction> functions = new TreeMap<>();
        for (PciDevice device : devices.values()) {
            List<String> interfaces = scan.vfs().stream()
                    .filter(vf -> vf.pci().address().equals(device.address()))
                    .map(VfNetdev::name).sorted().toList();
            functions.put(device.address(), new PciFunction(device.address(), device.vendorId(), device.deviceId(),
                    model(device, named.get(device.address())), device.driver(), interfaces));
        }
        return functions;
    }

    private static String model(PciDevice device, LspciDevice listed) {
        return VfModels.modelFromLspciName(listed == null ? null : listed.deviceName())
                .or(() -> VfModels.lookup(device.vendorId(), device.deviceId()).map(VfModels.VfModel::name))
                .orElse(null);
    }

    private SyntheticNic syntheticNic(SyntheticNetdev nic, Pairer.Pair pair, Map<String, PciFunction> functions,
                                      ReadErrors errors) {
        VfInterface vf = pair == null ? null : vfInterface(pair.vf(), pair.evidence(), functions);
        return new SyntheticNic(nic.name(), nic.mac(), nic.mtu(), "hv_netvsc", nic.operState(), vf,
                counters(nic, pair, errors));
    }

    private static VfInterface vfInterface(VfNetdev vf, VfPairing pairing, Map<String, PciFunction> functions) {
        return new VfInterface(vf.name(), vf.mac(), vf.mtu(), vf.operState(), pairing,
                functions.get(vf.pci().address()), vf.own());
    }

    private NicCounters counters(SyntheticNetdev nic, Pairer.Pair pair, ReadErrors errors) {
        NicStatistics read = readStatistics(nic.name());
        if (read.outcome() == NicStatistics.Outcome.FAILED) {
            String problem = "statistics source " + statistics.name() + ": " + read.detail();
            errors.add(ETHTOOL_SOURCE, nic.name(), problem);
            log.log(Level.WARNING, "ethtool-" + nic.name() + "-" + read.outcome(),
                    "cannot read netvsc statistics of " + nic.name() + ": " + problem);
        }
        NetvscCounters.Mapping mapping = NetvscCounters.map(read, nic.totals(),
                pair == null ? null : pair.vf().own(), pair != null);
        if (mapping.fallbackReason() != null && mapping.counters() != null) {
            log.log(Level.INFO, "fallback-" + nic.name() + "-" + read.outcome(), nic.name() + ": "
                    + mapping.fallbackReason() + "; its datapath counters are derived from interface statistics");
        }
        return mapping.counters();
    }

    private NicStatistics readStatistics(String interfaceName) {
        try {
            NicStatistics read = statistics.read(interfaceName);
            return read == null ? NicStatistics.failed("the source returned nothing") : read;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: JNA binds libc functions on first use; a missing one must cost the read, not the probe.
            return NicStatistics.failed("unexpected failure: " + e);
        }
    }

    @Override
    public void close() {
        statistics.close();
    }
}
