package io.sriovagent.linux.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sriovagent.host.OsSupport;
import io.sriovagent.host.OsSupport.Status;
import org.junit.jupiter.api.Test;

class KernelPolicyTest {

    private final KernelPolicy policy = new KernelPolicy(KernelMinimums.load());

    @Test
    void kernelAtOrAboveTheMinimumIsSupported() {
        OsSupport support = policy.judge(new OsRelease("ubuntu", "22.04"), "6.8.0-1029-azure");

        assertEquals(new OsSupport("kernel_version", Status.SUPPORTED, "4.11.0-1013", "Kernel 6.8.0-1029-azure meets "
                + "4.11.0-1013, the documented minimum for accelerated networking on Ubuntu 22.04."), support);
        assertEquals(Status.SUPPORTED, policy.judge(new OsRelease("ubuntu", "16.04"), "4.11.0-1013-azure").status());
        assertEquals(Status.SUPPORTED, policy.judge(new OsRelease("centos", "7.9"), "3.10.0-1160.el7.x86_64").status());
        assertEquals(Status.SUPPORTED, policy.judge(new OsRelease("debian", "9"), "4.19.0-0.bpo.6-cloud-amd64")
                .status());
    }

    @Test
    void olderKernelIsUnsupportedWithTheMinimumToReach() {
        OsSupport support = policy.judge(new OsRelease("ubuntu", "16.04"), "4.4.0-210-generic");

        assertEquals(Status.UNSUPPORTED, support.status());
        assertEquals("4.11.0-1013", support.minimum());
        assertEquals("Kernel 4.4.0-210-generic is older than 4.11.0-1013, the documented minimum for accelerated "
                + "networking on Ubuntu 16.04: upgrade the kernel to 4.11.0-1013 or later and reboot.",
                support.message());
        assertEquals(Status.UNSUPPORTED, policy.judge(new OsRelease("debian", "9"), "4.9.0-11-amd64").status());
        assertEquals(Status.UNSUPPORTED, policy.judge(new OsRelease("rhel", "6.8"), "2.6.32-504.el6").status());
    }

    @Test
    void releaseOutsideTheSupportedRangesIsUnsupported() {
        OsSupport support = policy.judge(new OsRelease("rhel", "7.2"), "3.10.0-327.el7.x86_64");

        assertEquals(Status.UNSUPPORTED, support.status());
        assertNull(support.minimum());
        assertEquals("RHEL/CentOS 7.2 is not a release documented to support accelerated networking (supported: "
                + "6.7 up to 7, 7.4 and later): upgrade to a supported release.", support.message());
        assertEquals(Status.UNSUPPORTED, policy.judge(new OsRelease("ubuntu", "14.04"), "4.4.0-148-generic").status());
        assertEquals(Status.UNSUPPORTED, policy.judge(new OsRelease("sles", "12.2"), "4.4.121-92.73-default").status());
    }

    @Test
    void releasesWithoutKernelMinimumAreSupported() {
        OsSupport flatcar = policy.judge(new OsRelease("flatcar", "3815.2.0"), "6.1.73-flatcar");
        assertEquals(new OsSupport("kernel_version", Status.SUPPORTED, null, "Flatcar/CoreOS 3815.2.0 supports "
                + "accelerated networking with its own kernels; no kernel minimum applies (running 6.1.73-flatcar)."),
                flatcar);
        assertEquals(Status.SUPPORTED, policy.judge(new OsRelease("azurelinux", null), "6.6.47.1-1.azl3").status());
        assertEquals(Status.SUPPORTED, policy.judge(new OsRelease("sles", "15.5"), "5.14.21-150500.55-azure").status());
    }

    @Test
    void whatCannotBeJudgedIsUnknown() {
        assertEquals(new OsSupport("kernel_version", Status.UNKNOWN, null, "Distribution \"arch\" has no documented "
                + "minimum for accelerated networking, so kernel 6.9.1-arch1-1 was not judged."),
                policy.judge(new OsRelease("arch", null), "6.9.1-arch1-1"));
        assertEquals(Status.UNKNOWN, policy.judge(new OsRelease("debian", null), "6.1.0-18-amd64").status());
        assertEquals(Status.UNKNOWN, policy.judge(null, "6.1.0-18-amd64").status());
        assertEquals(Status.UNKNOWN, policy.judge(new OsRelease("ubuntu", "22.04"), null).status());
        OsSupport garbled = policy.judge(new OsRelease("ubuntu", "22.04"), "zz");
        assertEquals("The kernel release \"zz\" is not a version number, so it was not checked against the "
                + "documented minimums.", garbled.message());
    }
}
