package io.sriovagent.windows;

import io.sriovagent.host.HostSnapshot;
import io.sriovagent.host.OsInfo;
import io.sriovagent.host.ReadError;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.windows.device.DeviceInventory;
import io.sriovagent.windows.device.DeviceReader;
import io.sriovagent.windows.jna.WindowsLibraries;
import io.sriovagent.windows.net.InterfaceRow;
import io.sriovagent.windows.net.InterfaceTableReader;
import io.sriovagent.windows.os.OsVersionReader;
import io.sriovagent.windows.os.SupportedBuilds;
import io.sriovagent.windows.os.WindowsVersion;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Windows probe: devices through SetupAPI/CfgMgr32, interfaces through IP Helper, the build through
 * ntdll and the registry. Never throws: each reader's failures are read errors, and even an unexpected
 * exception from one reader (a missing export, a JNA error) costs only that reader's part of the snapshot.
 */
public final class WindowsProbe implements PlatformProbe {

    private static final Logger LOG = Logger.getLogger(WindowsProbe.class.getName());
    private final DeviceReader devices;
    private final InterfaceTableReader interfaces;
    private final OsVersionReader osVersion;
    private final SupportedBuilds builds = SupportedBuilds.load();
    private final SnapshotAssembler assembler = new SnapshotAssembler(builds);
    private final InstantSource wallClock;
    private final LongSupplier monotonicNanos;
    /** The build cannot change while the OS runs: once read completely it is kept. */
    private WindowsVersion version;

    public WindowsProbe(WindowsLibraries libraries, InstantSource wallClock, LongSupplier monotonicNanos) {
        this.devices = new DeviceReader(libraries.setupApi(), libraries.cfgMgr32(), libraries.registry(),
                libraries.lastError());
        this.interfaces = new InterfaceTableReader(libraries.ipHelper());
        this.osVersion = new OsVersionReader(libraries.ntDll(), libraries.registry());
        this.wallClock = wallClock;
        this.monotonicNanos = monotonicNanos;
    }

    @Override
    public HostSnapshot probe() {
        Instant takenAt = wallClock.instant();
        long nanos = monotonicNanos.getAsLong();
        List<ReadError> errors = new ArrayList<>();
        DeviceInventory inventory = guarded(DeviceReader.SETUPAPI, "devices", errors,
                () -> devices.read(errors::add), new DeviceInventory(List.of(), List.of()));
        Optional<List<InterfaceRow>> rows = guarded(InterfaceTableReader.IPHLPAPI, "interface table", errors,
                () -> interfaces.read(errors::add), Optional.empty());
        WindowsVersion running = guarded(OsVersionReader.OS, "version", errors, () -> version(errors), null);
        HostSnapshot snapshot;
        try {
            snapshot = assembler.assemble(takenAt, nanos, running, inventory, rows, errors);
        } catch (RuntimeException e) {
            errors.add(new ReadError("probe", "snapshot", "assembling the snapshot failed: " + e));
            LOG.log(Level.SEVERE, "assembling the Windows snapshot failed", e);
            snapshot = new HostSnapshot(takenAt, nanos,
                    new OsInfo("windows", null, null, null, builds.judge(running, false)),
                    List.of(), List.of(), List.of(), errors);
        }
        return snapshot;
    }

    private WindowsVersion version(List<ReadError> errors) {
        if (version != null) {
            return version;
        }
        List<ReadError> own = new ArrayList<>();
        WindowsVersion read = osVersion.read(own::add).orElse(null);
        errors.addAll(own);
        if (own.isEmpty()) {
            version = read;
        }
        return read;
    }

    private <T> T guarded(String source, String subject, List<ReadError> errors, Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (RuntimeException | LinkageError e) {
            errors.add(new ReadError(source, subject, "unexpected failure: " + e));
            LOG.log(Level.FINE, "reading " + subject + " failed", e);
            return fallback;
        }
    }
}
