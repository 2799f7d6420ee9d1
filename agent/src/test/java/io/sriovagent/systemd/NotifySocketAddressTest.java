package io.sriovagent.systemd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotifySocketAddressTest {

    @Test
    void unsetOrEmptyMeansNotUnderSystemd() {
        assertEquals(NotifySocketAddress.Parsed.absent(), NotifySocketAddress.parse(null));
        assertEquals(NotifySocketAddress.Parsed.absent(), NotifySocketAddress.parse(""));
    }

    @Test
    void pathAddressIsFamilyThenNulTerminatedPath() {
        NotifySocketAddress address = NotifySocketAddress.parse("/run/systemd/notify").address().orElseThrow();

        byte[] sockaddr = address.toSockaddr();

        assertFalse(address.isAbstract());
        assertEquals(2 + "/run/systemd/notify".length() + 1, sockaddr.length);
        assertEquals(1, ByteBuffer.wrap(sockaddr).order(ByteOrder.nativeOrder()).getShort(0), "AF_UNIX");
        assertArrayEquals("/run/systemd/notify".getBytes(), Arrays.copyOfRange(sockaddr, 2, sockaddr.length - 1));
        assertEquals(0, sockaddr[sockaddr.length - 1]);
    }

    @Test
    void abstractAddressStartsWithNulAndHasNoTerminator() {
        NotifySocketAddress address = NotifySocketAddress.parse("@/org/freedesktop/systemd1/notify/123")
                .address().orElseThrow();

        byte[] sockaddr = address.toSockaddr();

        assertTrue(address.isAbstract());
        assertEquals(2 + 1 + "/org/freedesktop/systemd1/notify/123".length(), sockaddr.length);
        assertEquals(0, sockaddr[2]);
        assertArrayEquals("/org/freedesktop/systemd1/notify/123".getBytes(), Arrays.copyOfRange(sockaddr, 3,
                sockaddr.length));
    }

    @Test
    void relativePathsAndOtherSchemesAreRejectedWithTheValueInTheReason() {
        assertProblem("notify", "neither an absolute path");
        assertProblem("vsock:2:4000", "vsock:2:4000");
        assertProblem("@", "does not fit");
    }

    @Test
    void theLongestNameThatFitsIsAcceptedAndOneMoreIsNot() {
        String longest = "/" + "a".repeat(106);
        assertTrue(NotifySocketAddress.parse(longest).address().isPresent());
        assertProblem(longest + "a", "108 bytes, at most 107");
        assertTrue(NotifySocketAddress.parse("@" + "a".repeat(107)).address().isPresent());
        assertProblem("@" + "a".repeat(108), "does not fit");
    }

    private static void assertProblem(String value, String fragment) {
        NotifySocketAddress.Parsed parsed = NotifySocketAddress.parse(value);
        assertEquals(Optional.empty(), parsed.address(), value);
        assertTrue(parsed.problem().orElseThrow().contains(fragment), parsed.problem().orElseThrow());
    }
}
