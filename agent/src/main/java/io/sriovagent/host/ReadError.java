package io.sriovagent.host;

import java.util.Objects;

/**
 * Something a probe could not read.
 *
 * @param source  the kind of input, used as the {@code source} label of {@code sriov_probe_errors_total}:
 *                {@code sysfs}, {@code procfs}, {@code ethtool}, {@code lspci}, {@code os}, {@code setupapi},
 *                {@code cfgmgr32}, {@code iphlpapi}, ...
 * @param subject what was being read (a path, an interface, a device), for the person fixing it
 * @param message why it failed, in one line
 */
public record ReadError(String source, String subject, String message) {
    public ReadError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return source + ": " + subject + ": " + message;
    }
}
