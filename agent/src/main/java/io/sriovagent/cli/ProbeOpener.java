package io.sriovagent.cli;

import io.sriovagent.probe.PlatformProbe;
import io.sriovagent.probe.PlatformProbeProvider;
import io.sriovagent.probe.ProbeSettings;
import java.util.ServiceLoader;

/** Opens the probe of the platform the agent runs on. Tests substitute a fixture-backed one. */
@FunctionalInterface
public interface ProbeOpener {

    PlatformProbe open(ProbeSettings settings) throws UsageException;

    /**
     * The first {@link PlatformProbeProvider} on the class path that supports this operating system. A provider
     * that rejects the settings (a host root that is not one) is a usage error: exit 2 with its message.
     */
    static ProbeOpener serviceLoader() {
        return settings -> {
            for (PlatformProbeProvider provider : ServiceLoader.load(PlatformProbeProvider.class)) {
                if (provider.supportsCurrentOs()) {
                    try {
                        return provider.create(settings);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
            }
            throw new UsageException("this build has no probe for " + System.getProperty("os.name")
                    + " (supported: Linux, Windows)");
        };
    }
}
