package io.sriovagent.linux;

import io.sriovagent.linux.ethtool.NicStatisticsSources;
import io.sriovagent.linux.exec.CommandRunner;
import io.sriovagent.linux.pci.LspciRunner;
import io.sriovagent.linux.sysfs.HostRoot;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.probe.PlatformProbeProvider;
import io.sriovagent.probe.ProbeSettings;
import java.nio.file.Files;
import java.util.Locale;

/** Entry point of the Linux platform module, found with {@link java.util.ServiceLoader}. */
public final class LinuxProbeProvider implements PlatformProbeProvider {

    @Override
    public String platform() {
        return "linux";
    }

    @Override
    public boolean supportsCurrentOs() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /**
     * @throws IllegalArgumentException when the host root has no {@code sys/class/net}: a mistyped
     *         {@code --host-root} or an unmounted {@code /sys} must stop the agent with a clear error rather than
     *         report "no synthetic NIC" as if the host had been read
     */
    @Override
    public PlatformProbe create(ProbeSettings settings) {
        if (!Files.isDirectory(settings.hostRoot().resolve("sys/class/net"))) {
            throw new IllegalArgumentException("--host-root " + settings.hostRoot()
                    + ": no sys/class/net under it (is /sys mounted there?)");
        }
        return new LinuxPlatformProbe(
                new HostRoot(settings.hostRoot()),
                NicStatisticsSources.open(settings),
                LspciRunner.command(new CommandRunner(settings.commandTimeout()), settings.lspciCommand()),
                settings.wallClock(),
                settings.monotonicNanos());
    }
}
