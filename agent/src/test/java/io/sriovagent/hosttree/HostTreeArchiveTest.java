package io.sriovagent.hosttree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostTreeArchiveTest {

    @TempDir
    Path root;

    @Test
    void unpacksEveryDirectiveKind() throws IOException {
        HostTreeArchive.unpack("""
                # synthetic: exercises the format
                dir sys/class/net
                file sys/devices/vmbus/x/net/eth0/mtu = 1500
                file sys/devices/vmbus/x/net/eth0/uevent <<EOF
                INTERFACE=eth0
                IFINDEX=2
                EOF
                empty sys/devices/vmbus/x/net/eth0/ifalias
                link sys/class/net/eth0 -> ../../devices/vmbus/x/net/eth0
                unreadable sys/devices/vmbus/x/net/eth0/operstate
                """, root);

        assertEquals("1500\n", Files.readString(root.resolve("sys/class/net/eth0/mtu")));
        assertEquals("INTERFACE=eth0\nIFINDEX=2\n", Files.readString(root.resolve("sys/class/net/eth0/uevent")));
        assertEquals("", Files.readString(root.resolve("sys/class/net/eth0/ifalias")));
        assertTrue(Files.isSymbolicLink(root.resolve("sys/class/net/eth0")));
        assertEquals("../../devices/vmbus/x/net/eth0",
                Files.readSymbolicLink(root.resolve("sys/class/net/eth0")).toString());
        assertThrows(IOException.class, () -> Files.readString(root.resolve("sys/class/net/eth0/operstate")));
    }

    @Test
    void overlayReplacesAndRemoves() throws IOException {
        HostTreeArchive.unpack("""
                file a/counter = 1
                link a/lower_vf -> ../vf
                file vf/x = y
                """, root);
        HostTreeArchive.unpack("""
                file a/counter = 2
                remove a/lower_vf
                remove vf
                """, root);

        assertEquals("2\n", Files.readString(root.resolve("a/counter")));
        assertFalse(Files.exists(root.resolve("a/lower_vf"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(root.resolve("vf")));
    }

    @Test
    void rejectsPathsThatClimbOutAndUnknownDirectives() {
        IllegalArgumentException climb = assertThrows(IllegalArgumentException.class,
                () -> HostTreeArchive.unpack("file ../escape = x\n", root));
        assertTrue(climb.getMessage().contains("line 1"), climb.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostTreeArchive.unpack("file /abs = x\n", root));
        assertThrows(IllegalArgumentException.class, () -> HostTreeArchive.unpack("\ncopy a b\n", root));
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> HostTreeArchive.unpack("file a <<EOF\nx\n", root));
        assertTrue(open.getMessage().contains("not closed"), open.getMessage());
    }
}
