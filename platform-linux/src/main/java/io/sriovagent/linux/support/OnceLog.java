package io.sriovagent.linux.support;

import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs each distinct problem once for the life of the probe: the daemon probes every few seconds, and a
 * permanent condition (lspci missing, a kernel without netvsc statistics) must not repeat in the log forever.
 */
public final class OnceLog {

    /** Keys are stable identities (a NIC, an address); the bound only guards against a defect minting new ones. */
    private static final int MAX_KEYS = 1000;

    private final Logger logger;
    private final Set<String> reported = new HashSet<>();

    public OnceLog(Logger logger) {
        this.logger = logger;
    }

    /** Logs {@code message} unless a message with the same {@code key} was logged before. */
    public void log(Level level, String key, String message) {
        if (reported.size() >= MAX_KEYS && !reported.contains(key)) {
            reported.clear();
        }
        if (reported.add(key)) {
            logger.log(level, message);
        }
    }
}
