package io.sriovagent.windows.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sriovagent.host.OsSupport;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupportedBuildsTest {

    private final SupportedBuilds builds = SupportedBuilds.load();

    private static WindowsVersion server(int major, int minor, int build) {
        return new WindowsVersion(major, minor, build, 1, false, "Windows Server", null);
    }

    @Test
    void theShippedTableHoldsTheDocumentedBuilds() {
        assertEquals(List.of(
                new SupportedBuilds.Build(6, 3, 9600, false, "Windows Server 2012 R2"),
                new SupportedBuilds.Build(10, 0, 14393, false, "Windows Server 2016"),
                new SupportedBuilds.Build(10, 0, 17763, true, "Windows Server 2019"),
                new SupportedBuilds.Build(10, 0, 20348, true, "Windows Server 2022"),
                new SupportedBuilds.Build(10, 0, 26100, true, "Windows Server 2025")), builds.builds());
    }

    @Test
    void everyListedBuildIsSupported() {
        for (SupportedBuilds.Build build : builds.builds()) {
            OsSupport support = builds.judge(server(build.major(), build.minor(), build.build()), false);
            assertEquals(OsSupport.Status.SUPPORTED, support.status(), build.name());
            assertEquals("os_build", support.checkId());
        }
        assertEquals("Windows Server 2022 (10.0.20348) supports accelerated networking",
                builds.judge(server(10, 0, 20348), false).message());
    }

    @Test
    void manaNeeds2019OrLater() {
        assertEquals(OsSupport.Status.SUPPORTED, builds.judge(server(10, 0, 17763), true).status());
        OsSupport r2 = builds.judge(server(6, 3, 9600), true);
        assertEquals(OsSupport.Status.UNSUPPORTED, r2.status());
        assertEquals("a MANA VF is present but Windows Server 2012 R2 (6.3.9600) has no MANA driver; MANA needs "
                + "Windows Server 2019, Windows Server 2022, Windows Server 2025", r2.message());
    }

    @Test
    void unlistedServerBuildIsUnsupported() {
        // Sample 08: Windows Server version 1803 (semi-annual channel), build 17134.
        OsSupport support = builds.judge(server(10, 0, 17134), false);
        assertEquals(OsSupport.Status.UNSUPPORTED, support.status());
        assertEquals("6.3.9600", support.minimum());
        assertEquals("Windows 10.0.17134 is not one of the builds that support accelerated networking (6.3.9600 "
                + "Windows Server 2012 R2, 10.0.14393 Windows Server 2016, 10.0.17763 Windows Server 2019, "
                + "10.0.20348 Windows Server 2022, 10.0.26100 Windows Server 2025)", support.message());
        assertEquals(OsSupport.Status.UNSUPPORTED, builds.judge(server(6, 1, 7601), false).status());
    }

    @Test
    void newerOrClientBuildsAreNotJudged() {
        assertEquals(OsSupport.Status.UNKNOWN, builds.judge(server(10, 0, 26200), false).status());
        assertEquals(OsSupport.Status.UNKNOWN,
                builds.judge(new WindowsVersion(10, 0, 22631, 1, true, "Windows 10 Enterprise", "23H2"), false)
                        .status());
        assertEquals(OsSupport.Status.UNKNOWN, builds.judge(null, false).status());
    }

    @Test
    void rejectsMalformedTableLines() {
        assertThrows(IllegalArgumentException.class, () -> SupportedBuilds.parse("10.0 mana Windows Server"));
        assertThrows(IllegalArgumentException.class, () -> SupportedBuilds.parse("10.0.1 maybe Windows"));
        assertThrows(IllegalArgumentException.class, () -> SupportedBuilds.parse("10.0.1 mana"));
        assertEquals(List.of(), SupportedBuilds.parse("# only a comment\n\n"));
    }
}
