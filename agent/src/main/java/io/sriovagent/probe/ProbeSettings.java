package io.sriovagent.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What a platform probe needs from the configuration.
 *
 * @param hostRoot        root of the host's file system ({@code /}, or a mounted host / fixture tree)
 * @param ethtoolSource   how NIC statistics are read
 * @param ethtoolCommand  executable for the command source
 * @param lspciCommand    executable that names PCI devices
 * @param commandTimeout  how long an external command may run before it is killed and recorded as failed
 * @param wallClock       stamps snapshots for reports
 * @param monotonicNanos  stamps snapshots for traffic windows
 */
public record ProbeSettings(
        Path hostRoot,
        EthtoolSource ethtoolSource,
        String ethtoolCommand,
        String lspciCommand,
        Duration commandTimeout,
        InstantSource wallClock,
        LongSupplier monotonicNanos) {

    public enum EthtoolSource { IOCTL, COMMAND }

    public ProbeSettings {
        Objects.requireNonNull(hostRoot, "hostRoot");
        Objects.requireNonNull(ethtoolSource, "ethtoolSource");
        Objects.requireNonNull(ethtoolCommand, "ethtoolCommand");
        Objects.requireNonNull(lspciCommand, "lspciCommand");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(monotonicNanos, "monotonicNanos");
    }

    /** Settings for the real host with the system clocks. */
    public static ProbeSettings of(Path hostRoot, EthtoolSource source, String ethtoolCommand, String lspciCommand,
                                   Duration commandTimeout) {
        return new ProbeSettings(hostRoot, source, ethtoolCommand, lspciCommand, commandTimeout,
                InstantSource.system(), System::nanoTime);
    }
}
