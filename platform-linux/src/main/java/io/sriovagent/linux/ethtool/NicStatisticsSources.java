package io.sriovagent.linux.ethtool;

import io.sriovagent.probe.ProbeSettings;
import java.nio.ByteOrder;
import java.util.function.Supplier;

/** Opens the NIC statistics source the settings ask for. */
public final class NicStatisticsSources {

    private NicStatisticsSources() {
    }

    /**
     * {@code IOCTL}: the SIOCETHTOOL ioctl, falling back to {@code ethtool -S} once (logged) if the ioctl is
     * unavailable on this host; {@code COMMAND}: {@code ethtool -S} only. The caller closes the source.
     */
    public static NicStatisticsSource open(ProbeSettings settings) {
        return open(settings, LinuxLibc::load);
    }

    /** @param libcLoader binds the C library for the ioctl source */
    static NicStatisticsSource open(ProbeSettings settings, Supplier<LinuxLibc> libcLoader) {
        return switch (settings.ethtoolSource()) {
            case IOCTL -> new FallbackStatisticsSource(
                    new IoctlStatisticsSource(new LibcEthtoolChannel(libcLoader), ByteOrder.nativeOrder()),
                    () -> new CommandStatisticsSource(settings));
            case COMMAND -> new CommandStatisticsSource(settings);
        };
    }
}
