package io.sriovagent.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the built .deb the way dpkg does (an ar archive of debian-binary, control.tar.gz, data.tar.xz) and checks
 * its control fields, maintainer scripts and payload. CI also installs it for real (.ci/checks/deb-install.sh);
 * this test keeps the same promises checkable on any build machine.
 */
class DebPackageIT {

    private static final Path DEB = Path.of(System.getProperty("sriov.deb", "target/sriov-agent.deb"));
    private static final Path BASE = Path.of(System.getProperty("basedir", "."));

    /** One tar member: mode and content. */
    private record Member(int mode, byte[] content) {
    }

    private static final Map<String, byte[]> arMembers = new LinkedHashMap<>();
    private static Map<String, Member> control;
    private static Map<String, Member> data;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(DEB); ArArchiveInputStream ar = new ArArchiveInputStream(in)) {
            for (ArArchiveEntry entry; (entry = ar.getNextEntry()) != null; ) {
                arMembers.put(entry.getName(), ar.readAllBytes());
            }
        }
        control = untar(new GzipCompressorInputStream(new ByteArrayInputStream(arMembers.get("control.tar.gz"))));
        data = untar(new XZCompressorInputStream(new ByteArrayInputStream(arMembers.get("data.tar.xz"))));
    }

    @Test
    void isADebianBinaryPackageInDpkgOrder() {
        assertEquals(List.of("debian-binary", "control.tar.gz", "data.tar.xz"), List.copyOf(arMembers.keySet()));
        assertEquals("2.0\n", new String(arMembers.get("debian-binary"), StandardCharsets.US_ASCII));
    }

    @Test
    void controlNamesTheRuntimeItNeeds() {
        Map<String, String> fields = fields(text(control, "./control"));
        assertEquals("sriov-agent", fields.get("Package"));
        assertEquals(System.getProperty("project.version", "0.1.0"), fields.get("Version"));
        assertEquals("all", fields.get("Architecture"));
        assertEquals("default-jre-headless (>= 2:1.17) | java17-runtime-headless, init-system-helpers",
                fields.get("Depends"));
        assertEquals("pciutils, ethtool", fields.get("Recommends"));
    }

    @Test
    void theEnvironmentFileIsAConffile() {
        assertEquals("/etc/sriov-agent/sriov-agent.env\n", text(control, "./conffiles"));
    }

    @Test
    void maintainerScriptsAreTheSourcesAndExecutable() throws IOException {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Member member = control.get("./" + script);
            assertTrue(member != null, script);
            assertEquals(0755, member.mode() & 0777, script);
            assertArrayEquals(Files.readAllBytes(BASE.resolve("src/deb/control/" + script)), member.content(), script);
        }
    }

    @Test
    void payloadHoldsJarLauncherUnitConfigAndDocs() throws IOException {
        assertMember("./usr/share/sriov-agent/sriov-agent.jar", 0644, BASE.resolve("target/sriov-agent.jar"));
        assertMember("./usr/bin/sriov-agent", 0755, BASE.resolve("src/launcher/sriov-agent"));
        assertMember("./lib/systemd/system/sriov-agent.service", 0644, BASE.resolve("../systemd/sriov-agent.service"));
        assertMember("./etc/sriov-agent/sriov-agent.env", 0644, BASE.resolve("../systemd/sriov-agent.env"));
        assertMember("./usr/share/doc/sriov-agent/operations.md", 0644, BASE.resolve("../docs/operations.md"));
        assertTrue(data.keySet().stream().anyMatch(p -> p.startsWith("./usr/share/doc/sriov-agent/examples/")),
                () -> "payload: " + data.keySet());
    }

    private static void assertMember(String path, int mode, Path source) throws IOException {
        Member member = data.get(path);
        assertTrue(member != null, () -> path + " not in " + data.keySet());
        assertEquals(mode, member.mode() & 0777, () -> path + " mode " + Integer.toOctalString(member.mode()));
        assertArrayEquals(Files.readAllBytes(source), member.content(), path);
    }

    private static Map<String, Member> untar(InputStream compressed) throws IOException {
        Map<String, Member> members = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(compressed)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName().startsWith("./") ? entry.getName() : "./" + entry.getName();
                members.put(name, new Member(entry.getMode(), tar.readAllBytes()));
            }
        }
        return members;
    }

    private static String text(Map<String, Member> members, String name) {
        Member member = members.get(name);
        assertTrue(member != null, () -> name + " not in " + members.keySet());
        return new String(member.content(), StandardCharsets.UTF_8);
    }

    /** deb822 fields; continuation lines (starting with a space) belong to the field above. */
    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : text.split("\n")) {
            if (line.startsWith(" ") && last != null) {
                fields.merge(last, "\n" + line, String::concat);
            } else if (line.contains(":")) {
                last = line.substring(0, line.indexOf(':'));
                fields.put(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return fields;
    }
}
