package io.sriovagent.windows;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.InterfaceCounters;
import io.sriovagent.host.NicCounters;
import io.sriovagent.host.OsInfo;
import io.sriovagent.host.PciFunction;
import io.sriovagent.host.ReadError;
import io.sriovagent.host.SyntheticNic;
import io.sriovagent.host.VfInterface;
import io.sriovagent.host.VfPairing;
import io.sriovagent.windows.device.DeviceInventory;
import io.sriovagent.windows.device.DeviceNode;
import io.sriovagent.windows.device.VfDevice;
import io.sriovagent.windows.net.InterfaceRow;
import io.sriovagent.windows.net.InterfaceTableReader;
import io.sriovagent.windows.os.SupportedBuilds;
import io.sriovagent.windows.os.WindowsVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the {@link HostSnapshot} from what the readers returned; pure, no native calls.
 *
 * <p>Devices and interfaces meet through NetCfgInstanceId = InterfaceGuid, on adapter rows only (hardware, not
 * filter: filter rows repeat the MAC). A synthetic adapter and a VF adapter belong together when their rows
 * share the MAC: netvsc binds over the VF, which has no IP of its own.
 */
final class SnapshotAssembler {

    /** Hardware ID of the Hyper-V synthetic network adapter on VMBus. */
    static final String VMBUS_NETWORK_ID = "VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}";
    static final String NETVSC = "netvsc";

    private final SupportedBuilds builds;

    SnapshotAssembler(SupportedBuilds builds) {
        this.builds = builds;
    }

    /** A network adapter that is a VF, with the PCI device behind it and its interface row (null when none). */
    private record VfAdapter(DeviceNode adapter, VfDevice owner, InterfaceRow row) {
    }

    HostSnapshot assemble(Instant takenAt, long monotonicNanos, WindowsVersion version, DeviceInventory inventory,
                          Optional<List<InterfaceRow>> table, List<ReadError> readErrors) {
        List<ReadError> errors = new ArrayList<>(readErrors);
        Map<String, InterfaceRow> rowsByGuid = table.orElse(List.of()).stream()
                .filter(InterfaceRow::adapterRow)
                .collect(Collectors.toMap(InterfaceRow::guid, Function.identity(), (first, second) -> first));

        List<VfAdapter> vfAdapters = new ArrayList<>();
        for (DeviceNode adapter : inventory.netAdapters()) {
            owner(adapter, inventory.vfDevices()).ifPresent(owner -> vfAdapters.add(
                    new VfAdapter(adapter, owner, rowFor(adapter, rowsByGuid))));
        }

        Map<VfDevice, PciFunction> functions = new IdentityHashMap<>();
        for (VfDevice vf : inventory.vfDevices()) {
            List<String> interfaces = vfAdapters.stream()
                    .filter(a -> a.owner() == vf && a.row() != null)
                    .map(a -> a.row().alias())
                    .sorted()
                    .toList();
            String model = vf.node().description() != null ? vf.node().description() : vf.hardware().model();
            functions.put(vf, new PciFunction(vf.node().instanceId(), vf.hardware().vendorId(),
                    vf.hardware().deviceId(), model, DriverJudgement.judge(vf), interfaces));
        }

        Set<VfAdapter> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SyntheticNic> nics = new ArrayList<>();
        for (DeviceNode adapter : inventory.netAdapters()) {
            if (!synthetic(adapter)) {
                continue;
            }
            String driver = adapter.service() != null ? adapter.service() : NETVSC;
            InterfaceRow row = rowFor(adapter, rowsByGuid);
            if (row == null) {
                if (table.isPresent() && adapter.netCfgInstanceId() != null) {
                    errors.add(new ReadError(InterfaceTableReader.IPHLPAPI, adapter.displayName(),
                            "no interface row for NetCfgInstanceId " + adapter.netCfgInstanceId()));
                }
                nics.add(new SyntheticNic(adapter.displayName(), null, -1, driver, null, null, null));
                continue;
            }
            Optional<VfAdapter> vf = vfAdapters.stream()
                    .filter(a -> a.row() != null && !paired.contains(a) && row.mac() != null
                            && row.mac().equals(a.row().mac()))
                    // Two VFs with one MAC should not happen; if it does, prefer the one that is up.
                    .min(Comparator.comparing((VfAdapter a) -> !"up".equals(a.row().operState()))
                            .thenComparing(a -> a.row().alias()));
            vf.ifPresent(paired::add);
            VfInterface vfInterface = vf.map(a -> vfInterface(a, VfPairing.LOWER_LINK, functions.get(a.owner())))
                    .orElse(null);
            nics.add(new SyntheticNic(row.alias(), row.mac(), row.mtu(), driver, row.operState(), vfInterface,
                    counters(row, vf.map(VfAdapter::row).orElse(null))));
        }

        List<VfInterface> unpaired = vfAdapters.stream()
                .filter(a -> a.row() != null && !paired.contains(a))
                .map(a -> vfInterface(a, VfPairing.NONE, functions.get(a.owner())))
                .sorted(Comparator.comparing(VfInterface::name))
                .toList();

        boolean manaPresent = inventory.vfDevices().stream().anyMatch(vf -> vf.hardware().mana());
        OsInfo os = version == null
                ? new OsInfo("windows", null, null, null, builds.judge(null, manaPresent))
                : new OsInfo("windows", version.productName(), version.displayVersion(), version.fullString(),
                        builds.judge(version, manaPresent));

        return new HostSnapshot(takenAt, monotonicNanos, os,
                nics.stream().sorted(Comparator.comparing(SyntheticNic::name)).toList(),
                functions.values().stream().sorted(Comparator.comparing(PciFunction::address)).toList(),
                unpaired, errors);
    }

    /**
     * Datapath counters from the two rows: the VF row counts what went through the VF; the synthetic row counts
     * everything the NIC carried (VF traffic included), so the synthetic path is the difference. Sampling the two
     * rows a moment apart can make the difference negative: it is clamped at 0.
     */
    static NicCounters counters(InterfaceRow synthetic, InterfaceRow vf) {
        InterfaceRow.Counters all = synthetic.counters();
        if (vf == null) {
            return new NicCounters(NicCounters.Source.IP_HELPER, 0, 0, 0, 0, 0, all.inPackets(), all.outPackets());
        }
        InterfaceRow.Counters own = vf.counters();
        return new NicCounters(NicCounters.Source.IP_HELPER,
                own.inPackets(), own.outPackets(), own.inOctets(), own.outOctets(), own.outDiscards(),
                Math.max(0, all.inPackets() - own.inPackets()), Math.max(0, all.outPackets() - own.outPackets()));
    }

    static boolean synthetic(DeviceNode adapter) {
        return NETVSC.equalsIgnoreCase(adapter.service())
                || adapter.hardwareIds().stream().anyMatch(id -> id.equalsIgnoreCase(VMBUS_NETWORK_ID));
    }

    /** The VF device an adapter belongs to: the adapter is the VF itself (mlx5) or a child of a VF bus. */
    private static Optional<VfDevice> owner(DeviceNode adapter, List<VfDevice> vfs) {
        String id = adapter.instanceId().toLowerCase(Locale.ROOT);
        return vfs.stream()
                .filter(vf -> vf.node().instanceId().toLowerCase(Locale.ROOT).equals(id)
                        || vf.hasChild(adapter.instanceId()))
                .findFirst();
    }

    private static InterfaceRow rowFor(DeviceNode adapter, Map<String, InterfaceRow> rowsByGuid) {
        return adapter.netCfgInstanceId() == null ? null : rowsByGuid.get(adapter.netCfgInstanceId());
    }

    private static VfInterface vfInterface(VfAdapter adapter, VfPairing pairing, PciFunction pci) {
        InterfaceRow row = adapter.row();
        InterfaceRow.Counters c = row.counters();
        return new VfInterface(row.alias(), row.mac(), row.mtu(), row.operState(), pairing, pci,
                new InterfaceCounters(c.inPackets(), c.outPackets(), c.inOctets(), c.outOctets()));
    }
}
