package io.sriovagent.windows.service;

/**
 * Reports progress while the service is start- or stop-pending: the SCM considers a pending service hung when
 * its checkpoint does not move within the wait hint.
 */
interface PendingProgress {

    /** Calls {@code tick} periodically until the returned handle is closed. */
    Ticking every(Runnable tick);

    interface Ticking extends AutoCloseable {
        @Override
        void close();
    }
}
