package io.sriovagent.systemd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where systemd listens for notifications: the value of {@code NOTIFY_SOCKET}, either a file-system path
 * ({@code /run/systemd/notify}) or a Linux abstract-namespace name written with a leading {@code @}.
 *
 * <p>Holds the name as bytes because that is what goes into {@code struct sockaddr_un}; the pure parsing here
 * is kept apart from the libc calls so that every rejected form can be tested without a socket.
 */
public final class NotifySocketAddress {

    /** {@code sizeof(((struct sockaddr_un *) 0)->sun_path)} on Linux. */
    static final int SUN_PATH_SIZE = 108;
    /** {@code AF_UNIX} on Linux. */
    static final short AF_UNIX = 1;
    /** {@code offsetof(struct sockaddr_un, sun_path)}: the 16-bit {@code sun_family} comes first. */
    private static final int SUN_PATH_OFFSET = 2;

    private final byte[] name;
    private final boolean abstractNamespace;
    private final String text;

    private NotifySocketAddress(byte[] name, boolean abstractNamespace, String text) {
        this.name = name;
        this.abstractNamespace = abstractNamespace;
        this.text = text;
    }

    /** Whether this is a Linux abstract-namespace name ({@code @name}) rather than a path. */
    public boolean isAbstract() {
        return abstractNamespace;
    }

    /**
     * Parses a {@code NOTIFY_SOCKET} value.
     *
     * @return the address; nothing for an unset or empty value; or the reason a value cannot be used
     */
    public static Parsed parse(String value) {
        if (value == null || value.isEmpty()) {
            return Parsed.absent();
        }
        boolean abstractName = value.charAt(0) == '@';
        if (!abstractName && value.charAt(0) != '/') {
            // systemd 254+ can also hand out "vsock:CID:PORT"; a guest agent is never started that way.
            return Parsed.unusable("NOTIFY_SOCKET=" + value + " is neither an absolute path nor an @abstract name");
        }
        byte[] bytes = (abstractName ? value.substring(1) : value).getBytes(StandardCharsets.UTF_8);
        // A path needs room for its terminating NUL; an abstract name starts with a NUL byte instead.
        int room = SUN_PATH_SIZE - 1;
        if (bytes.length == 0 || bytes.length > room) {
            return Parsed.unusable("NOTIFY_SOCKET=" + value + " does not fit a unix socket address ("
                    + bytes.length + " bytes, at most " + room + ")");
        }
        return Parsed.of(new NotifySocketAddress(bytes, abstractName, value));
    }

    /**
     * The {@code struct sockaddr_un} bytes to hand to {@code sendto}/{@code bind}, trimmed to the length that
     * goes in the {@code socklen_t} argument. Abstract names are not NUL-terminated: their length is exactly
     * what the address length says, which is why the array is not padded to the full structure.
     */
    public byte[] toSockaddr() {
        int pathBytes = abstractNamespace ? 1 + name.length : name.length + 1;
        ByteBuffer buffer = ByteBuffer.allocate(SUN_PATH_OFFSET + pathBytes).order(ByteOrder.nativeOrder());
        buffer.putShort(AF_UNIX);
        if (abstractNamespace) {
            buffer.put((byte) 0);
        }
        buffer.put(name);
        // A path's trailing NUL is already there: ByteBuffer.allocate zero-fills.
        return buffer.array();
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NotifySocketAddress that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The result of {@link #parse}: an address, nothing (not under systemd), or the reason it is unusable. */
    public record Parsed(Optional<NotifySocketAddress> address, Optional<String> problem) {
        static Parsed absent() {
            return new Parsed(Optional.empty(), Optional.empty());
        }

        static Parsed unusable(String problem) {
            return new Parsed(Optional.empty(), Optional.of(problem));
        }

        static Parsed of(NotifySocketAddress address) {
            return new Parsed(Optional.of(address), Optional.empty());
        }
    }
}
