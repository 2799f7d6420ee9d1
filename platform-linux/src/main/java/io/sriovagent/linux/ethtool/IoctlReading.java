package io.sriovagent.linux.ethtool;

/**
 * One ioctl read, and whether its failure says the mechanism itself does not work on this host (no C library,
 * no socket, the kernel or a security policy refusing SIOCETHTOOL) rather than something about one interface.
 */
record IoctlReading(NicStatistics statistics, boolean mechanismUnavailable) {

    static IoctlReading of(NicStatistics statistics) {
        return new IoctlReading(statistics, false);
    }

    static IoctlReading unavailable(String detail) {
        return new IoctlReading(NicStatistics.failed(detail), true);
    }
}
