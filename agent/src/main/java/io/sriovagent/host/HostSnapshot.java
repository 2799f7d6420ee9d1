package io.sriovagent.host;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one probe saw on the host, as plain immutable data.
 *
 * <p>A probe never throws for a missing or garbled input: it leaves the affected value out and records a
 * {@link ReadError}, so the checks can tell "unreadable" from "absent" or "zero".
 *
 * @param takenAt          wall-clock time of the probe, for reports
 * @param monotonicNanos   monotonic time of the probe, for traffic windows (immune to clock steps)
 * @param os               the operating system and the platform's verdict on its support for accelerated networking
 * @param nics             every synthetic (Hyper-V) NIC, sorted by interface name, each with its paired VF if any
 * @param vfFunctions      every SR-IOV Ethernet VF PCI function present (InfiniBand VFs excluded), sorted by address,
 *                         including those with no driver bound or no network interface
 * @param unpairedVfs      VF network interfaces that no synthetic NIC has enslaved (stuck renames, unjoined VFs)
 * @param readErrors       what could not be read during this probe
 */
public record HostSnapshot(
        Instant takenAt,
        long monotonicNanos,
        OsInfo os,
        List<SyntheticNic> nics,
        List<PciFunction> vfFunctions,
        List<VfInterface> unpairedVfs,
        List<ReadError> readErrors) {

    public HostSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(os, "os");
        nics = List.copyOf(nics);
        vfFunctions = List.copyOf(vfFunctions);
        unpairedVfs = List.copyOf(unpairedVfs);
        readErrors = List.copyOf(readErrors);
    }

    public Optional<SyntheticNic> nic(String interfaceName) {
        return nics.stream().filter(nic -> nic.name().equals(interfaceName)).findFirst();
    }
}
