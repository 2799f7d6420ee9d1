package io.sriovagent.linux.ethtool;

import io.sriovagent.linux.ethtool.EthtoolChannel.ErrnoException;
import io.sriovagent.linux.ethtool.EthtoolChannel.IoctlUnavailableException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Driver statistics through the kernel's SIOCETHTOOL ioctl, the way {@code ethtool -S} gets them:
 * ETHTOOL_GSSET_INFO for the count, ETHTOOL_GSTRINGS for the names, ETHTOOL_GSTATS for the values, every buffer
 * sized from the count the kernel just gave.
 *
 * <p>The three calls are not atomic: a driver that re-registers between them (hv_netvsc changing channels, a VF
 * coming back) changes the count, which the replies reveal. The read then starts over once, and fails if the
 * count moves again rather than pair names with the wrong values.
 *
 * <p>Names are trimmed the way {@link EthtoolStatsParser} trims the printed ones, so both sources give the same
 * keys.
 */
public final class IoctlStatisticsSource implements NicStatisticsSource {

    private static final int ATTEMPTS = 2;

    private final EthtoolChannel channel;
    private final ByteOrder order;

    /** The real ioctl on this host. */
    public IoctlStatisticsSource() {
        this(new LibcEthtoolChannel(LinuxLibc::load), ByteOrder.nativeOrder());
    }

    /** @param order byte order of the structures the channel carries (native for the kernel) */
    IoctlStatisticsSource(EthtoolChannel channel, ByteOrder order) {
        this.channel = channel;
        this.order = order;
    }

    @Override
    public NicStatistics read(String interfaceName) {
        return readReporting(interfaceName).statistics();
    }

    /** Reads, and says whether a failure means the ioctl cannot work on this host at all. */
    synchronized IoctlReading readReporting(String interfaceName) {
        String problem = InterfaceNames.problem(interfaceName);
        if (problem != null) {
            return IoctlReading.of(NicStatistics.failed(problem));
        }
        try {
            return IoctlReading.of(readStatistics(interfaceName));
        } catch (IoctlUnavailableException e) {
            return IoctlReading.unavailable("the ethtool ioctl is unavailable: " + e.getMessage());
        } catch (StepFailedException e) {
            return fromErrno(interfaceName, e.step, e.errno);
        }
    }

    @Override
    public String name() {
        return "ioctl";
    }

    @Override
    public void close() {
        channel.close();
    }

    private NicStatistics readStatistics(String interfaceName) throws StepFailedException, IoctlUnavailableException {
        List<String> changes = new ArrayList<>();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            OptionalInt counted = statisticsCount(interfaceName);
            if (counted.isEmpty()) {
                return NicStatistics.notSupported("the driver offers no statistics (no ETH_SS_STATS string set)");
            }
            int count = counted.getAsInt();
            if (count == 0) {
                return NicStatistics.notSupported("the driver reports 0 statistics");
            }
            if (count < 0 || count > EthtoolIoctlCodec.MAX_STATISTICS) {
                return NicStatistics.failed("the kernel reported " + Integer.toUnsignedString(count)
                        + " statistics, more than the " + EthtoolIoctlCodec.MAX_STATISTICS + " this reader accepts");
            }
            ByteBuffer names = EthtoolIoctlCodec.statisticNamesRequest(count, order);
            exchange("ETHTOOL_GSTRINGS", interfaceName, names);
            int namesCount = EthtoolIoctlCodec.statisticNamesCount(names);
            if (namesCount != count) {
                changes.add(count + " counted, then " + namesCount + " names");
                continue;
            }
            ByteBuffer values = EthtoolIoctlCodec.statisticValuesRequest(count, order);
            exchange("ETHTOOL_GSTATS", interfaceName, values);
            int valuesCount = EthtoolIoctlCodec.statisticValuesCount(values);
            if (valuesCount != count) {
                changes.add(count + " names, then " + valuesCount + " values");
                continue;
            }
            return NicStatistics.read(pair(EthtoolIoctlCodec.statisticNames(names, count),
                    EthtoolIoctlCodec.statisticValues(values, count)));
        }
        return NicStatistics.failed("the number of statistics changed during the read, " + ATTEMPTS + " times in a row ("
                + String.join("; ", changes) + "): the driver is re-registering");
    }

    private OptionalInt statisticsCount(String interfaceName) throws StepFailedException, IoctlUnavailableException {
        ByteBuffer setInfo = EthtoolIoctlCodec.statisticsCountRequest(order);
        try {
            channel.exchange(interfaceName, setInfo);
            return EthtoolIoctlCodec.statisticsCount(setInfo);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.EOPNOTSUPP) {
                throw new StepFailedException("ETHTOOL_GSSET_INFO", e.errno());
            }
        }
        // Kernels before 2.6.34 have no ETHTOOL_GSSET_INFO; ethtool then takes the count from the driver info.
        ByteBuffer driverInfo = EthtoolIoctlCodec.driverInfoRequest(order);
        exchange("ETHTOOL_GDRVINFO", interfaceName, driverInfo);
        return OptionalInt.of(EthtoolIoctlCodec.driverInfoStatisticsCount(driverInfo));
    }

    private void exchange(String step, String interfaceName, ByteBuffer command)
            throws StepFailedException, IoctlUnavailableException {
        try {
            channel.exchange(interfaceName, command);
        } catch (ErrnoException e) {
            throw new StepFailedException(step, e.errno());
        }
    }

    private static Map<String, Long> pair(List<String> names, long[] values) {
        Map<String, Long> statistics = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            statistics.put(names.get(i).strip(), values[i]);
        }
        return statistics;
    }

    /** What an errno from one step means for the read. */
    static IoctlReading fromErrno(String interfaceName, String step, int errno) {
        String what = step + " on " + interfaceName + ": " + Errno.describe(errno);
        return switch (errno) {
            case Errno.EOPNOTSUPP -> IoctlReading.of(NicStatistics.notSupported("the driver has no statistics (" + what + ")"));
            case Errno.ENODEV -> IoctlReading.of(NicStatistics.failed("interface vanished: no such device (" + what + ")"));
            case Errno.EPERM, Errno.EACCES -> IoctlReading.unavailable("the kernel refused the ethtool ioctl (" + what
                    + "): a security policy (seccomp, SELinux, AppArmor) or a missing privilege blocks it");
            case Errno.ENOTTY, Errno.ENOSYS -> IoctlReading.unavailable("the kernel does not accept the ethtool ioctl ("
                    + what + ")");
            default -> IoctlReading.of(NicStatistics.failed(step + " on " + interfaceName + " failed: "
                    + Errno.describe(errno)));
        };
    }

    /** An errno from one named step of the sequence. */
    private static final class StepFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        final String step;
        final int errno;

        StepFailedException(String step, int errno) {
            super(step + ": " + Errno.describe(errno), null, false, false);
            this.step = step;
            this.errno = errno;
        }
    }
}
