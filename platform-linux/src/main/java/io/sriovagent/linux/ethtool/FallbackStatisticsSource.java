package io.sriovagent.linux.ethtool;

import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The ioctl source, replaced for good by the command source the first time the ioctl shows it cannot work on
 * this host (no C library through JNA, no socket, the kernel or a security policy refusing SIOCETHTOOL) before
 * it ever worked. The switch is logged once.
 *
 * <p>Errors about one interface (EOPNOTSUPP, ENODEV, ...) never cause the switch: ethtool would meet the same
 * ones. Neither does a refusal after the ioctl has already worked here: the mechanism is there, the failure is
 * that read's and is reported as such.
 */
final class FallbackStatisticsSource implements NicStatisticsSource {

    private static final Logger LOG = Logger.getLogger(FallbackStatisticsSource.class.getName());

    private final IoctlStatisticsSource ioctl;
    private final Supplier<NicStatisticsSource> fallbackFactory;
    private boolean ioctlWorked;
    private NicStatisticsSource fallback;

    FallbackStatisticsSource(IoctlStatisticsSource ioctl, Supplier<NicStatisticsSource> fallbackFactory) {
        this.ioctl = ioctl;
        this.fallbackFactory = fallbackFactory;
    }

    @Override
    public synchronized NicStatistics read(String interfaceName) {
        if (fallback != null) {
            return fallback.read(interfaceName);
        }
        IoctlReading reading = ioctl.readReporting(interfaceName);
        if (!reading.mechanismUnavailable()) {
            ioctlWorked = true;
            return reading.statistics();
        }
        if (ioctlWorked) {
            return reading.statistics();
        }
        fallback = fallbackFactory.get();
        LOG.warning(() -> "NIC statistics: " + reading.statistics().detail() + "; reading them with the '"
                + fallback.name() + "' source (ethtool -S) from now on");
        ioctl.close();
        return fallback.read(interfaceName);
    }

    /** {@code ioctl}, or the fallback's name once it took over. */
    @Override
    public synchronized String name() {
        return fallback != null ? fallback.name() : ioctl.name();
    }

    @Override
    public synchronized void close() {
        ioctl.close();
        if (fallback != null) {
            fallback.close();
        }
    }
}
