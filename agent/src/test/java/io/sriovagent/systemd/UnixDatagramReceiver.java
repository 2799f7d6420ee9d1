package io.sriovagent.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The listening end of a unix datagram socket, the part systemd plays in production: binds to an address and
 * returns what was queued. Delivery between unix datagram sockets is synchronous (the datagram is in the
 * receive queue when {@code sendto} returns), so a non-blocking receive right after a send is deterministic.
 */
final class UnixDatagramReceiver implements AutoCloseable {

    private static final int MSG_DONTWAIT = 0x40;
    private static final int EAGAIN = 11;

    interface Libc extends Library {
        Libc INSTANCE = Native.load("c", Libc.class);

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

        NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final int fd;

    UnixDatagramReceiver(NotifySocketAddress address) {
        fd = Libc.INSTANCE.socket(NotifySocketAddress.AF_UNIX, LibcDatagramSender.SOCK_DGRAM, 0);
        byte[] sockaddr = address.toSockaddr();
        Libc.INSTANCE.bind(fd, sockaddr, sockaddr.length);
    }

    /** The next queued datagram as text, or null when none is queued. */
    String poll() {
        byte[] buffer = new byte[4096];
        try {
            long length = Libc.INSTANCE.recv(fd, buffer, new NativeLong(buffer.length), MSG_DONTWAIT).longValue();
            return new String(Arrays.copyOf(buffer, (int) length), StandardCharsets.UTF_8);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        Libc.INSTANCE.close(fd);
    }
}
