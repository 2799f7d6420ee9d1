package io.sriovagent.linux.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sriovagent.host.OsInfo;
import io.sriovagent.host.OsSupport;
import io.sriovagent.host.ReadError;
import io.sriovagent.hosttree.HostTreeArchive;
import io.sriovagent.linux.support.ReadErrors;
import io.sriovagent.linux.sysfs.HostRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsReaderTest {

    @TempDir
    Path root;

    @Test
    void followsTheEtcLinkInsideTheHostRoot() throws IOException {
        HostTreeArchive.unpack("""
                # synthetic: /etc/os-release as the usual absolute link to the vendor file
                link etc/os-release -> /usr/lib/os-release
                file usr/lib/os-release <<EOF
                ID=ubuntu
                VERSION_ID="22.04"
                EOF
                file proc/sys/kernel/osrelease = 6.8.0-1029-azure
                """, root);

        OsInfo info = read(new ReadErrors());

        assertEquals(new OsInfo("linux", "ubuntu", "22.04", "6.8.0-1029-azure", info.support()), info);
        assertEquals(OsSupport.Status.SUPPORTED, info.support().status());
    }

    @Test
    void fallsBackToUsrLibOsRelease() throws IOException {
        HostTreeArchive.unpack("""
                # synthetic: no /etc/os-release
                file usr/lib/os-release = ID=debian
                file proc/sys/kernel/osrelease = 6.1.0-18-cloud-amd64
                """, root);
        ReadErrors errors = new ReadErrors();

        assertEquals("debian", read(errors).distro());
        assertEquals(List.of(), errors.toList());
    }

    @Test
    void garbledKernelIsAReadErrorAndNotJudged() throws IOException {
        HostTreeArchive.unpack("""
                # synthetic: a kernel release that is no version
                file etc/os-release = ID=ubuntu
                file proc/sys/kernel/osrelease = zz-top
                """, root);
        ReadErrors errors = new ReadErrors();

        OsInfo info = read(errors);

        assertEquals("zz-top", info.kernel());
        assertEquals(OsSupport.Status.UNKNOWN, info.support().status());
        assertEquals(List.of(new ReadError("os", "/proc/sys/kernel/osrelease", "not a kernel version: \"zz-top\"")),
                errors.toList());
    }

    @Test
    void missingFilesAreReadErrors() {
        ReadErrors errors = new ReadErrors();

        OsInfo info = read(errors);

        assertNull(info.distro());
        assertNull(info.kernel());
        assertEquals(List.of(
                new ReadError("os", "/etc/os-release", "no os-release file can be read (/etc/os-release does not exist)"),
                new ReadError("os", "/proc/sys/kernel/osrelease", "does not exist")), errors.toList());
    }

    private OsInfo read(ReadErrors errors) {
        return new OsReader(new HostRoot(root), new KernelPolicy(KernelMinimums.load())).read(errors).info();
    }
}
