package io.sriovagent.host;

import java.util.Objects;

/**
 * The platform's judgement of the running kernel or OS build. The platform owns the table of minimums
 * (it is platform knowledge); the core only turns this into the {@code kernel_version} / {@code os_build} check.
 *
 * @param checkId  {@code kernel_version} (Linux) or {@code os_build} (Windows)
 * @param status   supported, below the minimum, or not judged (unknown distro, unreadable version)
 * @param minimum  the documented minimum that applied, or null when none applies
 * @param message  one sentence a person can act on, naming what was compared
 */
public record OsSupport(String checkId, Status status, String minimum, String message) {

    public enum Status { SUPPORTED, UNSUPPORTED, UNKNOWN }

    public OsSupport {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
