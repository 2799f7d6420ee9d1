package io.sriovagent.linux.ethtool;

/**
 * Reads a network interface's driver statistics (what {@code ethtool -S IFACE} prints). Implementations never
 * throw for a failing read: they return a {@link NicStatistics} that says why nothing was read.
 */
public interface NicStatisticsSource extends AutoCloseable {

    NicStatistics read(String interfaceName);

    /** Short name for logs and read errors: {@code ioctl}, {@code command}. */
    String name();

    @Override
    default void close() {
    }
}
