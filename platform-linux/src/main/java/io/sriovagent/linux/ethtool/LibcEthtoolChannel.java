package io.sriovagent.linux.ethtool;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;

/**
 * The ethtool ioctl through JNA: one AF_INET datagram socket, opened on first use and kept until
 * {@link #close()}, as ethtool itself does. Each exchange copies the command into native memory, points a
 * struct ifreq at it, calls {@code ioctl(SIOCETHTOOL)} and copies the reply back.
 *
 * <p>When the C library cannot be loaded or the socket cannot be opened, the channel stays unavailable and says
 * why on every later exchange without trying again: those are properties of the host, not of one read.
 */
final class LibcEthtoolChannel implements EthtoolChannel {

    private static final NativeLong SIOCETHTOOL = new NativeLong(EthtoolIoctlCodec.SIOCETHTOOL);

    private final Supplier<LinuxLibc> libcLoader;
    private LinuxLibc libc;
    private int socket = -1;
    private String unavailableReason;

    /** @param libcLoader binds the C library ({@link LinuxLibc#load()} in production) */
    LibcEthtoolChannel(Supplier<LinuxLibc> libcLoader) {
        this.libcLoader = libcLoader;
    }

    @Override
    public synchronized void exchange(String interfaceName, ByteBuffer command)
            throws ErrnoException, IoctlUnavailableException {
        int fd = openSocket();
        int size = command.capacity();
        try (Memory data = new Memory(size); Memory ifreq = new Memory(EthtoolIoctlCodec.IFREQ_SIZE)) {
            data.write(0, command.array(), command.arrayOffset(), size);
            byte[] request = EthtoolIoctlCodec.interfaceRequest(interfaceName, Pointer.nativeValue(data),
                    Native.POINTER_SIZE, ByteOrder.nativeOrder());
            ifreq.write(0, request, 0, request.length);
            if (libc.ioctl(fd, SIOCETHTOOL, ifreq) < 0) {
                throw new ErrnoException(Native.getLastError());
            }
            data.read(0, command.array(), command.arrayOffset(), size);
        } catch (LastErrorException e) {
            throw new ErrnoException(e.getErrorCode());
        }
    }

    private int openSocket() throws IoctlUnavailableException {
        if (socket >= 0) {
            return socket;
        }
        if (unavailableReason != null) {
            throw new IoctlUnavailableException(unavailableReason);
        }
        try {
            if (libc == null) {
                libc = libcLoader.get();
            }
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError (no libjnidispatch for this platform, noexec temp dir, no libc),
            // NoClassDefFoundError after a failed JNA initialisation, SecurityException...
            unavailableReason = "cannot load the C library through JNA: " + firstLine(String.valueOf(e));
            throw new IoctlUnavailableException(unavailableReason);
        }
        try {
            int fd = libc.socket(LinuxLibc.AF_INET, LinuxLibc.SOCK_DGRAM | LinuxLibc.SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw new LastErrorException(Native.getLastError());
            }
            socket = fd;
            return fd;
        } catch (LastErrorException e) {
            unavailableReason = "cannot open an AF_INET socket for the ioctl: " + Errno.describe(e.getErrorCode());
            throw new IoctlUnavailableException(unavailableReason);
        } catch (LinkageError e) {
            // JNA binds socket() on its first call: a libc without it makes the ioctl unavailable, not the probe fail.
            unavailableReason = "cannot call socket() through JNA: " + firstLine(String.valueOf(e));
            throw new IoctlUnavailableException(unavailableReason);
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    /** Closes the socket; a later exchange opens a new one. */
    @Override
    public synchronized void close() {
        if (socket < 0) {
            return;
        }
        int fd = socket;
        socket = -1;
        try {
            libc.close(fd);
        } catch (LastErrorException e) {
            // The descriptor is released by the kernel even when close reports an error (EINTR, EIO):
            // there is nothing to retry and nothing left to leak.
        }
    }
}
