package io.sriovagent.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;

/**
 * {@link DatagramSender} over libc's {@code socket}/{@code sendto}/{@code close} through JNA: Java 17 has
 * {@code UnixDomainSocketAddress} for stream channels only, and systemd's notification socket is a datagram
 * socket. One socket per message, as {@code sd_notify(3)} itself does: messages are rare (a watchdog ping every
 * few seconds), and nothing stays open to leak or to go stale when systemd re-executes.
 */
public final class LibcDatagramSender implements DatagramSender {

    static final int SOCK_DGRAM = 2;
    /** Linux's {@code SOCK_CLOEXEC}: the commands the agent runs (lspci, ethtool) must not inherit the socket. */
    static final int SOCK_CLOEXEC = 0x80000;
    /** No SIGPIPE if the peer went away; systemd never reads from us, but a dead socket must not kill the JVM. */
    static final int MSG_NOSIGNAL = 0x4000;
    /** Never wait on a full socket queue: a lost status line beats a stuck probe thread. */
    static final int MSG_DONTWAIT = 0x40;

    /** The few libc entry points used here, declared by us (jna-platform's LibC has no socket calls). */
    interface Libc extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address, int addressLength)
                throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final Libc libc;

    public LibcDatagramSender() {
        this(Native.load("c", Libc.class));
    }

    LibcDatagramSender(Libc libc) {
        this.libc = libc;
    }

    @Override
    public void send(NotifySocketAddress to, byte[] payload) throws IOException {
        int fd;
        try {
            fd = libc.socket(NotifySocketAddress.AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM): errno " + e.getErrorCode(), e);
        }
        try {
            byte[] address = to.toSockaddr();
            long sent = libc.sendto(fd, payload, new NativeLong(payload.length), MSG_NOSIGNAL | MSG_DONTWAIT, address,
                    address.length).longValue();
            if (sent != payload.length) {
                throw new IOException("sendto " + to + ": sent " + sent + " of " + payload.length + " bytes");
            }
        } catch (LastErrorException e) {
            throw new IOException("sendto " + to + ": errno " + e.getErrorCode(), e);
        } finally {
            try {
                libc.close(fd);
            } catch (LastErrorException e) {
                // The datagram is already sent or already failed; a failing close changes neither.
            }
        }
    }
}
