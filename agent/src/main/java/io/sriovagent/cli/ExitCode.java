package io.sriovagent.cli;

/** The process exit statuses of CONTRACT §1. */
final class ExitCode {
    static final int HEALTHY = 0;
    static final int UNHEALTHY = 1;
    /** The agent could not do its job: bad flag, unreadable host root, internal error. */
    static final int CANNOT_RUN = 2;

    private ExitCode() {
    }
}
