package io.sriovagent.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds host snapshots for logic tests. Synthetic data: names, MACs, PCI addresses and device IDs follow the
 * ConnectX-4 Lx 2-NIC capture (shared/samples/linux/lisa-sysfs-lower-links-lspci-nks-cx4lx-2nic.txt) so failures
 * read like a real host; the counter values are made up per test.
 */
public final class Snapshots {

    public static final String ETH0_MAC = "00:0d:3a:12:34:56";
    public static final String ETH1_MAC = "00:0d:3a:12:34:57";

    private long seconds;
    private OsInfo os = ubuntu(OsSupport.Status.SUPPORTED);
    private final List<SyntheticNic> nics = new ArrayList<>();
    private final List<PciFunction> functions = new ArrayList<>();
    private final List<VfInterface> unpaired = new ArrayList<>();
    private final List<ReadError> errors = new ArrayList<>();

    public static Snapshots host() {
        return new Snapshots();
    }

    /** Monotonic time of the probe, in seconds. */
    public Snapshots at(long probeSeconds) {
        this.seconds = probeSeconds;
        return this;
    }

    public Snapshots os(OsInfo value) {
        this.os = value;
        return this;
    }

    /** Adds the NIC and, when it has a VF with a PCI function, that function. */
    public Snapshots nic(SyntheticNic nic) {
        nics.add(nic);
        if (nic.vf() != null && nic.vf().pci() != null && !functions.contains(nic.vf().pci())) {
            functions.add(nic.vf().pci());
        }
        return this;
    }

    public Snapshots function(PciFunction function) {
        functions.add(function);
        return this;
    }

    public Snapshots unpaired(VfInterface vf) {
        unpaired.add(vf);
        if (vf.pci() != null && !functions.contains(vf.pci())) {
            functions.add(vf.pci());
        }
        return this;
    }

    public Snapshots error(ReadError error) {
        errors.add(error);
        return this;
    }

    public HostSnapshot build() {
        return new HostSnapshot(Instant.parse("2026-11-22T00:00:00Z").plusSeconds(seconds), seconds * 1_000_000_000L,
                os, nics, functions, unpaired, errors);
    }

    public static OsInfo ubuntu(OsSupport.Status status) {
        String message = switch (status) {
            case SUPPORTED -> "kernel 6.8.0-1029-azure meets the ubuntu minimum 4.11.0-1013";
            case UNSUPPORTED -> "kernel 4.4.0-21-generic is older than the ubuntu minimum 4.11.0-1013";
            case UNKNOWN -> "no documented minimum for this distribution";
        };
        String kernel = status == OsSupport.Status.UNSUPPORTED ? "4.4.0-21-generic" : "6.8.0-1029-azure";
        return new OsInfo("linux", "ubuntu", "22.04", kernel,
                new OsSupport("kernel_version", status, "4.11.0-1013", message));
    }

    public static PciFunction cx4(String address, String... interfaces) {
        return new PciFunction(address, "15b3", "1016", "ConnectX-4 Lx Virtual Function",
                DriverBinding.vfDriver("mlx5_core"), List.of(interfaces));
    }

    public static PciFunction function(String address, String vendor, String device, DriverBinding driver,
                                       String... interfaces) {
        return new PciFunction(address, vendor, device, null, driver, List.of(interfaces));
    }

    public static VfInterface vf(String name, String mac, PciFunction pci) {
        return new VfInterface(name, mac, 1500, "up", VfPairing.LOWER_LINK, pci, new InterfaceCounters(0, 0, 0, 0));
    }

    public static VfInterface vf(String name, String mac, PciFunction pci, String operState, int mtu,
                                 VfPairing pairing, InterfaceCounters own) {
        return new VfInterface(name, mac, mtu, operState, pairing, pci, own);
    }

    public static SyntheticNic nic(String name, String mac, VfInterface vf, NicCounters counters) {
        return new SyntheticNic(name, mac, 1500, "hv_netvsc", "up", vf, counters);
    }

    /** Counters with the given VF and synthetic-path packet totals, split evenly between rx and tx. */
    public static NicCounters counters(long vfPackets, long syntheticPackets) {
        return new NicCounters(NicCounters.Source.NETVSC_ETHTOOL, vfPackets / 2, vfPackets - vfPackets / 2,
                vfPackets * 700, vfPackets * 300, 0, syntheticPackets / 2, syntheticPackets - syntheticPackets / 2);
    }
}
