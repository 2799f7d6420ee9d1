package io.sriovagent.linux;

import io.sriovagent.linux.ethtool.NicStatisticsSources;
import io.sriovagent.linux.exec.CommandRunner;
import io.sriovagent.linux.pci.LspciRunner;
import io.sriovagent.linux.sysfs.HostRoot;
import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.probe.PlatformProbeProvider;
import io.sriovagent.probe.ProbeSettings;
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

    @Override
    public PlatformProbe create(ProbeSettings settings) {
        return new LinuxPlatformProbe(
                new HostRoot(settings.hostRoot()),
                NicStatisticsSources.open(settings),
                LspciRunner.command(new CommandRunner(settings.commandTimeout()), settings.lspciCommand()),
                settings.wallClock(),
                settings.monotonicNanos());
    }
}
