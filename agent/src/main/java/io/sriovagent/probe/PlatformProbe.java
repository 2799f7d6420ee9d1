package io.sriovagent.probe;

import io.sriovagent.host.HostSnapshot;

/**
 * Reads the host once and returns what it saw. One implementation per platform module.
 *
 * <p>Implementations never throw for bad input (a missing, unreadable or garbled file, an absent or hanging
 * command): they record a {@link io.sriovagent.host.ReadError} in the snapshot. A probe may keep caches between
 * calls (e.g. lspci output per PCI topology) and is called from one thread at a time.
 */
public interface PlatformProbe extends AutoCloseable {

    HostSnapshot probe();

    /** Releases native or process resources; the default has none. */
    @Override
    default void close() {
    }
}
