package io.sriovagent.daemon;

import java.util.Objects;

/**
 * Where an HTTP listener binds.
 *
 * @param host host name or literal address
 * @param port 0-65535; 0 lets the OS choose
 */
public record ListenAddress(String host, int port) {
    public ListenAddress {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
