package io.sriovagent.daemon;

import java.util.Objects;

/**
 * Where an HTTP listener binds: {@code HOST:PORT} or {@code [IPV6]:PORT} ({@code --listen}, {@code --metrics-listen}).
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

    /** Parses {@code HOST:PORT} or {@code [IPV6]:PORT}; the message of a failure names what is accepted. */
    public static ListenAddress parse(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT (e.g. 127.0.0.1:9798 or [::1]:9798), got \"" + text + "\"");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("IPv6 addresses need brackets, e.g. [::1]:9798; got \"" + text + "\"");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535 || host.isEmpty()) {
            throw new IllegalArgumentException("expected HOST:PORT with a port from 0 to 65535, got \"" + text + "\"");
        }
        return new ListenAddress(host, port);
    }

    /** The same host with another port (the one the OS chose for port 0). */
    public ListenAddress withPort(int boundPort) {
        return new ListenAddress(host, boundPort);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
