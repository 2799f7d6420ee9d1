package io.sriovagent.linux.ethtool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.sriovagent.linux.ethtool.EthtoolChannel.ErrnoException;
import io.sriovagent.linux.ethtool.EthtoolChannel.IoctlUnavailableException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The JNA side of the channel, against a C library stand-in that plays the kernel in native memory. */
class LibcEthtoolChannelTest {

    private static final int SOCKET_FD = 42;

    /** Answers ETHTOOL_GSSET_INFO with a count of 7 for "eth0", ENODEV for any other name. */
    private static final class FakeLibc implements LinuxLibc {
        final List<String> calls = new ArrayList<>();
        int socketErrno;

        @Override
        public int socket(int domain, int type, int protocol) {
            calls.add("socket(" + domain + "," + Integer.toHexString(type) + "," + protocol + ")");
            if (socketErrno != 0) {
                throw new LastErrorException(socketErrno);
            }
            return SOCKET_FD;
        }

        @Override
        public int ioctl(int fd, NativeLong request, Pointer ifreq) {
            calls.add("ioctl(" + fd + ",0x" + Long.toHexString(request.longValue()) + ")");
            String name = ifreq.getString(0);
            if (!name.equals("eth0")) {
                throw new LastErrorException(Errno.ENODEV);
            }
            Pointer command = ifreq.getPointer(16);
            if (command.getInt(0) != EthtoolIoctlCodec.ETHTOOL_GSSET_INFO || command.getLong(8) != 2) {
                throw new LastErrorException(22);
            }
            command.setInt(16, 7);
            return 0;
        }

        @Override
        public int close(int fd) {
            calls.add("close(" + fd + ")");
            return 0;
        }
    }

    @Test
    void carriesTheCommandToTheKernelAndTheReplyBack() throws Exception {
        FakeLibc libc = new FakeLibc();
        LibcEthtoolChannel channel = new LibcEthtoolChannel(() -> libc);
        ByteBuffer command = EthtoolIoctlCodec.statisticsCountRequest(ByteOrder.nativeOrder());

        channel.exchange("eth0", command);

        assertEquals(OptionalInt.of(7), EthtoolIoctlCodec.statisticsCount(command));
        assertEquals(List.of("socket(2,80002,0)", "ioctl(42,0x8946)"), libc.calls);
    }

    @Test
    void oneSocketIsOpenedOnFirstUseReusedAndClosedByClose() throws Exception {
        FakeLibc libc = new FakeLibc();
        LibcEthtoolChannel channel = new LibcEthtoolChannel(() -> libc);
        assertTrue(libc.calls.isEmpty(), "nothing happens before the first read");

        for (int i = 0; i < 3; i++) {
            channel.exchange("eth0", EthtoolIoctlCodec.statisticsCountRequest(ByteOrder.nativeOrder()));
        }
        channel.close();
        channel.close();

        assertEquals(List.of("socket(2,80002,0)", "ioctl(42,0x8946)", "ioctl(42,0x8946)", "ioctl(42,0x8946)",
                "close(42)"), libc.calls);
    }

    @Test
    void errnoFromTheKernelComesBackAsItsNumber() {
        LibcEthtoolChannel channel = new LibcEthtoolChannel(FakeLibc::new);

        ErrnoException e = assertThrows(ErrnoException.class,
                () -> channel.exchange("gone0", EthtoolIoctlCodec.statisticsCountRequest(ByteOrder.nativeOrder())));

        assertEquals(Errno.ENODEV, e.errno());
    }

    @Test
    void aSocketThatCannotBeOpenedMakesTheChannelUnavailableForGood() {
        FakeLibc libc = new FakeLibc();
        libc.socketErrno = Errno.EAFNOSUPPORT;
        LibcEthtoolChannel channel = new LibcEthtoolChannel(() -> libc);

        for (int i = 0; i < 3; i++) {
            IoctlUnavailableException e = assertThrows(IoctlUnavailableException.class,
                    () -> channel.exchange("eth0", EthtoolIoctlCodec.statisticsCountRequest(ByteOrder.nativeOrder())));
            assertEquals("cannot open an AF_INET socket for the ioctl: EAFNOSUPPORT (97)", e.getMessage());
        }
        assertEquals(List.of("socket(2,80002,0)"), libc.calls);
    }

    @Test
    void aCLibraryThatCannotBeLoadedMakesTheChannelUnavailableForGood() {
        AtomicInteger loads = new AtomicInteger();
        LibcEthtoolChannel channel = new LibcEthtoolChannel(() -> {
            loads.incrementAndGet();
            throw new UnsatisfiedLinkError("Unable to load library 'c'\nsecond line of JNA's search report");
        });

        for (int i = 0; i < 3; i++) {
            IoctlUnavailableException e = assertThrows(IoctlUnavailableException.class,
                    () -> channel.exchange("eth0", EthtoolIoctlCodec.statisticsCountRequest(ByteOrder.nativeOrder())));
            assertEquals("cannot load the C library through JNA: java.lang.UnsatisfiedLinkError: Unable to load library 'c'",
                    e.getMessage());
        }
        assertEquals(1, loads.get());
        channel.close();
    }
}
