package io.sriovagent.windows;

import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.probe.PlatformProbeProvider;
import io.sriovagent.probe.ProbeSettings;
import io.sriovagent.windows.jna.WindowsLibraries;

/**
 * Entry point of the Windows platform ({@code META-INF/services}). Loading the native libraries happens in
 * {@link #create(ProbeSettings)}, which the core calls only after {@link #supportsCurrentOs()} said yes.
 */
public final class WindowsProbeProvider implements PlatformProbeProvider {

    @Override
    public String platform() {
        return "windows";
    }

    @Override
    public boolean supportsCurrentOs() {
        return isWindows(System.getProperty("os.name", ""));
    }

    static boolean isWindows(String osName) {
        return osName.startsWith("Windows");
    }

    /** Host root, ethtool and lspci settings are Linux-only; Windows reads the live OS through its APIs. */
    @Override
    public PlatformProbe create(ProbeSettings settings) {
        return new WindowsProbe(WindowsLibraries.load(), settings.wallClock(), settings.monotonicNanos());
    }
}
