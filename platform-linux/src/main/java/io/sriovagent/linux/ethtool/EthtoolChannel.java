package io.sriovagent.linux.ethtool;

import java.nio.ByteBuffer;

/**
 * Carries one ethtool command to the kernel (SIOCETHTOOL) and brings its reply back. Separates the JNA calls
 * from the read sequence, so the sequence can run against recorded replies.
 */
interface EthtoolChannel extends AutoCloseable {

    /**
     * Sends {@code command} (a heap buffer, whole capacity) for {@code interfaceName}; on return the buffer holds
     * what the kernel wrote back.
     *
     * @throws ErrnoException          the kernel answered with an error
     * @throws IoctlUnavailableException the ioctl cannot be issued at all on this host (no C library, no socket)
     */
    void exchange(String interfaceName, ByteBuffer command) throws ErrnoException, IoctlUnavailableException;

    @Override
    void close();

    /** The kernel refused one ethtool command. */
    final class ErrnoException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int errno;

        ErrnoException(int errno) {
            super(Errno.describe(errno), null, false, false);
            this.errno = errno;
        }

        int errno() {
            return errno;
        }
    }

    /** The mechanism itself is missing: nothing will work on any interface. */
    final class IoctlUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        IoctlUnavailableException(String reason) {
            super(reason, null, false, false);
        }
    }
}
