package io.sriovagent.linux.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sriovagent.hosttree.HostTreeArchive;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostRootTest {

    @TempDir
    Path dir;
    private Path root;
    private HostRoot host;

    @BeforeEach
    void tree() throws IOException {
        root = dir.resolve("host");
        HostTreeArchive.unpack("""
                # synthetic: sysfs-like links, relative as the kernel makes them, plus hostile ones
                file outside/secret = do not read
                file host/sys/devices/pci0000:00/0000:00:03.0/virtio2/net/eth0/mtu = 1500
                link host/sys/devices/pci0000:00/0000:00:03.0/virtio2/net/eth0/device -> ../../../virtio2
                link host/sys/class/net/eth0 -> ../../devices/pci0000:00/0000:00:03.0/virtio2/net/eth0
                link host/etc/os-release -> ../usr/lib/os-release
                file host/usr/lib/os-release = ID=debian
                link host/sys/absolute -> /usr/lib/os-release
                link host/sys/climbing -> ../../../../../../outside/secret
                link host/sys/loop -> loop
                link host/sys/dangling -> nowhere
                file host/sys/plain = x
                """, dir);
        host = new HostRoot(root);
    }

    @Test
    void followsRelativeLinksFromTheLinksOwnDirectory() throws IOException {
        Path eth0 = root.resolve("sys/devices/pci0000:00/0000:00:03.0/virtio2/net/eth0");
        assertEquals(Optional.of(eth0), host.resolve("/sys/class/net/eth0"));
        assertEquals(Optional.of(root.resolve("sys/devices/pci0000:00/0000:00:03.0/virtio2")),
                host.resolveLink(eth0, "device"));
        assertEquals(Optional.of(root.resolve("usr/lib/os-release")), host.resolve("/etc/os-release"));
        assertEquals("/sys/devices/pci0000:00/0000:00:03.0/virtio2/net/eth0", host.hostPath(eth0));
    }

    @Test
    void neverLeavesTheRoot() throws IOException {
        assertEquals(Optional.of(root.resolve("usr/lib/os-release")), host.resolve("/sys/absolute"),
                "absolute targets start at the host root");
        assertEquals(Optional.empty(), host.resolve("/sys/climbing"), ".. stops at the host root");
        assertEquals(Optional.empty(), host.resolve("/../../outside/secret"));
    }

    @Test
    void reportsLoopsMissingAndNonLinks() throws IOException {
        assertThrows(FileSystemLoopException.class, () -> host.resolve("/sys/loop"));
        assertEquals(Optional.empty(), host.resolve("/sys/missing/deeper"));
        Path sys = root.resolve("sys");
        assertEquals(Optional.empty(), host.resolveLink(sys, "missing"));
        assertThrows(NotLinkException.class, () -> host.resolveLink(sys, "plain"));
        assertThrows(NoSuchFileException.class, () -> host.resolveLink(sys, "dangling"));
        assertEquals(List.of("absolute", "class", "climbing", "dangling", "devices", "loop", "plain"), host.list(sys));
    }
}
