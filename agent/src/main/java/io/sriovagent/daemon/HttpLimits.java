package io.sriovagent.daemon;

import java.time.Duration;

/**
 * What one client may cost the daemon. The endpoints need a request line and a few headers: anything larger is
 * refused by the HTTP decoder before a handler runs.
 *
 * @param maxInitialLineLength request line (method, URI, version) in bytes
 * @param maxHeaderSize        all headers together, in bytes
 * @param idleTimeout          a connection with no traffic for this long is closed
 * @param maxConnections       open connections over all listeners; newer ones are closed at once
 */
public record HttpLimits(int maxInitialLineLength, int maxHeaderSize, Duration idleTimeout, int maxConnections) {

    /** The Application Health extension opens one connection per probe; Prometheus keeps one alive per target. */
    public static final HttpLimits DEFAULTS = new HttpLimits(4096, 8192, Duration.ofSeconds(30), 256);

    public HttpLimits {
        if (maxInitialLineLength < 64 || maxHeaderSize < 256 || maxConnections < 1
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("HTTP limits too small to serve a request");
        }
    }
}
