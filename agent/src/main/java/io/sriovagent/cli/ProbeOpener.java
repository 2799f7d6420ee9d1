package io.sriovagent.cli;

import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.probe.PlatformProbeProvider;
import io.sriovagent.probe.ProbeSettings;
import java.util.ServiceLoader;

/** Opens the probe of the platform the agent runs on. Tests substitute a fixture-backed one. */
@FunctionalInterface
public interface ProbeOpener {

    PlatformProbe open(ProbeSettings settings) throws UsageException;

    /** The first {@link PlatformProbeProvider} on the class path that supports this operating system. */
    static ProbeOpener serviceLoader() {
        return settings -> {
            for (PlatformProbeProvider provider : ServiceLoader.load(PlatformProbeProvider.class)) {
                if (provider.supportsCurrentOs()) {
                    return provider.create(settings);
                }
            }
            throw new UsageException("this build has no probe for " + System.getProperty("os.name")
                    + " (supported: Linux, Windows)");
        };
    }
}
