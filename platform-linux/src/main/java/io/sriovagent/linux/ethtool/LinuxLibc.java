package io.sriovagent.linux.ethtool;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/** The three C library calls the ethtool ioctl needs. */
interface LinuxLibc extends Library {

    int AF_INET = 2;
    int SOCK_DGRAM = 2;
    /** Keeps the socket out of the ethtool/lspci processes the agent starts (value for x86_64 and arm64). */
    int SOCK_CLOEXEC = 0x80000;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    /** {@code ioctl(fd, request, argp)}: the variadic third argument is always a pointer here. */
    int ioctl(int fd, NativeLong request, Pointer argp) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** Binds the running system's C library; throws a {@link LinkageError} when JNA or libc cannot be loaded. */
    static LinuxLibc load() {
        return Native.load(Platform.C_LIBRARY_NAME, LinuxLibc.class);
    }
}
