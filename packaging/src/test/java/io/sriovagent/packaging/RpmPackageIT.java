package io.sriovagent.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.eclipse.packager.rpm.FileFlags;
import org.eclipse.packager.rpm.RpmTag;
import org.eclipse.packager.rpm.parse.InputHeader;
import org.eclipse.packager.rpm.parse.RpmInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the built .rpm back (header and payload) and checks what an RPM-based host would install. */
class RpmPackageIT {

    private static final Path RPM = Path.of(System.getProperty("sriov.rpm", "target/sriov-agent.rpm"));
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));

    private static InputHeader<RpmTag> header;
    private static Map<String, byte[]> payload;

    /** One installed file as the header describes it. */
    private record FileInfo(short mode, EnumSet<FileFlags> flags, String user, String group) {
    }

    private static final Map<String, FileInfo> files = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(RPM); RpmInputStream rpm = new RpmInputStream(in)) {
            header = rpm.getPayloadHeader();
            payload = new HashMap<>();
            CpioArchiveInputStream cpio = rpm.getCpioStream();
            for (CpioArchiveEntry entry; (entry = cpio.getNextCPIOEntry()) != null; ) {
                payload.put(entry.getName().replaceFirst("^\\./", "/"), cpio.readAllBytes());
            }
        }
        String[] baseNames = strings(RpmTag.BASENAMES);
        String[] dirNames = strings(RpmTag.DIRNAMES);
        Object dirIndexes = header.getTag(RpmTag.DIR_INDEXES);
        Object modes = header.getTag(RpmTag.FILE_MODES);
        Object flags = header.getTag(RpmTag.FILE_FLAGS);
        String[] users = strings(RpmTag.FILE_USERNAME);
        String[] groups = strings(RpmTag.FILE_GROUPNAME);
        for (int i = 0; i < baseNames.length; i++) {
            String path = dirNames[intAt(dirIndexes, i)] + baseNames[i];
            files.put(path, new FileInfo((short) intAt(modes, i), FileFlags.decode(intAt(flags, i)), users[i],
                    groups[i]));
        }
    }

    @Test
    void identity() {
        assertEquals("sriov-agent", header.getTag(RpmTag.NAME));
        assertEquals(System.getProperty("project.version", "0.1.0"), header.getTag(RpmTag.VERSION));
        assertEquals("1", header.getTag(RpmTag.RELEASE));
        assertEquals("noarch", header.getTag(RpmTag.ARCH));
    }

    @Test
    void requiresAJava17RuntimeAndSystemdAndRecommendsTheTools() {
        List<String> requires = List.of(strings(RpmTag.REQUIRE_NAME));
        List<String> versions = List.of(strings(RpmTag.REQUIRE_VERSION));
        int java = requires.indexOf("jre-headless");
        assertTrue(java >= 0, () -> "requires: " + requires);
        assertEquals("17", versions.get(java));
        assertTrue(requires.contains("systemd"), () -> "requires: " + requires);
        assertEquals(Set.of("pciutils", "ethtool"), Set.of(strings(RpmTag.RECOMMEND_NAME)));
    }

    @Test
    void installsJarLauncherUnitConfigAndDocsWithTheirModes() throws IOException {
        assertFile("/usr/share/sriov-agent/sriov-agent.jar", 0100644, EnumSet.noneOf(FileFlags.class));
        assertFile("/usr/bin/sriov-agent", 0100755, EnumSet.noneOf(FileFlags.class));
        assertFile("/usr/lib/systemd/system/sriov-agent.service", 0100644, EnumSet.noneOf(FileFlags.class));
        // An edited env file survives upgrades (noreplace) and is listed as configuration for rpm -V.
        assertFile("/etc/sriov-agent/sriov-agent.env", 0100644, EnumSet.of(FileFlags.CONFIGURATION,
                FileFlags.NOREPLACE));
        assertFile("/usr/share/doc/sriov-agent/operations.md", 0100644, EnumSet.of(FileFlags.DOC));
        assertTrue(files.keySet().stream().anyMatch(p -> p.startsWith("/usr/share/doc/sriov-agent/examples/")),
                () -> "files: " + files.keySet());

        assertArrayEquals(Files.readAllBytes(BASE.resolve("target/sriov-agent.jar")),
                payload.get("/usr/share/sriov-agent/sriov-agent.jar"), "the shaded jar");
        assertArrayEquals(Files.readAllBytes(BASE.resolve("../systemd/sriov-agent.service")),
                payload.get("/usr/lib/systemd/system/sriov-agent.service"), "the unit");
        assertArrayEquals(Files.readAllBytes(BASE.resolve("src/launcher/sriov-agent")),
                payload.get("/usr/bin/sriov-agent"), "the launcher");
    }

    @Test
    void scriptletsEnableStartAndStopTheService() throws IOException {
        assertEquals(Files.readString(BASE.resolve("src/rpm/post.sh")), header.getTag(RpmTag.POSTINSTALL_SCRIPT));
        assertEquals(Files.readString(BASE.resolve("src/rpm/preun.sh")), header.getTag(RpmTag.PREREMOVE_SCRIPT));
        assertEquals(Files.readString(BASE.resolve("src/rpm/postun.sh")), header.getTag(RpmTag.POSTREMOVE_SCRIPT));
        assertEquals("/bin/sh", first(header.getTag(RpmTag.POSTINSTALL_SCRIPT_PROG)));
        assertEquals("/bin/sh", first(header.getTag(RpmTag.PREREMOVE_SCRIPT_PROG)));
        assertEquals("/bin/sh", first(header.getTag(RpmTag.POSTREMOVE_SCRIPT_PROG)));
        assertTrue(String.valueOf(header.getTag(RpmTag.POSTINSTALL_SCRIPT)).contains("systemctl enable"));
        assertTrue(String.valueOf(header.getTag(RpmTag.PREREMOVE_SCRIPT)).contains("systemctl stop"));
    }

    private static void assertFile(String path, int mode, EnumSet<FileFlags> flags) {
        FileInfo info = files.get(path);
        assertTrue(info != null, () -> path + " not in " + files.keySet());
        assertEquals(mode, info.mode() & 0xffff, () -> path + " mode " + Integer.toOctalString(info.mode()));
        assertEquals(flags, info.flags(), path);
        assertEquals("root", info.user(), path);
        assertEquals("root", info.group(), path);
    }

    private static String[] strings(RpmTag tag) {
        Object value = header.getTag(tag);
        return value instanceof String[] array ? array : new String[] {String.valueOf(value)};
    }

    private static Object first(Object value) {
        return value instanceof Object[] array ? array[0] : value;
    }

    private static int intAt(Object array, int index) {
        if (array instanceof int[] ints) {
            return ints[index];
        }
        if (array instanceof short[] shorts) {
            return shorts[index];
        }
        if (array instanceof Number[] numbers) {
            return numbers[index].intValue();
        }
        throw new IllegalStateException("unexpected header value " + array.getClass());
    }
}
